package io.kbsh.model.env;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A firewall: what sits behind it (server and proxy ids), its vendor, product and version, whether it
 * proxies or passes connections through, the features that change what Exchange sees (Mail Guard,
 * transparency) and its rules as the flows it allows.
 *
 * @param id the id other objects use
 * @param name a name for people (the id when not given)
 * @param protects the servers and proxies behind it, by id
 * @param vendor the vendor ({@code Cisco}, {@code Axent})
 * @param product the product ({@code PIX}, {@code Raptor})
 * @param version the product's version as the vendor writes it
 * @param mode proxying or pass-through, when known
 * @param features features that change the traffic
 * @param rules the flows it allows; empty when not described (not "allows nothing")
 * @param provenance where derived fields came from, by field name
 * @param extensions plugin-declared fields
 * @since 2.0 (components from {@code vendor} on: 2.1)
 */
public record Firewall(
        String id,
        String name,
        List<String> protects,
        Optional<String> vendor,
        Optional<String> product,
        Optional<String> version,
        Optional<FirewallMode> mode,
        Set<FirewallFeature> features,
        List<FlowRule> rules,
        Map<String, Provenance> provenance,
        Extensions extensions) {

    public Firewall {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(vendor, "vendor");
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(extensions, "extensions");
        protects = List.copyOf(protects);
        features = features.isEmpty() ? Set.of() : Set.copyOf(features);
        rules = List.copyOf(rules);
        provenance = Map.copyOf(provenance);
    }

    /** A firewall known only by its id and what it protects (all that schema version 1 says). */
    public Firewall(String id, String name, List<String> protects) {
        this(
                id,
                name == null ? id : name,
                protects == null ? List.of() : protects,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Set.of(),
                List.of(),
                Map.of(),
                Extensions.none());
    }

    /**
     * True when the firewall has {@code feature}.
     *
     * @since 2.1
     */
    public boolean has(FirewallFeature feature) {
        return features.contains(feature);
    }

    /**
     * True when the rules are described and one admits the flow (see {@link FlowRule#allows}).
     *
     * @since 2.1
     */
    public boolean allows(String from, String to, FlowRule.IpProtocol protocol, int port) {
        return rules.stream().anyMatch(r -> r.allows(from, to, protocol, port));
    }

    /**
     * A builder for a firewall with the given id.
     *
     * @since 2.1
     */
    public static Builder builder(String id) {
        return new Builder(id);
    }

    /**
     * Builds a {@link Firewall}.
     *
     * @since 2.1
     */
    public static final class Builder {
        private final String id;
        private String name;
        private final List<String> protects = new ArrayList<>();
        private Optional<String> vendor = Optional.empty();
        private Optional<String> product = Optional.empty();
        private Optional<String> version = Optional.empty();
        private Optional<FirewallMode> mode = Optional.empty();
        private final Set<FirewallFeature> features = EnumSet.noneOf(FirewallFeature.class);
        private final List<FlowRule> rules = new ArrayList<>();
        private final Map<String, Provenance> provenance = new LinkedHashMap<>();
        private Extensions extensions = Extensions.none();

        private Builder(String id) {
            this.id = Objects.requireNonNull(id, "id");
            this.name = id;
        }

        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        public Builder protects(String... ids) {
            protects.addAll(List.of(ids));
            return this;
        }

        public Builder vendor(String vendor) {
            this.vendor = Optional.of(vendor);
            return this;
        }

        public Builder product(String product) {
            this.product = Optional.of(product);
            return this;
        }

        public Builder version(String version) {
            this.version = Optional.of(version);
            return this;
        }

        public Builder mode(FirewallMode mode) {
            this.mode = Optional.of(mode);
            return this;
        }

        public Builder feature(FirewallFeature feature) {
            features.add(Objects.requireNonNull(feature, "feature"));
            return this;
        }

        public Builder rule(FlowRule rule) {
            rules.add(Objects.requireNonNull(rule, "rule"));
            return this;
        }

        public Builder provenance(String field, Provenance where) {
            provenance.put(Objects.requireNonNull(field, "field"), Objects.requireNonNull(where, "where"));
            return this;
        }

        public Builder extensions(Extensions fields) {
            this.extensions = Objects.requireNonNull(fields, "fields");
            return this;
        }

        public Firewall build() {
            return new Firewall(
                    id, name, protects, vendor, product, version, mode, features, rules, provenance, extensions);
        }
    }
}
