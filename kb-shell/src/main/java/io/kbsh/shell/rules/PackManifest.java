package io.kbsh.shell.rules;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A rule pack's manifest ({@value RuleFormat#MANIFEST}): its id (a plugin id), a name, its own version and
 * the rule-format version its rules are written in.
 */
public record PackManifest(
        @JsonProperty(required = true) String id,
        @JsonProperty(required = true) String name,
        @JsonProperty(required = true) String version,
        @JsonProperty(required = true) int format,
        String description) {

    public PackManifest {
        description = description == null ? "" : description;
    }
}
