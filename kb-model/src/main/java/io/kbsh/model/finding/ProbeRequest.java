package io.kbsh.model.finding;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A probe a check asks to run, by probe id, against a host and port (port 0 for probes such as {@code mx}
 * whose target is a domain), with parameters and the reason it is wanted. The shell resolves the id.
 *
 * @since 2.0
 */
public record ProbeRequest(String probe, String host, int port, Map<String, String> parameters, String purpose) {

    public ProbeRequest {
        Objects.requireNonNull(probe, "probe");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(purpose, "purpose");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }

    public static ProbeRequest of(String probe, String host, int port, String purpose) {
        return new ProbeRequest(probe, host, port, Map.of(), purpose);
    }

    /** e.g. {@code smtp 203.0.113.5:25} or {@code mx example.com}. */
    public String target() {
        return port == 0 ? host : host + ":" + port;
    }

    public String describe() {
        StringBuilder sb = new StringBuilder(probe).append(' ').append(target());
        new TreeMap<>(parameters)
                .forEach((k, v) -> sb.append(' ').append(k).append('=').append(v));
        return sb.toString();
    }
}
