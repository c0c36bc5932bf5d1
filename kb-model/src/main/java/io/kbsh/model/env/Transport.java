package io.kbsh.model.env;

/**
 * The network an X.400 connector runs over.
 *
 * @since 2.0
 */
public enum Transport {
    TCPIP("TCP/IP"),
    TP4("TP4"),
    X25("X.25");

    private final String label;

    Transport(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
