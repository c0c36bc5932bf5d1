/**
 * What a check reports: {@link io.kbsh.model.finding.Finding} with its severity, scope, evidence, the fix
 * it cites and the actions (INI plans, probes to run) that follow from it.
 *
 * @since 2.0
 */
package io.kbsh.model.finding;
