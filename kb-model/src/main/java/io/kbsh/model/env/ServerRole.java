package io.kbsh.model.env;

/**
 * A Windows role a server holds besides Exchange. In JSON: {@code "primary-domain-controller"} and so on.
 *
 * @since 2.1
 */
public enum ServerRole {
    /** Windows NT's primary domain controller. */
    PRIMARY_DOMAIN_CONTROLLER("primary domain controller"),
    /** Windows NT's backup domain controller. */
    BACKUP_DOMAIN_CONTROLLER("backup domain controller"),
    /** A Windows 2000 domain controller. */
    DOMAIN_CONTROLLER("domain controller"),
    /** A Windows 2000 global catalog server (port 3268). */
    GLOBAL_CATALOG("global catalog");

    private final String label;

    ServerRole(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** True for any of the domain controller roles. */
    public boolean controlsDomain() {
        return this != GLOBAL_CATALOG;
    }
}
