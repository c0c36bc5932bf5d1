package io.kbsh.net.dns;

import java.util.Objects;

/**
 * One MX record: the mail host (without the trailing dot) and its preference (lower is tried first).
 *
 * @since 2.0
 */
public record MxRecord(String host, int preference) {

    public MxRecord {
        Objects.requireNonNull(host, "host");
    }
}
