package io.kbsh.testkit;

import io.kbsh.model.fact.Evidence;
import io.kbsh.model.fact.ProbeStatus;
import io.kbsh.net.probe.ProbeResult;
import io.kbsh.net.probe.ProbeTarget;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A builder for the {@link ProbeResult} a probe returns, for tests of code that consumes probe results
 * (a command that prints them, a check fed their {@link ProbeResult#toFact() facts}):
 * {@code TestProbeResults.of("smtp", "127.0.0.1", 25).ok("ehlo").evidence(EvidenceKeys.GREETING, "220 x").build()}.
 *
 * <p>Not thread-safe; the results it builds are immutable.
 */
public final class TestProbeResults {

    private final String probe;
    private final ProbeTarget target;
    private ProbeStatus status = ProbeStatus.REFUSED;
    private String stage = "resolve";
    private Duration latency = Duration.ofMillis(1);
    private final Evidence.Builder evidence = Evidence.builder();
    private Instant observedAt = TestFacts.OBSERVED_AT;

    private TestProbeResults(String probe, ProbeTarget target) {
        this.probe = probe;
        this.target = target;
    }

    /** Probe {@code probe} of {@code host}:{@code port}; until told otherwise, refused having resolved the name. */
    public static TestProbeResults of(String probe, String host, int port) {
        return new TestProbeResults(probe, ProbeTarget.of(host, port));
    }

    /** Ended OK having completed {@code stage}. */
    public TestProbeResults ok(String stage) {
        return status(ProbeStatus.OK, stage);
    }

    public TestProbeResults status(ProbeStatus status, String stage) {
        this.status = status;
        this.stage = stage;
        return this;
    }

    /** One evidence entry, in the order given. */
    public TestProbeResults evidence(String key, String value) {
        evidence.text(key, value);
        return this;
    }

    /** A list evidence entry (capabilities, extensions), in the order given. */
    public TestProbeResults evidence(String key, List<String> values) {
        evidence.list(key, values);
        return this;
    }

    /** A number evidence entry (milliseconds, counts). */
    public TestProbeResults number(String key, long value) {
        evidence.number(key, value);
        return this;
    }

    /** A yes/no evidence entry. */
    public TestProbeResults flag(String key, boolean value) {
        evidence.flag(key, value);
        return this;
    }

    public TestProbeResults latency(Duration latency) {
        this.latency = latency;
        return this;
    }

    public TestProbeResults observedAt(Instant when) {
        this.observedAt = when;
        return this;
    }

    public ProbeResult build() {
        return new ProbeResult(probe, target, status, stage, latency, evidence.build(), observedAt);
    }
}
