/**
 * Planned edits: {@link io.kbsh.ini.plan.IniPlan} (a file, its expected content and the edits), shown as a
 * diff before anything is written.
 *
 * @since 2.0
 */
package io.kbsh.ini.plan;
