package io.kbsh.model.env;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The kinds of Exchange connectors the environment model knows.
 *
 * @since 2.0
 */
public enum ConnectorType {
    @JsonProperty("x400") X400("X.400 Connector"),
    @JsonProperty("site") SITE("Site Connector"),
    @JsonProperty("dynamic-ras") DYNAMIC_RAS("Dynamic RAS Connector"),
    /** Internet Mail Connector (4.0) or Internet Mail Service (5.0 and later). */
    @JsonProperty("internet-mail") INTERNET_MAIL("Internet Mail Connector/Service");

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
