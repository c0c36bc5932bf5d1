/**
 * The RFC 1006 probe (ISO transport over TCP, as X.400 MTAs speak it) and TSEL syntax ({@link
 * io.kbsh.net.rfc1006.Tsel}).
 *
 * @since 2.0
 */
package io.kbsh.net.rfc1006;
