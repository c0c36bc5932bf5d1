package io.kbsh.shell.rules.eval;

import io.kbsh.model.version.ReleaseLevel;
import java.util.AbstractMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The state of one rule evaluated for one object: its names, what {@code as} bound, and its level.
 *
 * <p>The rule's {@code let} values are computed when something first reads them, not up front: most objects
 * fail the rule's applicability or its first condition, and the lets were half of a rule's time when every
 * one was computed for every object. A let that fails to compute is absent, as a failed eager let was.
 * The shared bindings of the environment view are read through, never copied.
 */
final class Evaluation {

    /** Whether an object is below its rule's fix level: empty when the rule has no fix or the level is unknown. */
    interface FixCheck {
        Optional<Boolean> belowFix(Map<String, Object> bindings);
    }

    private final Names names;
    private final Optional<ReleaseLevel> level;
    private final FixCheck fix;

    /** {@code fix} answers {@code belowFix} for the object's {@code bindings}, only when a condition asks. */
    Evaluation(
            Map<String, Object> bindings, Map<String, Cel.Program> lets, Optional<ReleaseLevel> level, FixCheck fix) {
        this.names = new Names(bindings, lets);
        this.level = level;
        this.fix = fix;
    }

    /** The names as a map whose {@code let} values compute on first read; iterating it computes them all. */
    Map<String, Object> names() {
        return names;
    }

    void bind(String name, Object value) {
        names.put(name, value);
    }

    /**
     * Computes every let now, in the order written, reporting each to {@code trace}: for {@code rules explain},
     * which shows every let's value whether or not a condition read it.
     */
    void computeLets(Trace trace) {
        for (String let : names.pendingNames()) {
            Optional<Object> v = names.let(let);
            if (v.isPresent()) {
                trace.step("let " + let, Values.text(v.get()), true);
            } else {
                trace.step("let " + let, "error: " + names.errors.get(let), false);
            }
        }
    }

    /** The object's level of the rule's product ({@code server.exchange} for Exchange), when known. */
    Optional<ReleaseLevel> level() {
        return level;
    }

    /** Whether the object is below the rule's fix level; empty when the rule has no fix or the level is unknown. */
    Optional<Boolean> belowFix() {
        return fix.belowFix(names.shared);
    }

    /**
     * The view's bindings, then what this evaluation bound or computed, then the lets not yet computed. Nothing
     * is copied per evaluation: the rule's lets are read in place, and the evaluation's own names and errors are
     * made when the first one is.
     */
    private static final class Names extends AbstractMap<String, Object> {
        private final Map<String, Object> shared;
        private final Map<String, Cel.Program> lets;
        private Map<String, Object> own = Map.of();
        private Map<String, String> errors = Map.of();

        Names(Map<String, Object> shared, Map<String, Cel.Program> lets) {
            this.shared = shared;
            this.lets = lets;
        }

        private boolean pending(Object name) {
            return lets.containsKey(name) && !own.containsKey(name) && !errors.containsKey(name);
        }

        java.util.List<String> pendingNames() {
            return lets.keySet().stream().filter(this::pending).toList();
        }

        /** The let's value, computed once; empty when it failed. */
        Optional<Object> let(String let) {
            if (pending(let)) {
                try {
                    // A let reads only the names before it, so this recursion ends.
                    Object value = lets.get(let).eval(this);
                    own().put(let, value);
                } catch (IllegalStateException e) {
                    errors = errors.isEmpty() ? new HashMap<>() : errors;
                    errors.put(let, e.getMessage());
                }
            }
            return Optional.ofNullable(own.get(let));
        }

        private Map<String, Object> own() {
            own = own.isEmpty() ? new HashMap<>() : own;
            return own;
        }

        @Override
        public Object get(Object key) {
            // Most reads are of the view's names, by rules without lets: each test here is one look-up saved.
            if (!own.isEmpty()) {
                Object v = own.get(key);
                if (v != null) {
                    return v;
                }
            }
            if (!lets.isEmpty() && key instanceof String k && pending(k)) {
                return let(k).orElse(null);
            }
            return shared.get(key);
        }

        @Override
        public boolean containsKey(Object key) {
            return get(key) != null;
        }

        @Override
        public Object put(String key, Object value) {
            // A name bound by the evaluation ('as', 'object', 'fix') hides a let of that name.
            return own().put(key, value);
        }

        @Override
        public Set<Entry<String, Object>> entrySet() {
            for (String let : pendingNames()) {
                let(let);
            }
            Map<String, Object> all = new LinkedHashMap<>(shared);
            all.putAll(own);
            return java.util.Collections.unmodifiableMap(all).entrySet();
        }
    }
}
