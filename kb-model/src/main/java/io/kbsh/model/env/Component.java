package io.kbsh.model.env;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A component of an Exchange server that the articles talk about.
 *
 * @since 2.0
 */
public enum Component {
    @JsonProperty("mta") MTA("message transfer agent"),
    @JsonProperty("information-store") INFORMATION_STORE("information store"),
    @JsonProperty("directory") DIRECTORY("directory"),
    /** The Internet Mail Connector (Exchange 4.0), called the Internet Mail Service from 5.0 on. */
    @JsonProperty("internet-mail") INTERNET_MAIL("Internet Mail Connector/Service");

    private final String label;

    Component(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
