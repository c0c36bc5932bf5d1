/**
 * Probes of the mail protocols: SMTP, POP3, IMAP4 and NNTP greetings, capabilities and STARTTLS.
 *
 * @since 2.0
 */
package io.kbsh.net.mail;
