/**
 * The MX check: {@link io.kbsh.net.mx.MxProbe} looks up a domain's MX hosts and probes each one's SMTP,
 * giving an {@link io.kbsh.net.mx.MxReport}.
 *
 * @since 2.0
 */
package io.kbsh.net.mx;
