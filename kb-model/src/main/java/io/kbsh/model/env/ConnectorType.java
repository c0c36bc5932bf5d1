package io.kbsh.model.env;

/**
 * The kinds of Exchange connectors the environment model knows.
 *
 * @since 2.0
 */
public enum ConnectorType {
    X400("X.400 Connector"),
    SITE("Site Connector"),
    DYNAMIC_RAS("Dynamic RAS Connector"),
    /** Internet Mail Connector (4.0) or Internet Mail Service (5.0 and later). */
    INTERNET_MAIL("Internet Mail Connector/Service");

    private final String label;

    ConnectorType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Connectors that the MTA runs (as opposed to the Internet Mail Connector/Service). */
    public boolean runByMta() {
        return this != INTERNET_MAIL;
    }
}
