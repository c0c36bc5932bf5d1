package io.kbsh.model.env;

/**
 * The kinds of object an environment file holds, by the JSON list that holds them. Plugins name one when
 * they declare a field ({@link ExtensionField}).
 *
 * @since 2.1
 */
public enum ObjectKind {
    /** The document itself. */
    ENVIRONMENT(""),
    SITE("sites"),
    SERVER("servers"),
    CONNECTOR("connectors"),
    PROXY("proxies"),
    PUBLICATION("publications"),
    FIREWALL("firewalls"),
    /** A DNS mail domain and its MX records. */
    DNS_DOMAIN("domains"),
    DNS_SERVER("dnsServers"),
    WINDOWS_DOMAIN("windowsDomains"),
    MAIL_HOST("mailHosts");

    private final String list;

    ObjectKind(String list) {
        this.list = list;
    }

    /** The top-level JSON member that lists objects of this kind, e.g. {@code servers}; empty for the document. */
    public String list() {
        return list;
    }
}
