package io.kbsh.model.env;

import io.kbsh.model.version.ReleaseLevel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A Microsoft Proxy Server: version and service pack, its computer name and internal and external
 * addresses, the Exchange server it runs on (absent when it runs on its own computer), dynamic packet
 * filtering, the settings the articles name (access control, domain filters, how clients are told to
 * reach it), the services installed on its computer, and hotfixes.
 *
 * @param id the id other objects use
 * @param version Proxy Server's version and service pack
 * @param name its computer (NetBIOS) name, as WinSock Proxy clients may name it
 * @param internalAddress the address on the internal network
 * @param externalAddress the address on the Internet side
 * @param runsOn the id of the Exchange server it runs on
 * @param dynamicPacketFiltering dynamic packet filtering is on
 * @param accessControl WinSock Proxy access control is enabled (Q181420), when known
 * @param domainFilters the domain filters, when set (Q257379)
 * @param clientsConnectBy how its client configuration names it: by computer name or by address (Q193928)
 * @param services Windows services installed on its computer (Q222553)
 * @param hotfixes hotfixes applied, by article
 * @param provenance where derived fields came from, by field name
 * @param extensions plugin-declared fields
 * @since 2.0 (components from {@code name} on: 2.1)
 */
public record ProxyServer(
        String id,
        ReleaseLevel version,
        Optional<String> name,
        Optional<String> internalAddress,
        Optional<String> externalAddress,
        Optional<String> runsOn,
        boolean dynamicPacketFiltering,
        Optional<Boolean> accessControl,
        Optional<DomainFilters> domainFilters,
        Optional<ClientAddressing> clientsConnectBy,
        List<InstalledService> services,
        List<String> hotfixes,
        Map<String, Provenance> provenance,
        Extensions extensions) {

    /**
     * How the proxy's client configuration tells WinSock Proxy clients to reach it.
     *
     * @since 2.1
     */
    public enum ClientAddressing {
        NAME,
        ADDRESS
    }

    public ProxyServer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(internalAddress, "internalAddress");
        Objects.requireNonNull(externalAddress, "externalAddress");
        Objects.requireNonNull(runsOn, "runsOn");
        Objects.requireNonNull(accessControl, "accessControl");
        Objects.requireNonNull(domainFilters, "domainFilters");
        Objects.requireNonNull(clientsConnectBy, "clientsConnectBy");
        Objects.requireNonNull(extensions, "extensions");
        services = List.copyOf(services);
        hotfixes = List.copyOf(hotfixes);
        provenance = Map.copyOf(provenance);
    }

    public boolean hasHotfix(String article) {
        for (String h : hotfixes) {
            if (h.equalsIgnoreCase(article)) {
                return true;
            }
        }
        return false;
    }

    public boolean isRelease(String release) {
        return version.release().equals(release);
    }

    /**
     * True when the proxy runs on the Exchange server {@code serverId}.
     *
     * @since 2.1
     */
    public boolean runsOn(String serverId) {
        return runsOn.map(serverId::equals).orElse(false);
    }

    /**
     * The installed service named {@code serviceName} (without case).
     *
     * @since 2.1
     */
    public Optional<InstalledService> service(String serviceName) {
        for (InstalledService s : services) {
            if (s.is(serviceName)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /**
     * Where the derived field {@code field} came from; empty when a person stated it.
     *
     * @since 2.1
     */
    public Optional<Provenance> provenanceOf(String field) {
        return Optional.ofNullable(provenance.get(field));
    }

    /**
     * A builder for a Proxy Server at the given version.
     *
     * @since 2.1
     */
    public static Builder builder(String id, ReleaseLevel version) {
        return new Builder(id, version);
    }

    /**
     * Builds a {@link ProxyServer}: on its own computer, no addresses, no packet filtering, nothing else known.
     *
     * @since 2.1
     */
    public static final class Builder {
        private final String id;
        private final ReleaseLevel version;
        private Optional<String> name = Optional.empty();
        private Optional<String> internalAddress = Optional.empty();
        private Optional<String> externalAddress = Optional.empty();
        private Optional<String> runsOn = Optional.empty();
        private boolean dynamicPacketFiltering;
        private Optional<Boolean> accessControl = Optional.empty();
        private Optional<DomainFilters> domainFilters = Optional.empty();
        private Optional<ClientAddressing> clientsConnectBy = Optional.empty();
        private final List<InstalledService> services = new ArrayList<>();
        private final List<String> hotfixes = new ArrayList<>();
        private final Map<String, Provenance> provenance = new LinkedHashMap<>();
        private Extensions extensions = Extensions.none();

        private Builder(String id, ReleaseLevel version) {
            this.id = Objects.requireNonNull(id, "id");
            this.version = Objects.requireNonNull(version, "version");
        }

        public Builder name(String computerName) {
            this.name = Optional.of(computerName);
            return this;
        }

        public Builder internalAddress(String address) {
            this.internalAddress = Optional.of(address);
            return this;
        }

        public Builder externalAddress(String address) {
            this.externalAddress = Optional.of(address);
            return this;
        }

        /** The id of the Exchange server the proxy runs on. */
        public Builder runsOn(String serverId) {
            this.runsOn = Optional.of(serverId);
            return this;
        }

        public Builder dynamicPacketFiltering(boolean enabled) {
            this.dynamicPacketFiltering = enabled;
            return this;
        }

        public Builder accessControl(boolean enabled) {
            this.accessControl = Optional.of(enabled);
            return this;
        }

        public Builder domainFilters(DomainFilters filters) {
            this.domainFilters = Optional.of(filters);
            return this;
        }

        public Builder clientsConnectBy(ClientAddressing how) {
            this.clientsConnectBy = Optional.of(how);
            return this;
        }

        public Builder service(InstalledService service) {
            services.add(Objects.requireNonNull(service, "service"));
            return this;
        }

        public Builder hotfix(String article) {
            hotfixes.add(Objects.requireNonNull(article, "article"));
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

        public ProxyServer build() {
            return new ProxyServer(
                    id,
                    version,
                    name,
                    internalAddress,
                    externalAddress,
                    runsOn,
                    dynamicPacketFiltering,
                    accessControl,
                    domainFilters,
                    clientsConnectBy,
                    services,
                    hotfixes,
                    provenance,
                    extensions);
        }
    }
}
