/**
 * The probe SPI and runner: {@link io.kbsh.net.probe.Probe} (what a plugin implements), {@link
 * io.kbsh.net.probe.ProbeContext} and the bounded {@link io.kbsh.net.probe.Wire} it talks through, {@link
 * io.kbsh.net.probe.ProbeRunner} (concurrent, bounded, cancellable), options, targets and results, the
 * evidence keys, and the plain TCP probe.
 *
 * @since 2.0
 */
package io.kbsh.net.probe;
