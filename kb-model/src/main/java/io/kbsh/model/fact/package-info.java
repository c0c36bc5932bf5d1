/**
 * What probes measured, as checks consume it: {@link io.kbsh.model.fact.Facts} (the collection a check
 * gets), {@link io.kbsh.model.fact.EndpointFact}, {@link io.kbsh.model.fact.MxFact}, typed evidence and
 * {@link io.kbsh.model.fact.ProbeStatus}.
 *
 * @since 2.0
 */
package io.kbsh.model.fact;
