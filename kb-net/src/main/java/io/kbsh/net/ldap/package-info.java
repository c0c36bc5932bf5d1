/**
 * The LDAP probe: an anonymous bind and the root DSE over a bounded connection.
 *
 * @since 2.0
 */
package io.kbsh.net.ldap;
