package io.kbsh.model.env;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An Exchange site of the organisation.
 *
 * @since 2.0
 */
public record Site(@JsonProperty(required = true) String id, String name) {
    public Site {
        name = name == null ? id : name;
    }
}
