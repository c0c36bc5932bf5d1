/**
 * The INI-writer SPI: {@link io.kbsh.ini.writer.IniWriter}, a plugin's fix that turns typed arguments into
 * an {@link io.kbsh.ini.plan.IniPlan}.
 *
 * @since 2.0
 */
package io.kbsh.ini.writer;
