package io.kbsh.model.env;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * One MX record: preference (lower is tried first) and host.
 *
 * @since 2.0
 */
public record MxRecord(@JsonProperty(required = true) int preference, @JsonProperty(required = true) String host) {
    public MxRecord {
        Objects.requireNonNull(host, "host");
    }
}
