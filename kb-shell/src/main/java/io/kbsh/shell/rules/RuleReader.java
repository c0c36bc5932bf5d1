package io.kbsh.shell.rules;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.TokenStreamFactory;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.kbsh.model.internal.DataFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Reads rule files and pack manifests, YAML or JSON (by the file's extension), strictly: unknown fields,
 * duplicate keys, a list where an object belongs and a missing required field are errors naming the file,
 * line, column, rule and field. YAML scalars bind to text fields as written ({@code releases: [5.5]} is the
 * text {@code 5.5}); everything else is as strict as kbsh's JSON input.
 *
 * <p>Thread safety: stateless; the mappers are shared and thread-safe.
 */
public final class RuleReader {

    private static final YAMLFactory YAML = YAMLFactory.builder().build();
    private static final JsonFactory JSON = JsonFactory.builder().build();
    private static final ObjectMapper YAML_MAPPER =
            configure(YAMLMapper.builder(YAML)).build();
    private static final ObjectMapper JSON_MAPPER =
            configure(JsonMapper.builder(JSON)).build();

    static {
        for (ObjectMapper m : List.of(YAML_MAPPER, JSON_MAPPER)) {
            boolean yaml = m == YAML_MAPPER;
            for (LogicalType type :
                    List.of(LogicalType.Textual, LogicalType.Boolean, LogicalType.Integer, LogicalType.Float)) {
                boolean text = type == LogicalType.Textual;
                m.coercionConfigFor(type)
                        .setCoercion(
                                CoercionInputShape.Integer,
                                type == LogicalType.Integer || (yaml && text)
                                        ? CoercionAction.TryConvert
                                        : CoercionAction.Fail)
                        .setCoercion(
                                CoercionInputShape.Float,
                                type == LogicalType.Float || (yaml && text)
                                        ? CoercionAction.TryConvert
                                        : CoercionAction.Fail)
                        .setCoercion(
                                CoercionInputShape.Boolean,
                                type == LogicalType.Boolean || (yaml && text)
                                        ? CoercionAction.TryConvert
                                        : CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.String, text ? CoercionAction.TryConvert : CoercionAction.Fail)
                        .setCoercion(
                                CoercionInputShape.EmptyString, text ? CoercionAction.TryConvert : CoercionAction.Fail);
            }
        }
    }

    private RuleReader() {}

    private static <M extends ObjectMapper, B extends com.fasterxml.jackson.databind.cfg.MapperBuilder<M, B>>
            B configure(B builder) {
        return builder.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .defaultSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL));
    }

    /** A document as read: what it says, where it came from, and where each of its values sits. */
    public record Document<T>(T value, String source, SourceMap map) {

        /** A problem at {@code path} of this document. */
        public RuleException problem(String rule, String path, String problem) {
            SourceMap.Position at = map.locate(path);
            return new RuleException(source, at.line(), at.column(), rule, path, problem);
        }

        /** A problem at {@code line}:{@code column} inside the text value at {@code path} (a CEL expression). */
        public RuleException problemInside(String rule, String path, int line, int column, String problem) {
            SourceMap.Position at = map.inside(path, line, column);
            return new RuleException(source, at.line(), at.column(), rule, path, problem);
        }
    }

    /** Reads the rule file {@code file} (at most {@link RuleFormat#FILE_BYTES}). */
    public static Document<RuleSpec> rule(Path file) throws IOException, RuleException {
        byte[] content = DataFiles.read(file, RuleFormat.FILE_BYTES, "a rule file");
        return rule(content, file.toString());
    }

    /** Reads a rule from {@code content}; {@code source} names it in messages and says YAML or JSON by its extension. */
    public static Document<RuleSpec> rule(byte[] content, String source) throws RuleException {
        return read(content, source, RuleSpec.class);
    }

    public static Document<PackManifest> manifest(byte[] content, String source) throws RuleException {
        return read(content, source, PackManifest.class);
    }

    /** A YAML or JSON document as a tree (a test's environment file). */
    public static Document<com.fasterxml.jackson.databind.JsonNode> tree(byte[] content, String source)
            throws RuleException {
        return read(content, source, com.fasterxml.jackson.databind.JsonNode.class);
    }

    private static <T> Document<T> read(byte[] content, String source, Class<T> type) throws RuleException {
        boolean json = source.toLowerCase(Locale.ROOT).endsWith(".json");
        ObjectMapper mapper = json ? JSON_MAPPER : YAML_MAPPER;
        TokenStreamFactory factory = json ? JSON : YAML;
        if (new String(content, StandardCharsets.UTF_8).isBlank()) {
            throw new RuleException(source, 0, 0, "", "", "the file is empty");
        }
        SourceMap map = SourceMap.of(content, factory);
        try {
            T value = mapper.readValue(content, type);
            if (value == null) {
                throw new RuleException(source, 1, 1, "", "", "the document is empty; expected an object");
            }
            return new Document<>(value, source, map);
        } catch (JsonProcessingException e) {
            throw translate(e, source, map, articleOf(content, mapper));
        } catch (IOException e) {
            throw new RuleException(source, 0, 0, "", "", "cannot read: " + e.getMessage());
        }
    }

    /**
     * What {@code rules lint} reads: every unknown field of a rule file at once (each skipped, so that the
     * rest still binds and can be checked), then the rule as read without them; or, when the file has values of
     * the wrong shape (a list or an object where text belongs…), each of those, and no rule: a rule read with
     * holes is not compiled. {@code problems} are the shape problems and any other that stopped the reading
     * (malformed YAML, or a coercion Jackson refuses outright, such as a word for a list or {@code yes} for true).
     */
    public record Lenient(
            List<RuleException> unknownFields, Optional<Document<RuleSpec>> rule, List<RuleException> problems) {}

    /** Reads {@code content} as {@link #rule(byte[], String)} does, but collects unknown fields instead of stopping at the first. */
    public static Lenient ruleCollectingUnknownFields(byte[] content, String source) {
        boolean json = source.toLowerCase(Locale.ROOT).endsWith(".json");
        ObjectMapper strict = json ? JSON_MAPPER : YAML_MAPPER;
        List<String> unknown = new ArrayList<>();
        List<RuleException> found = new ArrayList<>();
        List<Mismatch> mismatches = new ArrayList<>();
        ObjectMapper collecting = strict.copy().addHandler(new DeserializationProblemHandler() {
            /**
             * A value of the wrong shape: noted where it starts, skipped, and read as a stand-in of the right type
             * (never null, which a list refuses) so that the rest binds; a rule with one is not compiled.
             */
            @Override
            public Object handleUnexpectedToken(
                    DeserializationContext ctxt, JavaType targetType, JsonToken t, JsonParser p, String failureMsg)
                    throws IOException {
                JsonStreamContext at = t == JsonToken.START_ARRAY || t == JsonToken.START_OBJECT
                        ? p.getParsingContext().getParent()
                        : p.getParsingContext();
                JsonLocation loc = p.currentTokenLocation();
                mismatches.add(new Mismatch(
                        pathOf(at),
                        loc.getLineNr(),
                        loc.getColumnNr(),
                        expected(targetType.getRawClass())
                                .orElse("wrong type: " + firstLine(String.valueOf(failureMsg)))));
                p.skipChildren();
                return standIn(targetType.getRawClass());
            }

            @Override
            public boolean handleUnknownProperty(
                    DeserializationContext ctxt,
                    JsonParser p,
                    JsonDeserializer<?> deserializer,
                    Object beanOrClass,
                    String propertyName)
                    throws IOException {
                List<String> known = new ArrayList<>();
                if (deserializer != null) {
                    deserializer.getKnownPropertyNames().forEach(n -> known.add(String.valueOf(n)));
                }
                unknown.add(pathOf(p.getParsingContext()) + "\u0000" + propertyName + "\u0000"
                        + String.join(", ", known.stream().sorted().toList()));
                p.skipChildren();
                return true;
            }
        });
        SourceMap map = SourceMap.of(content, json ? JSON : YAML);
        String article = articleOf(content, strict);
        Optional<Document<RuleSpec>> rule = Optional.empty();
        Optional<RuleException> problem = Optional.empty();
        List<RuleException> problems = new ArrayList<>();
        if (new String(content, StandardCharsets.UTF_8).isBlank()) {
            problem = Optional.of(new RuleException(source, 0, 0, "", "", "the file is empty"));
        } else {
            try {
                RuleSpec value = collecting.readValue(content, RuleSpec.class);
                if (value == null) {
                    problem = Optional.of(
                            new RuleException(source, 1, 1, "", "", "the document is empty; expected an object"));
                } else {
                    rule = Optional.of(new Document<>(value, source, map));
                }
            } catch (InvalidNullException e) {
                // A list item of the wrong shape that has no stand-in (an object) is a null the list refuses: already
                // reported as its shape.
                if (mismatches.isEmpty()) {
                    problem = Optional.of(translate(e, source, map, article));
                }
            } catch (JsonProcessingException e) {
                problem = Optional.of(translate(e, source, map, article));
            } catch (IOException e) {
                problem = Optional.of(new RuleException(source, 0, 0, "", "", "cannot read: " + e.getMessage()));
            }
        }
        for (Mismatch m : mismatches) {
            problems.add(new RuleException(source, m.line(), m.column(), article, m.path(), m.problem()));
        }
        problem.ifPresent(problems::add);
        if (!mismatches.isEmpty()) {
            rule = Optional.empty();
        }
        for (String u : unknown) {
            String[] parts = u.split("\u0000", -1);
            String path = parts[0].isEmpty()
                    ? parts[1]
                    : parts[0].endsWith("." + parts[1]) || parts[0].equals(parts[1])
                            ? parts[0]
                            : parts[0] + "." + parts[1];
            SourceMap.Position at = map.locateKey(path);
            found.add(new RuleException(
                    source,
                    at.line(),
                    at.column(),
                    article,
                    path,
                    "unknown field '" + parts[1] + "'"
                            + (parts[2].isEmpty() ? "" : " (expected one of: " + parts[2] + ")")));
        }
        // Jackson meets a record's fields in its own order; a person reads them top to bottom.
        found.sort(java.util.Comparator.comparingInt(RuleException::line).thenComparingInt(RuleException::column));
        return new Lenient(List.copyOf(found), rule, List.copyOf(problems));
    }

    /** A value of {@code type} standing in for one of the wrong shape; null for a record, which has no empty value. */
    private static @Nullable Object standIn(Class<?> type) {
        if (type == String.class) {
            return "";
        }
        if (List.class.isAssignableFrom(type)) {
            return new ArrayList<>();
        }
        if (java.util.Map.class.isAssignableFrom(type)) {
            return new java.util.LinkedHashMap<>();
        }
        if (type == Boolean.class) {
            return Boolean.FALSE;
        }
        if (type == Integer.class) {
            return 0;
        }
        return null;
    }

    /** A value of the wrong shape that the lenient reader skipped. */
    private record Mismatch(String path, int line, int column, String problem) {}

    /** A parser context's place as a rule field path, e.g. {@code outcomes[1].when[0]}. */
    private static String pathOf(JsonStreamContext context) {
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.push("[" + c.getCurrentIndex() + "]");
            } else if (c.getCurrentName() != null) {
                parts.push("." + c.getCurrentName());
            }
        }
        String path = String.join("", parts);
        return path.startsWith(".") ? path.substring(1) : path;
    }

    /** The rule's article as written, for naming the rule in an error even when its file does not bind. */
    private static String articleOf(byte[] content, ObjectMapper mapper) {
        try {
            com.fasterxml.jackson.databind.JsonNode tree = mapper.readTree(content);
            return tree != null && tree.path("article").isTextual()
                    ? tree.path("article").asText()
                    : "";
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static RuleException translate(JsonProcessingException e, String source, SourceMap map, String rule) {
        JsonLocation loc = e.getLocation();
        int line = loc == null ? 0 : loc.getLineNr();
        int column = loc == null ? 0 : loc.getColumnNr();
        String path = "";
        if (e instanceof JsonMappingException m) {
            path = path(m.getPath());
            boolean late = e instanceof UnrecognizedPropertyException
                    || e instanceof ValueInstantiationException
                    || m.getOriginalMessage().startsWith("Missing required creator property");
            if (e instanceof UnrecognizedPropertyException u) {
                String name = u.getPropertyName();
                if (!path.equals(name) && !path.endsWith("." + name)) {
                    path = path.isEmpty() ? name : path + "." + name;
                }
            }
            SourceMap.Position at = e instanceof UnrecognizedPropertyException ? map.locateKey(path) : map.locate(path);
            if (late && at.line() > 0) {
                line = at.line();
                column = at.column();
            }
        }
        return new RuleException(source, line, column, rule, path, describe(e));
    }

    static String path(List<JsonMappingException.Reference> refs) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : refs) {
            if (r.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String describe(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            Collection<Object> known = u.getKnownPropertyIds();
            return "unknown field '" + u.getPropertyName() + "'"
                    + (known == null || known.isEmpty()
                            ? ""
                            : " (expected one of: "
                                    + known.stream()
                                            .map(String::valueOf)
                                            .sorted()
                                            .collect(Collectors.joining(", ")) + ")");
        }
        if (e instanceof ValueInstantiationException v && v.getCause() != null) {
            return String.valueOf(v.getCause().getMessage());
        }
        if (e instanceof InvalidNullException) {
            return "null is not allowed here";
        }
        String original = e.getOriginalMessage();
        if (e instanceof MismatchedInputException m) {
            if (original.startsWith("Missing required creator property")) {
                int a = original.indexOf('\'');
                int b = original.indexOf('\'', a + 1);
                return "missing required field '" + original.substring(a + 1, b) + "'";
            }
            if (original.contains("Duplicate field")) {
                return firstLine(original);
            }
            Class<?> target = m.getTargetType();
            return (target == null ? Optional.<String>empty() : expected(target))
                    .orElse("wrong type: " + firstLine(original));
        }
        return "malformed "
                + (e.getProcessor() instanceof com.fasterxml.jackson.dataformat.yaml.YAMLParser ? "YAML" : "document")
                + ": " + firstLine(original);
    }

    /** What a value bound to {@code target} must be, in a rule author's words; empty for a type without them. */
    private static Optional<String> expected(Class<?> target) {
        if (List.class.isAssignableFrom(target)) {
            return Optional.of("wrong type: expected a list");
        }
        if (target.isRecord() || java.util.Map.class.isAssignableFrom(target)) {
            return Optional.of("wrong type: expected an object");
        }
        if (target == String.class) {
            return Optional.of("wrong type: expected text");
        }
        if (target == Boolean.class || target == boolean.class) {
            return Optional.of("wrong type: expected true or false");
        }
        if (target == Integer.class || target == int.class) {
            return Optional.of("wrong type: expected a whole number");
        }
        return Optional.empty();
    }

    private static String firstLine(String text) {
        int cut = text.indexOf('\n');
        return cut < 0 ? text : text.substring(0, cut);
    }
}
