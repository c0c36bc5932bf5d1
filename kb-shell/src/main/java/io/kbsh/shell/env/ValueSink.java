package io.kbsh.shell.env;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where {@link EnvironmentWriter} puts an environment: a JSON generator (the file), or plain Java values
 * (what rules see). One writer serves both, so the names and the shape of the two cannot drift apart.
 * The methods are those of Jackson's generator that the writer uses; numbers are whole.
 *
 * <p>Not thread-safe: one sink per write.
 */
abstract class ValueSink {

    abstract void writeStartObject() throws IOException;

    abstract void writeEndObject() throws IOException;

    abstract void writeStartArray() throws IOException;

    abstract void writeEndArray() throws IOException;

    abstract void writeFieldName(String name) throws IOException;

    abstract void writeString(String value) throws IOException;

    abstract void writeNumber(long value) throws IOException;

    abstract void writeBoolean(boolean value) throws IOException;

    /** Whether an empty list is written as one ({@code []}) rather than left out, as the file leaves it. */
    boolean keepsEmptyLists() {
        return false;
    }

    final void writeStringField(String name, String value) throws IOException {
        writeFieldName(name);
        writeString(value);
    }

    final void writeNumberField(String name, long value) throws IOException {
        writeFieldName(name);
        writeNumber(value);
    }

    final void writeBooleanField(String name, boolean value) throws IOException {
        writeFieldName(name);
        writeBoolean(value);
    }

    final void writeArrayFieldStart(String name) throws IOException {
        writeFieldName(name);
        writeStartArray();
    }

    final void writeObjectFieldStart(String name) throws IOException {
        writeFieldName(name);
        writeStartObject();
    }

    /** The JSON file: everything goes to {@code g}. */
    static ValueSink json(JsonGenerator g) {
        return new ValueSink() {
            @Override
            void writeStartObject() throws IOException {
                g.writeStartObject();
            }

            @Override
            void writeEndObject() throws IOException {
                g.writeEndObject();
            }

            @Override
            void writeStartArray() throws IOException {
                g.writeStartArray();
            }

            @Override
            void writeEndArray() throws IOException {
                g.writeEndArray();
            }

            @Override
            void writeFieldName(String name) throws IOException {
                g.writeFieldName(name);
            }

            @Override
            void writeString(String value) throws IOException {
                g.writeString(value);
            }

            @Override
            void writeNumber(long value) throws IOException {
                g.writeNumber(value);
            }

            @Override
            void writeBoolean(boolean value) throws IOException {
                g.writeBoolean(value);
            }
        };
    }

    /**
     * Plain values: objects as unmodifiable maps in the order written, arrays as unmodifiable lists, whole
     * numbers as {@code Long}, flags as {@code Boolean}, text as {@code String} — what reading the JSON
     * file back with Jackson and converting its tree would give, without writing or parsing any text.
     */
    static final class Plain extends ValueSink {
        private final boolean keepsEmptyLists;
        private final Deque<Object> open = new ArrayDeque<>();
        private final Deque<String> names = new ArrayDeque<>();
        private String pending;
        private Object result;

        Plain(boolean keepsEmptyLists) {
            this.keepsEmptyLists = keepsEmptyLists;
        }

        @Override
        boolean keepsEmptyLists() {
            return keepsEmptyLists;
        }

        /** The value written: the outermost object or array, once it is closed. */
        Object result() {
            if (result == null || !open.isEmpty()) {
                throw new IllegalStateException("nothing complete was written");
            }
            return result;
        }

        @Override
        void writeStartObject() {
            begin(new LinkedHashMap<String, Object>());
        }

        @Override
        void writeEndObject() {
            @SuppressWarnings("unchecked")
            Map<String, Object> done = (Map<String, Object>) open.pop();
            end(Collections.unmodifiableMap(done));
        }

        @Override
        void writeStartArray() {
            begin(new ArrayList<Object>());
        }

        @Override
        void writeEndArray() {
            @SuppressWarnings("unchecked")
            List<Object> done = (List<Object>) open.pop();
            end(Collections.unmodifiableList(done));
        }

        @Override
        void writeFieldName(String name) {
            if (!(open.peek() instanceof Map<?, ?>)) {
                throw new IllegalStateException("a field name outside an object: " + name);
            }
            pending = name;
        }

        @Override
        void writeString(String value) {
            add(value);
        }

        @Override
        void writeNumber(long value) {
            add(value);
        }

        @Override
        void writeBoolean(boolean value) {
            add(value);
        }

        /** A container starts: remember the field it will be the value of, and fill it until it ends. */
        private void begin(Object container) {
            names.push(open.isEmpty() ? "" : claim());
            open.push(container);
        }

        /** A container ends: it becomes the value of the field (or element) it was started for. */
        private void end(Object done) {
            String name = names.pop();
            if (open.isEmpty()) {
                result = done;
            } else {
                put(name, done);
            }
        }

        private void add(Object value) {
            if (open.isEmpty()) {
                throw new IllegalStateException("a value outside any object or array");
            }
            put(open.peek() instanceof Map<?, ?> ? claim() : "", value);
        }

        @SuppressWarnings("unchecked")
        private void put(String name, Object value) {
            Object into = open.peek();
            if (into instanceof Map<?, ?> m) {
                ((Map<String, Object>) m).put(name, value);
            } else {
                ((List<Object>) into).add(value);
            }
        }

        private String claim() {
            if (!(open.peek() instanceof Map<?, ?>)) {
                return "";
            }
            if (pending == null) {
                throw new IllegalStateException("a value in an object without a field name");
            }
            String name = pending;
            pending = null;
            return name;
        }
    }
}
