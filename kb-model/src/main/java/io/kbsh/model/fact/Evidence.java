package io.kbsh.model.fact;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a probe saw, key by key, in the order of the conversation (address, greeting, capabilities, TLS,
 * certificate), each value typed ({@link EvidenceValue}). Immutable. The keys kb-net's probes write are
 * constants of {@code io.kbsh.net.probe.EvidenceKeys}.
 *
 * @since 2.1
 */
public final class Evidence {

    private static final Evidence NONE = new Evidence(Map.of());

    private final Map<String, EvidenceValue> values;

    private Evidence(Map<String, EvidenceValue> values) {
        this.values = values;
    }

    /** No evidence. */
    public static Evidence none() {
        return NONE;
    }

    /** {@code values} in their iteration order. */
    public static Evidence of(Map<String, ? extends EvidenceValue> values) {
        Map<String, EvidenceValue> copy = new LinkedHashMap<>();
        values.forEach((k, v) ->
                copy.put(Objects.requireNonNull(k, "evidence key"), Objects.requireNonNull(v, () -> "evidence " + k)));
        return new Evidence(Collections.unmodifiableMap(copy));
    }

    /** Text-only evidence, e.g. written by hand in a test or read from an older report. */
    public static Evidence ofText(Map<String, String> text) {
        Map<String, EvidenceValue> typed = new LinkedHashMap<>();
        text.forEach((k, v) ->
                typed.put(k, new EvidenceValue.TextValue(Objects.requireNonNull(v, () -> "evidence " + k))));
        return of(typed);
    }

    /** The typed values, in order; unmodifiable. */
    public Map<String, EvidenceValue> values() {
        return values;
    }

    /** Every value as a person reads it, in order; unmodifiable. */
    public Map<String, String> asText() {
        Map<String, String> text = new LinkedHashMap<>();
        values.forEach((k, v) -> text.put(k, v.display()));
        return Collections.unmodifiableMap(text);
    }

    public Set<String> keys() {
        return values.keySet();
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }

    public Optional<EvidenceValue> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /** The value of {@code key} as a person reads it, whatever its type. */
    public Optional<String> text(String key) {
        return get(key).map(EvidenceValue::display);
    }

    /** The number under {@code key}; text that is a whole number counts too. */
    public Optional<Long> number(String key) {
        EvidenceValue v = values.get(key);
        if (v instanceof EvidenceValue.NumberValue n) {
            return Optional.of(n.value());
        }
        if (v instanceof EvidenceValue.TextValue t && t.value().matches("-?\\d{1,18}")) {
            return Optional.of(Long.parseLong(t.value()));
        }
        return Optional.empty();
    }

    /** The flag under {@code key}; text {@code true} / {@code false} counts too. */
    public Optional<Boolean> flag(String key) {
        EvidenceValue v = values.get(key);
        if (v instanceof EvidenceValue.FlagValue f) {
            return Optional.of(f.value());
        }
        if (v instanceof EvidenceValue.TextValue t
                && (t.value().equals("true") || t.value().equals("false"))) {
            return Optional.of(Boolean.parseBoolean(t.value()));
        }
        return Optional.empty();
    }

    public Optional<Instant> time(String key) {
        return values.get(key) instanceof EvidenceValue.TimeValue t ? Optional.of(t.value()) : Optional.empty();
    }

    /** The items under {@code key}; a text value is one item; empty when absent. */
    public List<String> list(String key) {
        EvidenceValue v = values.get(key);
        if (v instanceof EvidenceValue.ListValue l) {
            return l.value();
        }
        return v == null ? List.of() : List.of(v.display());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Evidence e && values.equals(e.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return asText().toString();
    }

    /**
     * Collects evidence in order; a key given again keeps its first place and takes the new value.
     *
     * @since 2.0
     */
    public static final class Builder {
        private final Map<String, EvidenceValue> values = new LinkedHashMap<>();

        public Builder put(String key, EvidenceValue value) {
            values.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        public Builder text(String key, String value) {
            return put(key, new EvidenceValue.TextValue(value));
        }

        public Builder number(String key, long value) {
            return put(key, new EvidenceValue.NumberValue(value));
        }

        public Builder flag(String key, boolean value) {
            return put(key, new EvidenceValue.FlagValue(value));
        }

        public Builder time(String key, Instant value) {
            return put(key, new EvidenceValue.TimeValue(value));
        }

        public Builder list(String key, List<String> value) {
            return put(key, new EvidenceValue.ListValue(value));
        }

        public Builder putAll(Evidence other) {
            values.putAll(other.values);
            return this;
        }

        public Evidence build() {
            return of(values);
        }
    }

    public static Builder builder() {
        return new Builder();
    }
}
