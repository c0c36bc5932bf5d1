package io.kbsh.model.env;

/**
 * An Internet protocol an Exchange server can publish through a proxy, with its well-known ports.
 *
 * @since 2.0
 */
public enum Protocol {
    POP3(110, 995, Component.INFORMATION_STORE),
    IMAP4(143, 993, Component.INFORMATION_STORE),
    LDAP(389, 636, Component.DIRECTORY),
    NNTP(119, 563, Component.INFORMATION_STORE),
    /** SMTP with SSL means STARTTLS on the same port. */
    SMTP(25, 25, Component.INTERNET_MAIL);

    private final int plainPort;
    private final int sslPort;
    private final Component servedBy;

    Protocol(int plainPort, int sslPort, Component servedBy) {
        this.plainPort = plainPort;
        this.sslPort = sslPort;
        this.servedBy = servedBy;
    }

    public int port(boolean ssl) {
        return ssl ? sslPort : plainPort;
    }

    /** The Exchange component that listens for the protocol. */
    public Component servedBy() {
        return servedBy;
    }
}
