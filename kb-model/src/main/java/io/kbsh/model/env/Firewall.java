package io.kbsh.model.env;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;

/**
 * A firewall and what sits behind it (server and proxy ids).
 *
 * @since 2.0
 */
public record Firewall(@JsonProperty(required = true) String id, String name, List<String> protects) {
    public Firewall {
        Objects.requireNonNull(id, "id");
        name = name == null ? id : name;
        protects = protects == null ? List.of() : List.copyOf(protects);
    }
}
