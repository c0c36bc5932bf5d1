package io.kbsh.shell.env;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

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
     * Plain values: objects as unmodifiable maps in the order written ({@link PlainMap}), arrays as unmodifiable
     * lists, whole numbers as {@code Long}, flags as {@code Boolean}, text as {@code String} — what reading the
     * JSON file back with Jackson and converting its tree would give, without writing or parsing any text.
     *
     * <p>Every environment a rule checks is written here, so the containers being filled are a plain array used
     * as a stack, with the innermost one and the field name it waits for at hand.
     */
    static final class Plain extends ValueSink {
        private final boolean keepsEmptyLists;
        /** The containers being filled, outermost first ({@link PlainMap.Builder} or a list), and their fields. */
        private Object[] open = new Object[8];

        private String[] fieldOf = new String[8];
        private int depth;
        /** The innermost container being filled, or null before the first and after the last. */
        private Object top;
        /** The field name written last, waiting for its value. */
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
            if (result == null || depth != 0) {
                throw new IllegalStateException("nothing complete was written");
            }
            return result;
        }

        @Override
        void writeStartObject() {
            begin(PlainMap.builder());
        }

        @Override
        void writeEndObject() {
            if (!(top instanceof PlainMap.Builder b)) {
                throw new IllegalStateException("the end of an object that was not started");
            }
            end(b.build());
        }

        @Override
        void writeStartArray() {
            begin(new ArrayList<Object>());
        }

        @Override
        void writeEndArray() {
            if (!(top instanceof List<?> l)) {
                throw new IllegalStateException("the end of an array that was not started");
            }
            // The view writes every list field, most of them empty: those share one empty list.
            end(l.isEmpty() ? List.of() : Collections.unmodifiableList(l));
        }

        @Override
        void writeFieldName(String name) {
            if (!(top instanceof PlainMap.Builder)) {
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
            if (depth == open.length) {
                open = Arrays.copyOf(open, depth * 2);
                fieldOf = Arrays.copyOf(fieldOf, depth * 2);
            }
            fieldOf[depth] = top == null ? "" : claim();
            open[depth++] = container;
            top = container;
        }

        /** A container ends: it becomes the value of the field (or element) it was started for. */
        private void end(Object done) {
            open[--depth] = null;
            String name = fieldOf[depth];
            top = depth == 0 ? null : open[depth - 1];
            if (top == null) {
                result = done;
            } else {
                put(name, done);
            }
        }

        private void add(Object value) {
            if (top == null) {
                throw new IllegalStateException("a value outside any object or array");
            }
            put(claim(), value);
        }

        @SuppressWarnings("unchecked")
        private void put(String name, Object value) {
            if (top instanceof PlainMap.Builder m) {
                m.put(name, value);
            } else {
                ((List<Object>) top).add(value);
            }
        }

        /** The field name a value in the innermost object is for; "" in an array. */
        private String claim() {
            if (!(top instanceof PlainMap.Builder)) {
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
