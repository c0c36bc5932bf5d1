package io.kbsh.shell.json;

import io.kbsh.shell.json.JsonTree.Arr;
import io.kbsh.shell.json.JsonTree.Bool;
import io.kbsh.shell.json.JsonTree.Node;
import io.kbsh.shell.json.JsonTree.Null;
import io.kbsh.shell.json.JsonTree.Num;
import io.kbsh.shell.json.JsonTree.Obj;
import io.kbsh.shell.json.JsonTree.Str;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads the members of one JSON object strictly, by name and type, remembering which names were asked
 * for: what is left over is an unknown field ({@link #unread()}, {@link #refuseUnknown()}), reported with
 * the names that were expected. Every problem is a {@link JsonInputException} at the offending value's
 * line, column and field path. A {@code null} member reads as absent; {@code null} inside a list, or for
 * a required member, is refused.
 */
public final class JsonFields {

    /** Binds one object's fields to a value. */
    @FunctionalInterface
    public interface Binder<T> {
        T bind(JsonFields fields) throws JsonInputException;
    }

    /** Turns a string into a value, throwing {@link IllegalArgumentException} with a message when it cannot. */
    @FunctionalInterface
    public interface Parser<T> {
        T parse(String text);
    }

    private final Obj object;
    private final String source;
    private final Set<String> asked = new LinkedHashSet<>();

    private JsonFields(Obj object, String source) {
        this.object = object;
        this.source = source;
    }

    /** The fields of {@code node}, which must be an object. */
    public static JsonFields of(Node node, String source) throws JsonInputException {
        if (!(node instanceof Obj o)) {
            throw problem(source, node, "wrong type: expected an object, got " + node.kind());
        }
        return new JsonFields(o, source);
    }

    public Obj node() {
        return object;
    }

    public String source() {
        return source;
    }

    /** A problem at {@code at}. */
    public static JsonInputException problem(String source, Node at, String problem) {
        return new JsonInputException(source, at.line(), at.column(), at.path(), problem);
    }

    /** A problem at this object. */
    public JsonInputException problem(String problem) {
        return problem(source, object, problem);
    }

    /** The JSON spelling of an enum constant: its name in lower case with hyphens ({@code pass-through}). */
    public static String jsonName(Enum<?> constant) {
        // Spelled once per enum type: the environment writer spells one for nearly every object it writes.
        return SPELLINGS.get(constant.getDeclaringClass())[constant.ordinal()];
    }

    private static final ClassValue<String[]> SPELLINGS = new ClassValue<>() {
        @Override
        protected String[] computeValue(Class<?> type) {
            Object[] constants = type.getEnumConstants();
            String[] out = new String[constants.length];
            for (int i = 0; i < constants.length; i++) {
                out[i] =
                        ((Enum<?>) constants[i]).name().toLowerCase(Locale.ROOT).replace('_', '-');
            }
            return out;
        }
    };

    /** Marks {@code name} as known without reading it (a member read elsewhere, such as {@code schemaVersion}). */
    public void known(String name) {
        asked.add(name);
    }

    /** Takes {@code name} off the expected fields again (a field of another schema version, already refused when present). */
    public void forget(String name) {
        asked.remove(name);
    }

    /** The member {@code name}; empty when absent or {@code null}. */
    public Optional<Node> node(String name) {
        asked.add(name);
        Node n = object.members().get(name);
        return n == null || n instanceof Null ? Optional.empty() : Optional.of(n);
    }

    private Node required(String name) throws JsonInputException {
        asked.add(name);
        Node n = object.members().get(name);
        if (n == null) {
            // A misspelling of the required field is the likelier mistake: name it where it is.
            for (Map.Entry<String, Node> m : object.members().entrySet()) {
                if (!asked.contains(m.getKey()) && similar(m.getKey(), name)) {
                    throw problem(
                            source, m.getValue(), "unknown field '" + m.getKey() + "' (did you mean '" + name + "'?)");
                }
            }
            throw problem("missing required field '" + name + "'");
        }
        if (n instanceof Null) {
            throw problem(source, n, "'" + name + "' must not be null");
        }
        return n;
    }

    public String string(String name) throws JsonInputException {
        return text(required(name));
    }

    public Optional<String> optString(String name) throws JsonInputException {
        Optional<Node> n = node(name);
        return n.isEmpty() ? Optional.empty() : Optional.of(text(n.get()));
    }

    /** A boolean that is false when absent. */
    public boolean flag(String name) throws JsonInputException {
        return optFlag(name).orElse(false);
    }

    public Optional<Boolean> optFlag(String name) throws JsonInputException {
        Optional<Node> n = node(name);
        if (n.isEmpty()) {
            return Optional.empty();
        }
        if (n.get() instanceof Bool b) {
            return Optional.of(b.value());
        }
        throw wrongType(n.get(), "true or false");
    }

    public int integer(String name) throws JsonInputException {
        return toInt(required(name));
    }

    public Optional<Integer> optInteger(String name) throws JsonInputException {
        Optional<Node> n = node(name);
        return n.isEmpty() ? Optional.empty() : Optional.of(toInt(n.get()));
    }

    public Optional<Long> optLong(String name) throws JsonInputException {
        Optional<Node> n = node(name);
        return n.isEmpty() ? Optional.empty() : Optional.of(toLong(n.get()));
    }

    public <E extends Enum<E>> E enumValue(String name, Class<E> type) throws JsonInputException {
        return toEnum(required(name), type);
    }

    public <E extends Enum<E>> Optional<E> optEnum(String name, Class<E> type) throws JsonInputException {
        Optional<Node> n = node(name);
        return n.isEmpty() ? Optional.empty() : Optional.of(toEnum(n.get(), type));
    }

    public <E extends Enum<E>> Set<E> enums(String name, Class<E> type) throws JsonInputException {
        Set<E> found = EnumSet.noneOf(type);
        for (Node item : items(name)) {
            found.add(toEnum(item, type));
        }
        return found;
    }

    /** A list of strings; empty when absent. */
    public List<String> strings(String name) throws JsonInputException {
        List<String> found = new ArrayList<>();
        for (Node item : items(name)) {
            found.add(text(item));
        }
        return found;
    }

    /** A list of objects, each bound by {@code binder}; empty when absent. */
    public <T> List<T> objects(String name, Binder<T> binder) throws JsonInputException {
        List<T> found = new ArrayList<>();
        for (Node item : items(name)) {
            found.add(binder.bind(of(item, source)));
        }
        return found;
    }

    /** A list of any values, each converted by {@code each}; empty when absent. */
    public <T> List<T> values(String name, NodeReader<T> each) throws JsonInputException {
        List<T> found = new ArrayList<>();
        for (Node item : items(name)) {
            found.add(each.read(item));
        }
        return found;
    }

    /** Converts one value. */
    @FunctionalInterface
    public interface NodeReader<T> {
        T read(Node node) throws JsonInputException;
    }

    public <T> Optional<T> object(String name, Binder<T> binder) throws JsonInputException {
        Optional<Node> n = node(name);
        return n.isEmpty() ? Optional.empty() : Optional.of(binder.bind(of(n.get(), source)));
    }

    /** A string turned into a value by {@code parser}; {@code expected} describes the form for messages. */
    public <T> T parsed(String name, Parser<T> parser, String expected) throws JsonInputException {
        return parse(required(name), parser, expected);
    }

    public <T> Optional<T> optParsed(String name, Parser<T> parser, String expected) throws JsonInputException {
        Optional<Node> n = node(name);
        return n.isEmpty() ? Optional.empty() : Optional.of(parse(n.get(), parser, expected));
    }

    /** A string value turned into a value by {@code parser}. */
    public <T> T parse(Node n, Parser<T> parser, String expected) throws JsonInputException {
        if (!(n instanceof Str s)) {
            throw wrongType(n, expected);
        }
        try {
            return parser.parse(s.value());
        } catch (java.time.DateTimeException e) {
            throw problem(source, n, "not " + expected + ": '" + s.value() + "'");
        } catch (IllegalArgumentException e) {
            // The value's own rule says best what is wrong ("Windows NT has no version 5.0"); fall back to the form.
            throw problem(
                    source,
                    n,
                    e.getMessage() != null && !e.getMessage().isBlank()
                            ? e.getMessage()
                            : "not " + expected + ": '" + s.value() + "'");
        }
    }

    /** The members not asked for, in document order. */
    public List<Node> unread() {
        List<Node> left = new ArrayList<>();
        object.members().forEach((name, node) -> {
            if (!asked.contains(name)) {
                left.add(node);
            }
        });
        return left;
    }

    /** The member names asked for so far: the fields this object may have. */
    public Set<String> expected() {
        return asked;
    }

    /** Refuses the first member not asked for as an unknown field, naming the expected ones. */
    public void refuseUnknown() throws JsonInputException {
        List<Node> left = unread();
        if (!left.isEmpty()) {
            throw unknown(left.get(0), asked, "");
        }
    }

    /** The error for an unknown member {@code at}: its name, the names expected, and a hint. */
    public JsonInputException unknown(Node at, Set<String> names, String hint) {
        String name = at.path().substring(at.path().lastIndexOf('.') + 1);
        return problem(
                source,
                at,
                "unknown field '" + name + "'"
                        + (names.isEmpty()
                                ? ""
                                : " (expected one of: "
                                        + String.join(
                                                ", ", names.stream().sorted().toList()) + ")")
                        + hint);
    }

    public List<Node> items(String name) throws JsonInputException {
        Optional<Node> n = node(name);
        if (n.isEmpty()) {
            return List.of();
        }
        if (!(n.get() instanceof Arr a)) {
            throw wrongType(n.get(), "a list");
        }
        for (Node item : a.items()) {
            if (item instanceof Null) {
                throw problem(source, item, "null is not allowed here");
            }
        }
        return a.items();
    }

    /** Equal without case, or at most two edits apart (a typo, not another word). */
    static boolean similar(String a, String b) {
        if (a.equalsIgnoreCase(b)) {
            return true;
        }
        if (Math.abs(a.length() - b.length()) > 2 || Math.min(a.length(), b.length()) < 4) {
            return false;
        }
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = Character.toLowerCase(a.charAt(i - 1)) == Character.toLowerCase(b.charAt(j - 1)) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()] <= 2;
    }

    public String text(Node n) throws JsonInputException {
        if (n instanceof Str s) {
            return s.value();
        }
        throw wrongType(n, "a string");
    }

    public int toInt(Node n) throws JsonInputException {
        long v = toLong(n);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw problem(source, n, "number " + v + " is out of range (int)");
        }
        return (int) v;
    }

    public long toLong(Node n) throws JsonInputException {
        if (n instanceof Num num && num.integral()) {
            BigInteger v = (BigInteger) num.value();
            if (v.bitLength() >= 64) {
                throw problem(source, n, "number " + v + " is out of range (long)");
            }
            return v.longValue();
        }
        throw wrongType(n, "a whole number");
    }

    public <E extends Enum<E>> E toEnum(Node n, Class<E> type) throws JsonInputException {
        String text = text(n);
        for (E e : type.getEnumConstants()) {
            if (jsonName(e).equals(text)) {
                return e;
            }
        }
        throw problem(
                source,
                n,
                "'" + text + "' is not one of: "
                        + String.join(
                                ", ",
                                Arrays.stream(type.getEnumConstants())
                                        .map(JsonFields::jsonName)
                                        .toList()));
    }

    /** The JSON spellings of an enum's constants. */
    public static List<String> names(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(JsonFields::jsonName).toList();
    }

    public JsonInputException wrongType(Node n, String expected) {
        return problem(source, n, "wrong type: expected " + expected + ", got " + n.kind());
    }

    /** Applies {@code f} to an optional value, for binders that map one member onto another. */
    public static <A, B> Optional<B> map(Optional<A> value, Function<A, B> f) {
        return value.map(f);
    }
}
