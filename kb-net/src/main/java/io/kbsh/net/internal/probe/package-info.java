/**
 * Not API: helpers kb-net's own probes share (how {@link io.kbsh.net.probe.Probe#configured} refuses a parameter
 * it does not know). Hidden from plugins by the shell's class loader; may change in any release.
 *
 * @since 2.1
 */
package io.kbsh.net.internal.probe;
