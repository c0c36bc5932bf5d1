package io.kbsh.shell.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JSON document read into a tree whose every value knows its line, column and field path, so that a
 * binder can report any problem where it is — also one found long after parsing (a dangling reference).
 * Duplicate keys, trailing content and nesting deeper than {@value #MAX_DEPTH} are errors.
 */
public final class JsonTree {

    /** Deeper nesting than any kbsh input needs; guards the recursion. */
    public static final int MAX_DEPTH = 64;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(
                    StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .build();

    /** Jackson's own location suffix, e.g. {@code (start marker at [Source: ...; line: 1, column: 33])}. */
    private static final Pattern START_MARKER =
            Pattern.compile("\\s*\\(start marker at \\[Source: .*; line: (\\d+), column: (\\d+)]\\)", Pattern.DOTALL);

    private static final Pattern NUMBER_RANGE =
            Pattern.compile("Numeric value \\((.*)\\) out of range of (\\w+).*", Pattern.DOTALL);

    private JsonTree() {}

    /** Jackson's message without the source excerpt it appends, which would spread the error over several lines. */
    static String syntaxProblem(String original) {
        Matcher range = NUMBER_RANGE.matcher(original);
        if (range.matches()) {
            return "number " + range.group(1) + " is out of range (" + range.group(2) + ")";
        }
        Matcher marker = START_MARKER.matcher(original);
        String text = marker.find()
                ? original.substring(0, marker.start()) + " (opened at line " + marker.group(1) + ", column "
                        + marker.group(2) + ")"
                : original;
        int cut = text.indexOf('\n');
        return "malformed JSON: " + (cut < 0 ? text : text.substring(0, cut));
    }

    /** A value in the tree. */
    public sealed interface Node permits Obj, Arr, Str, Num, Bool, Null {
        int line();

        int column();

        /** The field path, e.g. {@code servers[0].exchange}; empty for the document. */
        String path();

        /** What the value is, for messages: {@code a string}, {@code an object}. */
        String kind();
    }

    /** An object, with its members in document order. */
    public record Obj(int line, int column, String path, Map<String, Node> members) implements Node {
        public Obj {
            members = Collections.unmodifiableMap(members);
        }

        @Override
        public String kind() {
            return "an object";
        }
    }

    /** An array. */
    public record Arr(int line, int column, String path, List<Node> items) implements Node {
        public Arr {
            items = List.copyOf(items);
        }

        @Override
        public String kind() {
            return "a list";
        }
    }

    /** A string. */
    public record Str(int line, int column, String path, String value) implements Node {
        @Override
        public String kind() {
            return "a string";
        }
    }

    /** A number: {@code integral} ones as BigInteger, others as BigDecimal. */
    public record Num(int line, int column, String path, Number value, boolean integral) implements Node {
        @Override
        public String kind() {
            return integral ? "a whole number" : "a number";
        }
    }

    /** {@code true} or {@code false}. */
    public record Bool(int line, int column, String path, boolean value) implements Node {
        @Override
        public String kind() {
            return "true or false";
        }
    }

    /** {@code null}. */
    public record Null(int line, int column, String path) implements Node {
        @Override
        public String kind() {
            return "null";
        }
    }

    /** Parses {@code json}; {@code source} names it in errors. */
    public static Node parse(byte[] json, String source) throws JsonInputException {
        if (new String(json, StandardCharsets.UTF_8).isBlank()) {
            throw new JsonInputException(source, 0, 0, "", "the file is empty");
        }
        try (JsonParser p = FACTORY.createParser(json)) {
            JsonToken first = p.nextToken();
            Node root = read(p, first, "", 0);
            try {
                if (p.nextToken() != null) {
                    JsonLocation at = p.currentTokenLocation();
                    throw new JsonInputException(
                            source,
                            at.getLineNr(),
                            at.getColumnNr(),
                            "",
                            "unexpected content after the end of the document");
                }
            } catch (JsonProcessingException e) {
                throw syntax(e, source, "");
            }
            return root;
        } catch (Located e) {
            throw syntax(e.cause, source, e.path);
        } catch (JsonProcessingException e) {
            throw syntax(e, source, "");
        } catch (IOException e) {
            throw new JsonInputException(source, 0, 0, "", "cannot read: " + e.getMessage());
        }
    }

    private static JsonInputException syntax(JsonProcessingException e, String source, String path) {
        JsonLocation loc = e.getLocation();
        String original = e.getOriginalMessage();
        String problem = original.startsWith("Duplicate field") ? original : syntaxProblem(original);
        return new JsonInputException(
                source, loc == null ? 0 : loc.getLineNr(), loc == null ? 0 : loc.getColumnNr(), path, problem);
    }

    /** Carries the path of the value being read out of a parse error. */
    private static final class Located extends IOException {
        private static final long serialVersionUID = 1L;
        final transient JsonProcessingException cause;
        final String path;

        Located(JsonProcessingException cause, String path) {
            super(cause);
            this.cause = cause;
            this.path = path;
        }
    }

    private static Node read(JsonParser p, JsonToken token, String path, int depth) throws IOException {
        JsonLocation at = p.currentTokenLocation();
        int line = at.getLineNr();
        int column = at.getColumnNr();
        try {
            switch (token) {
                case START_OBJECT -> {
                    Map<String, Node> members = new LinkedHashMap<>();
                    while (true) {
                        JsonToken next = p.nextToken();
                        if (next == JsonToken.END_OBJECT) {
                            return new Obj(line, column, path, members);
                        }
                        String name = p.currentName();
                        String child = path.isEmpty() ? name : path + "." + name;
                        members.put(name, read(p, p.nextToken(), child, depth + 1));
                    }
                }
                case START_ARRAY -> {
                    List<Node> items = new ArrayList<>();
                    while (true) {
                        JsonToken next = p.nextToken();
                        if (next == JsonToken.END_ARRAY) {
                            return new Arr(line, column, path, items);
                        }
                        items.add(read(p, next, path + "[" + items.size() + "]", depth + 1));
                    }
                }
                case VALUE_STRING -> {
                    return new Str(line, column, path, p.getText());
                }
                case VALUE_NUMBER_INT -> {
                    return new Num(line, column, path, p.getBigIntegerValue(), true);
                }
                case VALUE_NUMBER_FLOAT -> {
                    BigDecimal d = p.getDecimalValue();
                    return new Num(line, column, path, d, false);
                }
                case VALUE_TRUE, VALUE_FALSE -> {
                    return new Bool(line, column, path, token == JsonToken.VALUE_TRUE);
                }
                case VALUE_NULL -> {
                    return new Null(line, column, path);
                }
                default -> throw new IllegalStateException("unexpected token " + token);
            }
        } catch (Located e) {
            throw e;
        } catch (JsonProcessingException e) {
            throw new Located(e, path);
        }
    }

    /** The node at {@code path} under {@code root}, or its nearest existing ancestor. */
    public static Node at(Node root, String path) {
        Node here = root;
        int i = 0;
        while (i < path.length()) {
            char c = path.charAt(i);
            if (c == '.') {
                i++;
                continue;
            }
            if (c == '[') {
                int close = path.indexOf(']', i);
                int index = Integer.parseInt(path.substring(i + 1, close));
                if (!(here instanceof Arr a) || index >= a.items().size()) {
                    return here;
                }
                here = a.items().get(index);
                i = close + 1;
            } else {
                int end = i;
                while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
                    end++;
                }
                String name = path.substring(i, end);
                if (!(here instanceof Obj o) || !o.members().containsKey(name)) {
                    return here;
                }
                here = o.members().get(name);
                i = end;
            }
        }
        return here;
    }

    /** A whole number's value, when it fits a long. */
    static boolean fitsLong(Num n) {
        BigInteger v = (BigInteger) n.value();
        return v.bitLength() < 64;
    }
}
