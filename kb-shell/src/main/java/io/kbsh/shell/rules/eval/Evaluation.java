package io.kbsh.shell.rules.eval;

import io.kbsh.model.version.ReleaseLevel;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** The state of one rule evaluated for one object: its names, what {@code as} bound, and its level. */
final class Evaluation {

    private final Map<String, Object> names;
    private final Optional<ReleaseLevel> level;
    private final Supplier<Optional<Boolean>> belowFix;

    Evaluation(Map<String, Object> bindings, Optional<ReleaseLevel> level, Supplier<Optional<Boolean>> belowFix) {
        this.names = new LinkedHashMap<>(bindings);
        this.level = level;
        this.belowFix = belowFix;
    }

    Map<String, Object> names() {
        return names;
    }

    void bind(String name, Object value) {
        names.put(name, value);
    }

    /** The object's level of the rule's product ({@code server.exchange} for Exchange), when known. */
    Optional<ReleaseLevel> level() {
        return level;
    }

    /** Whether the object is below the rule's fix level; empty when the rule has no fix or the level is unknown. */
    Optional<Boolean> belowFix() {
        return belowFix.get();
    }
}
