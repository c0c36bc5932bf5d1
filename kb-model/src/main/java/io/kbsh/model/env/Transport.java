package io.kbsh.model.env;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The network an X.400 connector runs over.
 *
 * @since 2.0
 */
public enum Transport {
    @JsonProperty("tcpip") TCPIP("TCP/IP"),
    @JsonProperty("tp4") TP4("TP4"),
    @JsonProperty("x25") X25("X.25");

    private final String label;

    Transport(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
