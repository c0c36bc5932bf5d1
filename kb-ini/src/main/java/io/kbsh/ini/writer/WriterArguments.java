package io.kbsh.ini.writer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A writer's parameters checked against their {@link WriterParameter descriptions} and typed.
 *
 * @since 2.0
 */
public final class WriterArguments {

    private static final Pattern IPV4 =
            Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");

    private final Map<String, Object> values;
    private final Set<String> given;

    private WriterArguments(Map<String, Object> values, Set<String> given) {
        this.values = Collections.unmodifiableMap(values);
        this.given = Collections.unmodifiableSet(given);
    }

    /**
     * Checks {@code raw} ({@code name -> text}) against {@code parameters}: unknown names, missing
     * required ones and malformed values are refused; defaults fill the rest.
     */
    public static WriterArguments parse(List<WriterParameter> parameters, Map<String, String> raw)
            throws IniWriterException {
        Map<String, WriterParameter> byName = new LinkedHashMap<>();
        parameters.forEach(p -> byName.put(p.name(), p));
        for (String name : raw.keySet()) {
            if (!byName.containsKey(name)) {
                throw new IniWriterException("unknown parameter '" + name + "'"
                        + (byName.isEmpty()
                                ? " (this writer takes none)"
                                : " (known: " + String.join(", ", byName.keySet()) + ")"));
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (WriterParameter p : parameters) {
            String text = raw.get(p.name());
            if (text == null) {
                if (p.required()) {
                    throw new IniWriterException("parameter '" + p.name() + "' is required: " + p.description());
                }
                if (p.defaultValue().isEmpty()) {
                    continue;
                }
                text = p.defaultValue().get();
            }
            values.put(p.name(), convert(p, text.trim()));
        }
        return new WriterArguments(values, new LinkedHashSet<>(raw.keySet()));
    }

    private static Object convert(WriterParameter p, String text) throws IniWriterException {
        String where = "parameter '" + p.name() + "'";
        switch (p.type()) {
            case TEXT -> {
                if (text.isEmpty()) {
                    throw new IniWriterException(where + " must not be empty");
                }
                return text;
            }
            case INTEGER -> {
                try {
                    return Integer.parseInt(text);
                } catch (NumberFormatException e) {
                    throw new IniWriterException(where + " takes a whole number, got '" + text + "'");
                }
            }
            case BOOLEAN -> {
                return switch (text.toLowerCase(Locale.ROOT)) {
                    case "true", "yes", "1" -> true;
                    case "false", "no", "0" -> false;
                    default -> throw new IniWriterException(where + " takes true or false, got '" + text + "'");
                };
            }
            case CHOICE -> {
                return choose(p, text, where);
            }
            case CHOICE_LIST -> {
                List<String> list = new ArrayList<>();
                if (!text.isEmpty()) {
                    for (String item : text.split(",", -1)) {
                        String choice = choose(p, item.trim(), where);
                        if (list.contains(choice)) {
                            throw new IniWriterException(where + " lists '" + choice + "' twice");
                        }
                        list.add(choice);
                    }
                }
                return List.copyOf(list);
            }
            case IPV4_ADDRESS -> {
                if (!IPV4.matcher(text).matches()) {
                    throw new IniWriterException(
                            where + " takes an IPv4 address such as 192.0.2.10, got '" + text + "'");
                }
                return text;
            }
            default -> throw new IllegalStateException(p.type().name());
        }
    }

    private static String choose(WriterParameter p, String text, String where) throws IniWriterException {
        for (String choice : p.choices()) {
            if (choice.equalsIgnoreCase(text)) {
                return choice;
            }
        }
        throw new IniWriterException(
                where + " takes one of " + String.join(", ", p.choices()) + "; got '" + text + "'");
    }

    /** True when the caller passed the parameter (rather than taking its default). */
    public boolean given(String name) {
        return given.contains(name);
    }

    /** A TEXT, CHOICE or IPV4_ADDRESS value; empty for an optional parameter not given. */
    public Optional<String> optional(String name) {
        return Optional.ofNullable((String) values.get(name));
    }

    /** A TEXT, CHOICE or IPV4_ADDRESS value that has one (given or defaulted). */
    public String text(String name) {
        return (String) require(name);
    }

    public int integer(String name) {
        return (Integer) require(name);
    }

    public boolean flag(String name) {
        return (Boolean) require(name);
    }

    /** A CHOICE_LIST value, in the order given, each spelled as in the choices. */
    @SuppressWarnings("unchecked")
    public List<String> list(String name) {
        return (List<String>) require(name);
    }

    private Object require(String name) {
        Object value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("no value for parameter '" + name + "'");
        }
        return value;
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
