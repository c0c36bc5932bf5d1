/**
 * The DNS resolver facade probes use: {@link io.kbsh.net.dns.DnsResolver} (addresses and MX records over
 * real DNS packets, bounded in time, against the system's or a given server) and its answers.
 *
 * @since 2.0
 */
package io.kbsh.net.dns;
