package io.kbsh.model.command;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A command's words split into positional arguments and {@link OptionSpec options}. {@code --name value}
 * and {@code --name=value} are both accepted; {@code --} ends the options.
 *
 * @since 2.0
 */
public final class Arguments {

    private final List<String> positional;
    private final Map<String, List<String>> options;

    private Arguments(List<String> positional, Map<String, List<String>> options) {
        this.positional = List.copyOf(positional);
        this.options = options;
    }

    /** Parses {@code words} against {@code specs}; an unknown option or a missing value is a usage error. */
    public static Arguments parse(List<String> words, List<OptionSpec> specs) throws UsageException {
        Map<String, OptionSpec> byName = new LinkedHashMap<>();
        specs.forEach(s -> byName.put(s.name(), s));
        List<String> positional = new ArrayList<>();
        Map<String, List<String>> options = new LinkedHashMap<>();
        boolean optionsEnded = false;
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (optionsEnded || !word.startsWith("--") || word.length() == 2) {
                if (word.equals("--") && !optionsEnded) {
                    optionsEnded = true;
                } else {
                    positional.add(word);
                }
                continue;
            }
            String name = word.substring(2);
            String inlineValue = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                inlineValue = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            OptionSpec spec = byName.get(name);
            if (spec == null) {
                throw new UsageException("unknown option --" + name
                        + Suggestions.didYouMean(
                                "--" + name,
                                specs.stream().map(OptionSpec::spelling).toList()));
            }
            String value;
            if (!spec.takesValue()) {
                if (inlineValue != null) {
                    throw new UsageException("option --" + name + " takes no value");
                }
                value = "";
            } else if (inlineValue != null) {
                value = inlineValue;
            } else if (i + 1 < words.size()) {
                value = words.get(++i);
            } else {
                throw new UsageException("option --" + name + " needs a value");
            }
            List<String> values = options.computeIfAbsent(name, k -> new ArrayList<>());
            if (!values.isEmpty() && !spec.repeatable()) {
                throw new UsageException("option --" + name + " given twice");
            }
            values.add(value);
        }
        options.replaceAll((k, v) -> Collections.unmodifiableList(v));
        return new Arguments(positional, Collections.unmodifiableMap(options));
    }

    public List<String> positional() {
        return positional;
    }

    /** The positional argument at {@code index}, or a usage error naming it when absent. */
    public String positional(int index, String name) throws UsageException {
        if (index >= positional.size()) {
            throw new UsageException("missing argument " + name);
        }
        return positional.get(index);
    }

    public boolean has(String option) {
        return options.containsKey(option);
    }

    public Optional<String> value(String option) {
        List<String> values = options.get(option);
        return values == null ? Optional.empty() : Optional.of(values.get(values.size() - 1));
    }

    public List<String> values(String option) {
        return options.getOrDefault(option, List.of());
    }

    /** Repeatable {@code key=value} options (such as {@code --param}) as an ordered map. */
    public Map<String, String> keyValues(String option) throws UsageException {
        Map<String, String> result = new LinkedHashMap<>();
        for (String pair : values(option)) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new UsageException("option --" + option + " takes key=value, got '" + pair + "'");
            }
            result.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
        }
        return Collections.unmodifiableMap(result);
    }

    /** An integer option within {@code [min, max]}, or {@code fallback} when absent. */
    public int intValue(String option, int fallback, int min, int max) throws UsageException {
        Optional<String> text = value(option);
        if (text.isEmpty()) {
            return fallback;
        }
        try {
            int v = Integer.parseInt(text.get().trim());
            if (v < min || v > max) {
                throw new UsageException(
                        "option --" + option + " must be between " + min + " and " + max + ", got " + v);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new UsageException("option --" + option + " takes a whole number, got '" + text.get() + "'");
        }
    }
}
