package io.kbsh.model.env;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The plugin-declared fields ({@link ExtensionField}) one environment object carries, with their values
 * as read: strings, whole numbers ({@code long}), booleans and lists of strings or numbers. A field that
 * is absent reads as empty; asking for a field with another type than it was declared with is a mistake
 * in the plugin and throws {@link IllegalArgumentException}.
 *
 * @since 2.1
 */
public final class Extensions {

    private static final Extensions NONE = new Extensions(Map.of(), Map.of());

    private final Map<String, FieldType> types;
    private final Map<String, Object> values;

    private Extensions(Map<String, FieldType> types, Map<String, Object> values) {
        this.types = types;
        this.values = values;
    }

    /** No plugin fields. */
    public static Extensions none() {
        return NONE;
    }

    /** A builder; values are checked against their declared type as they are added. */
    public static Builder builder() {
        return new Builder();
    }

    /** The names of the fields present, in the order they were read. */
    public Set<String> names() {
        return Collections.unmodifiableSet(types.keySet());
    }

    public boolean isEmpty() {
        return types.isEmpty();
    }

    /** The type of a present field. */
    public Optional<FieldType> typeOf(String name) {
        return Optional.ofNullable(types.get(name));
    }

    /** A {@link FieldType#STRING} field. */
    public Optional<String> string(String name) {
        return get(name, FieldType.STRING).map(String.class::cast);
    }

    /** A {@link FieldType#INTEGER} field. */
    public OptionalLong integer(String name) {
        return get(name, FieldType.INTEGER).map(v -> OptionalLong.of((Long) v)).orElse(OptionalLong.empty());
    }

    /** A {@link FieldType#BOOLEAN} field. */
    public Optional<Boolean> flag(String name) {
        return get(name, FieldType.BOOLEAN).map(Boolean.class::cast);
    }

    /** A {@link FieldType#STRING_LIST} field; empty when absent. */
    @SuppressWarnings("unchecked") // the reader stores a STRING_LIST field only as an unmodifiable List<String>
    public List<String> strings(String name) {
        return get(name, FieldType.STRING_LIST).map(v -> (List<String>) v).orElse(List.of());
    }

    /** A {@link FieldType#INTEGER_LIST} field; empty when absent. */
    @SuppressWarnings("unchecked") // the reader stores an INTEGER_LIST field only as an unmodifiable List<Long>
    public List<Long> integers(String name) {
        return get(name, FieldType.INTEGER_LIST).map(v -> (List<Long>) v).orElse(List.of());
    }

    /** The value of a present field as read (String, Long, Boolean or an unmodifiable List of those), for writers. */
    public Optional<Object> value(String name) {
        return Optional.ofNullable(values.get(name));
    }

    private Optional<Object> get(String name, FieldType wanted) {
        FieldType actual = types.get(name);
        if (actual != null && actual != wanted) {
            throw new IllegalArgumentException(
                    "field '" + name + "' is " + actual.expected() + ", not " + wanted.expected());
        }
        return Optional.ofNullable(values.get(name));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Extensions e && types.equals(e.types) && values.equals(e.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }

    /**
     * Builds {@link Extensions}.
     *
     * @since 2.1
     */
    public static final class Builder {
        private final Map<String, FieldType> types = new LinkedHashMap<>();
        private final Map<String, Object> values = new LinkedHashMap<>();

        private Builder() {}

        public Builder string(String name, String value) {
            return put(name, FieldType.STRING, Objects.requireNonNull(value, "value"));
        }

        public Builder integer(String name, long value) {
            return put(name, FieldType.INTEGER, value);
        }

        public Builder flag(String name, boolean value) {
            return put(name, FieldType.BOOLEAN, value);
        }

        public Builder strings(String name, List<String> value) {
            return put(name, FieldType.STRING_LIST, List.copyOf(value));
        }

        public Builder integers(String name, List<Long> value) {
            return put(name, FieldType.INTEGER_LIST, List.copyOf(value));
        }

        private Builder put(String name, FieldType type, Object value) {
            Objects.requireNonNull(name, "name");
            if (types.putIfAbsent(name, type) != null) {
                throw new IllegalArgumentException("field '" + name + "' is given twice");
            }
            values.put(name, value);
            return this;
        }

        public Extensions build() {
            return types.isEmpty()
                    ? NONE
                    : new Extensions(
                            Collections.unmodifiableMap(new LinkedHashMap<>(types)),
                            Collections.unmodifiableMap(new LinkedHashMap<>(values)));
        }
    }
}
