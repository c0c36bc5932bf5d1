package io.kbsh.model.fact;

import java.time.Instant;

/**
 * Something measured about the environment (by a probe) that a check can use as evidence. Facts are
 * immutable and say when they were observed.
 */
public sealed interface Fact permits EndpointFact, MxFact {

    /** The probe id that produced the fact, e.g. {@code smtp} or {@code mx}. */
    String probe();

    Instant observedAt();

    /** One line a person can read, used as evidence in findings. */
    String describe();
}
