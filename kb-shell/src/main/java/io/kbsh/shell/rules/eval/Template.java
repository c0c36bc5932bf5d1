package io.kbsh.shell.rules.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A summary or evidence line with {@code {{path}}} placeholders over the rule's names ({@code {{server.id}}},
 * {@code {{proxyName}}} bound with {@code as}, {@code {{fix.level}}}). A list prints its items joined with a
 * comma; an absent value prints as {@code (none)} — which {@code rules lint} makes sure cannot happen for a
 * name the rule never has, and which never reaches a file: an INI edit or a registry value with an
 * {@link #absent} path is refused rather than written.
 */
final class Template {

    private static final Pattern PLACEHOLDER =
            Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_]*(?:\\.[A-Za-z_][A-Za-z0-9_-]*)*)\\s*}}");
    private static final Pattern OPEN = Pattern.compile("\\{\\{");

    private final String text;
    private final List<String> paths;
    /** The text around the placeholders: one more piece than paths, so rendering finds no placeholder again. */
    private final List<String> pieces;

    private Template(String text, List<String> paths, List<String> pieces) {
        this.text = text;
        this.paths = paths;
        this.pieces = pieces;
    }

    /** Parses {@code text}; a {@code {{} that does not close on a path is an error. */
    static Template parse(String text) {
        List<String> paths = new ArrayList<>();
        List<String> pieces = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(text);
        int placeholders = 0;
        int from = 0;
        while (m.find()) {
            pieces.add(text.substring(from, m.start()));
            paths.add(m.group(1));
            from = m.end();
            placeholders++;
        }
        pieces.add(text.substring(from));
        Matcher open = OPEN.matcher(text);
        int opened = 0;
        while (open.find()) {
            opened++;
        }
        if (opened != placeholders) {
            throw new IllegalArgumentException("a placeholder is written {{name}} or {{name.field}}: '" + text + "'");
        }
        return new Template(text, List.copyOf(paths), List.copyOf(pieces));
    }

    String text() {
        return text;
    }

    /** The paths the template names, in order. */
    List<String> paths() {
        return paths;
    }

    /** The paths that name nothing in {@code names} — what {@link #render} would print as {@code (none)}. */
    List<String> absent(Map<String, ?> names) {
        return paths.stream()
                .filter(p -> Values.at(names, p).isEmpty())
                .distinct()
                .toList();
    }

    String render(Map<String, ?> names) {
        if (paths.isEmpty()) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length() + 16 * paths.size());
        for (int i = 0; i < paths.size(); i++) {
            sb.append(pieces.get(i));
            List<Object> values = Values.at(names, paths.get(i));
            sb.append(values.isEmpty() ? "(none)" : Values.text(values.size() == 1 ? values.get(0) : values));
        }
        return sb.append(pieces.get(paths.size())).toString();
    }

    /** {@code {{a}}, {{b.c}}}: the placeholders of {@code paths} as a rule writes them. */
    static String placeholders(List<String> paths) {
        return String.join(", ", paths.stream().map(p -> "{{" + p + "}}").toList());
    }
}
