/**
 * Not API: the TLS handshake details behind {@link io.kbsh.net.probe.Wire#startTls} (evidence-only trust, a
 * legacy hello, reading a ServerHello). Hidden from plugins by the shell's class loader; may change in any
 * release.
 *
 * @since 2.0
 */
package io.kbsh.net.internal.tls;
