package io.kbsh.model.env;

import java.util.Objects;

/**
 * One MX record: preference (lower is tried first) and host.
 *
 * @param preference 0 to 65535
 * @param host the mail host
 * @since 2.0
 */
public record MxRecord(int preference, String host) {
    public MxRecord {
        Objects.requireNonNull(host, "host");
    }
}
