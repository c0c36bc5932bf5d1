package io.kbsh.shell.json;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.kbsh.model.version.ReleaseLevel;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads kbsh's JSON input files strictly: unknown fields, wrong types, numbers given as strings (and the
 * reverse), duplicate keys and trailing content are errors, reported as a {@link JsonInputException} that
 * names the file, line, column and field path.
 */
public final class StrictJson {

    private static final ObjectMapper MAPPER = build();
    private static final Pattern FIELD_NAME = Pattern.compile("[a-z][A-Za-z0-9]*");
    /** Jackson's own location suffix, e.g. {@code (start marker at [Source: ...; line: 1, column: 33])}. */
    private static final Pattern START_MARKER = Pattern.compile(
            "\\s*\\(start marker at \\[Source: .*; line: (\\d+), column: (\\d+)]\\)", Pattern.DOTALL);
    private static final Pattern NUMBER_RANGE = Pattern.compile("Numeric value \\((.*)\\) out of range of (\\w+).*", Pattern.DOTALL);

    private StrictJson() {
    }

    private static ObjectMapper build() {
        SimpleModule scalars = new SimpleModule("kbsh-scalars");
        scalars.addDeserializer(ReleaseLevel.class, new TextDeserializer<>(ReleaseLevel.class, ReleaseLevel::parse, "a release level such as '5.5 SP1'"));
        scalars.addDeserializer(Path.class, new TextDeserializer<>(Path.class, Path::of, "a relative file path"));
        scalars.addDeserializer(LocalDate.class, new TextDeserializer<>(LocalDate.class, LocalDate::parse, "a date such as 2026-12-31"));
        JsonMapper mapper = JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                // Not FAIL_ON_NULL_FOR_PRIMITIVES: for records it would also refuse an absent optional flag.
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                // A null inside a list ("servers": [null]) is a mistake, never an object to skip.
                .defaultSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL))
                .addModule(scalars)
                .build();
        for (LogicalType type : List.of(LogicalType.Textual, LogicalType.Boolean, LogicalType.Integer, LogicalType.Float)) {
            mapper.coercionConfigFor(type)
                    .setCoercion(CoercionInputShape.Integer, type == LogicalType.Integer ? CoercionAction.TryConvert : CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, type == LogicalType.Float ? CoercionAction.TryConvert : CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, type == LogicalType.Boolean ? CoercionAction.TryConvert : CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.String, type == LogicalType.Textual ? CoercionAction.TryConvert : CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, type == LogicalType.Textual ? CoercionAction.TryConvert : CoercionAction.Fail);
        }
        return mapper;
    }

    /** Binds {@code json} to {@code type}; {@code source} names the input in error messages (usually the file). */
    public static <T> T read(byte[] json, String source, Class<T> type) throws JsonInputException {
        if (new String(json, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            throw new JsonInputException(source, 0, 0, "", "the file is empty");
        }
        try {
            T value = MAPPER.readValue(json, type);
            if (value == null) {
                throw new JsonInputException(source, 1, 1, "", "the document is null; expected an object");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw translate(e, json, source);
        } catch (IOException e) {
            throw new JsonInputException(source, 0, 0, "", "cannot read: " + e.getMessage());
        }
    }

    /** A problem found after binding, located by its field path in the original text. */
    public static JsonInputException problemAt(byte[] json, String source, String fieldPath, String problem) {
        int[] at = JsonLocator.locate(json, fieldPath);
        return new JsonInputException(source, at[0], at[1], fieldPath, problem);
    }

    private static JsonInputException translate(JsonProcessingException e, byte[] json, String source) {
        JsonLocation loc = e.getLocation();
        int line = loc == null ? 0 : loc.getLineNr();
        int column = loc == null ? 0 : loc.getColumnNr();
        String path = "";
        String problem = describe(e);
        if (e instanceof JsonMappingException m) {
            path = path(m.getPath());
            Optional<String> nullField = nullRequiredField(e);
            if (nullField.isPresent()) {
                // A record refused null for a required field: name the field, not the object holding it.
                path = path.isEmpty() ? nullField.get() : path + "." + nullField.get();
                problem = "'" + nullField.get() + "' must not be null";
            }
            // Record creators report some problems at the end of the object; the path points at the field.
            boolean reportedLate = e instanceof UnrecognizedPropertyException || e instanceof ValueInstantiationException
                    || m.getOriginalMessage().startsWith("Missing required creator property");
            int[] at = reportedLate ? JsonLocator.locate(json, path) : new int[] {0, 0};
            if (!path.isEmpty() && at[0] > 0) {
                line = at[0];
                column = at[1];
            }
        }
        return new JsonInputException(source, line, column, path, problem);
    }

    /** The field a record constructor refused as null ({@code Objects.requireNonNull(id, "id")}), if that is the problem. */
    private static Optional<String> nullRequiredField(JsonProcessingException e) {
        if (e instanceof ValueInstantiationException && e.getCause() instanceof NullPointerException npe
                && npe.getMessage() != null && FIELD_NAME.matcher(npe.getMessage()).matches()) {
            return Optional.of(npe.getMessage());
        }
        return Optional.empty();
    }

    /** Jackson's message without the source excerpt it appends, which would spread the error over several lines. */
    static String syntaxProblem(String original) {
        Matcher range = NUMBER_RANGE.matcher(original);
        if (range.matches()) {
            return "number " + range.group(1) + " is out of range (" + range.group(2) + ")";
        }
        Matcher marker = START_MARKER.matcher(original);
        String text = marker.find()
                ? original.substring(0, marker.start()) + " (opened at line " + marker.group(1) + ", column " + marker.group(2) + ")"
                : original;
        int cut = text.indexOf('\n');
        return "malformed JSON: " + (cut < 0 ? text : text.substring(0, cut));
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
                    + (known == null || known.isEmpty() ? "" : " (expected one of: "
                    + known.stream().map(String::valueOf).sorted().collect(Collectors.joining(", ")) + ")");
        }
        if (e instanceof InvalidFormatException f) {
            Class<?> target = f.getTargetType();
            if (target != null && target.isEnum()) {
                return "'" + f.getValue() + "' is not one of: " + String.join(", ", enumNames(target));
            }
            return f.getOriginalMessage().startsWith("not ") ? f.getOriginalMessage()
                    : "invalid value '" + f.getValue() + "': expected " + kind(target);
        }
        if (e instanceof ValueInstantiationException v && v.getCause() != null) {
            return v.getCause().getMessage();
        }
        if (e instanceof InvalidNullException) {
            return "null is not allowed here";
        }
        if (e instanceof MismatchedInputException m) {
            String original = m.getOriginalMessage();
            if (original.startsWith("Missing required creator property")) {
                int a = original.indexOf('\'');
                int b = original.indexOf('\'', a + 1);
                return "missing required field '" + original.substring(a + 1, b) + "'";
            }
            if (original.startsWith("Trailing token")) {
                return "unexpected content after the end of the document";
            }
            if (original.startsWith("expected ")) {
                return "wrong type: " + original;
            }
            if (original.contains("Duplicate field")) {
                return original;
            }
            return "wrong type: expected " + kind(m.getTargetType());
        }
        return syntaxProblem(e.getOriginalMessage());
    }

    private static String kind(Class<?> target) {
        if (target == null) {
            return "another type";
        }
        if (target == int.class || target == Integer.class || target == long.class || target == Long.class) {
            return "a whole number";
        }
        if (target == boolean.class || target == Boolean.class) {
            return "true or false";
        }
        if (target == String.class) {
            return "a string";
        }
        if (target == ReleaseLevel.class) {
            return "a release level such as '5.5 SP1'";
        }
        if (target.isEnum()) {
            return "one of: " + String.join(", ", enumNames(target));
        }
        if (List.class.isAssignableFrom(target) || Collection.class.isAssignableFrom(target) || target.isArray()) {
            return "a list";
        }
        if (Map.class.isAssignableFrom(target) || target.isRecord()) {
            return "an object";
        }
        return "a " + target.getSimpleName();
    }

    /** The JSON spellings of an enum's constants (their {@link JsonProperty} names). */
    public static List<String> enumNames(Class<?> enumType) {
        return Arrays.stream(enumType.getFields())
                .filter(java.lang.reflect.Field::isEnumConstant)
                .map(f -> {
                    JsonProperty p = f.getAnnotation(JsonProperty.class);
                    return p != null ? p.value() : f.getName();
                })
                .toList();
    }

    /** A scalar read from a JSON string only, through a parsing function. */
    private static final class TextDeserializer<T> extends JsonDeserializer<T> {
        private final Class<T> type;
        private final java.util.function.Function<String, T> parse;
        private final String expected;

        TextDeserializer(Class<T> type, java.util.function.Function<String, T> parse, String expected) {
            this.type = type;
            this.parse = parse;
            this.expected = expected;
        }

        @Override
        public Class<?> handledType() {
            return type;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(com.fasterxml.jackson.core.JsonToken.VALUE_STRING)) {
                throw MismatchedInputException.from(p, handledType(), "expected " + expected);
            }
            String text = p.getText();
            try {
                return parse.apply(text);
            } catch (IllegalArgumentException | DateTimeParseException e) {
                throw InvalidFormatException.from(p, "not " + expected + ": '" + text + "'", text, handledType());
            }
        }
    }
}
