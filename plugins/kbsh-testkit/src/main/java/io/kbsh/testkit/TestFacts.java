package io.kbsh.testkit;

import io.kbsh.model.fact.EndpointFact;
import io.kbsh.model.fact.Evidence;
import io.kbsh.model.fact.Fact;
import io.kbsh.model.fact.Facts;
import io.kbsh.model.fact.MxFact;
import io.kbsh.model.fact.ProbeStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Builders for the facts a check reads, as probes would have reported them: {@code
 * TestFacts.of(TestFacts.endpoint("pop3", "203.0.113.5", 995).ok("greeting").evidence("greeting", "+OK"))}.
 * Every fact is observed at {@link #OBSERVED_AT} unless told otherwise, so results do not depend on the clock.
 *
 * <p>Builders are not thread-safe; the facts they build are immutable.
 */
public final class TestFacts {

    /** When the built facts were observed, unless a builder is told otherwise. */
    public static final Instant OBSERVED_AT = Instant.parse("2026-01-01T00:00:00Z");

    private TestFacts() {}

    /** Facts made of {@code facts}, built or not, in order. */
    public static Facts of(Object... facts) {
        List<Fact> all = new ArrayList<>();
        for (Object f : facts) {
            if (f instanceof Fact fact) {
                all.add(fact);
            } else if (f instanceof EndpointBuilder b) {
                all.add(b.build());
            } else if (f instanceof MxBuilder b) {
                all.add(b.build());
            } else {
                throw new IllegalArgumentException("not a fact or a fact builder: " + f);
            }
        }
        return Facts.none().with(all);
    }

    /** What probe {@code probe} found at {@code host}:{@code port}; until told otherwise, refused at {@code connect}. */
    public static EndpointBuilder endpoint(String probe, String host, int port) {
        return new EndpointBuilder(probe, host, port);
    }

    /** What the MX probe found for {@code domain}; until told otherwise, the look-up was {@code OK} with no hosts. */
    public static MxBuilder mx(String domain) {
        return new MxBuilder(domain);
    }

    /** Builds an {@link EndpointFact}. */
    public static final class EndpointBuilder {
        private final String probe;
        private final String host;
        private final int port;
        private ProbeStatus status = ProbeStatus.REFUSED;
        private String stage = "connect";
        private Duration latency = Duration.ofMillis(1);
        private final Evidence.Builder evidence = Evidence.builder();
        private Instant observedAt = OBSERVED_AT;

        private EndpointBuilder(String probe, String host, int port) {
            this.probe = probe;
            this.host = host;
            this.port = port;
        }

        /** Ended {@link ProbeStatus#OK} having reached {@code stage} (e.g. {@code greeting}, {@code ehlo}). */
        public EndpointBuilder ok(String stage) {
            return status(ProbeStatus.OK, stage);
        }

        public EndpointBuilder status(ProbeStatus status, String stage) {
            this.status = status;
            this.stage = stage;
            return this;
        }

        /** One evidence entry, in the order given; the keys probes use are {@code io.kbsh.net.probe.EvidenceKeys}. */
        public EndpointBuilder evidence(String key, String value) {
            evidence.text(key, value);
            return this;
        }

        /** A list evidence entry (capabilities, extensions), in the order given. */
        public EndpointBuilder evidence(String key, List<String> values) {
            evidence.list(key, values);
            return this;
        }

        /** A number evidence entry (milliseconds, counts). */
        public EndpointBuilder number(String key, long value) {
            evidence.number(key, value);
            return this;
        }

        /** A yes/no evidence entry. */
        public EndpointBuilder flag(String key, boolean value) {
            evidence.flag(key, value);
            return this;
        }

        public EndpointBuilder latency(Duration latency) {
            this.latency = latency;
            return this;
        }

        public EndpointBuilder observedAt(Instant when) {
            this.observedAt = when;
            return this;
        }

        public EndpointFact build() {
            return new EndpointFact(probe, host, port, status, stage, latency, evidence.build(), observedAt);
        }
    }

    /** Builds an {@link MxFact}: hosts in the order a sender tries them; the verdicts follow from them. */
    public static final class MxBuilder {
        private final String domain;
        private String dnsOutcome = "OK";
        private final List<MxFact.Host> hosts = new ArrayList<>();
        private Instant observedAt = OBSERVED_AT;

        private MxBuilder(String domain) {
            this.domain = domain;
        }

        /** How the look-up ended: {@code OK}, {@code NXDOMAIN}, {@code SERVFAIL}, {@code TIMEOUT}, {@code NULL_MX}, {@code IMPLICIT_MX}. */
        public MxBuilder dnsOutcome(String outcome) {
            this.dnsOutcome = outcome;
            return this;
        }

        /** A host that accepted mail (its SMTP probe reached the greeting). */
        public MxBuilder up(String name, int preference, String address) {
            return host(name, preference, address, ProbeStatus.OK, "greeting");
        }

        /** A host whose SMTP probe ended {@code status} at {@code connect}. */
        public MxBuilder down(String name, int preference, String address, ProbeStatus status) {
            return host(name, preference, address, status, "connect");
        }

        public MxBuilder host(String name, int preference, String address, ProbeStatus status, String stage) {
            hosts.add(new MxFact.Host(name, preference, address, status, stage));
            return this;
        }

        public MxBuilder observedAt(Instant when) {
            this.observedAt = when;
            return this;
        }

        /**
         * The fact, with the two verdicts computed as the MX probe computes them: mail is delivered when any
         * host is up, and "first host only fails" when the first host is down and a later one is up.
         */
        public MxFact build() {
            boolean anyUp = hosts.stream().anyMatch(h -> h.status() == ProbeStatus.OK);
            boolean firstDown = !hosts.isEmpty() && hosts.get(0).status() != ProbeStatus.OK;
            return new MxFact(domain, dnsOutcome, hosts, anyUp, firstDown && anyUp, observedAt);
        }
    }
}
