package io.kbsh.model.finding;

/**
 * Whether a finding matches what the article states, or extends it to a similar case by analogy.
 *
 * @since 2.0
 */
public enum Scope {
    /** The environment is one the article names (products, versions, configuration). */
    STATED,
    /** The article does not name this case, but the same cause applies; treat with judgement. */
    ANALOGY
}
