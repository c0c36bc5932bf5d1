package io.kbsh.model.fact;

import java.time.Instant;

/**
 * Something measured about the environment (by a probe) that a check can use as evidence. Facts are
 * immutable and say when they were observed.
 *
 * @since 2.0
 */
public sealed interface Fact permits EndpointFact, MxFact, PtrFact, SoaFact {

    /** The probe id that produced the fact, e.g. {@code smtp} or {@code mx}. */
    String probe();

    Instant observedAt();

    /**
     * What the fact is about, without the probe: {@code host:port} for an endpoint, the domain for MX, the
     * address for a reverse look-up, the zone for SOA serials.
     *
     * @since 2.1
     */
    String subject();

    /** One line a person can read, used as evidence in findings. */
    String describe();
}
