package io.kbsh.shell.rules;

import java.util.Objects;

/**
 * A rule file (or pack manifest) kbsh cannot use, in one line: {@code FILE:LINE:COLUMN: rule QNNNNNN:
 * FIELD: problem}. Line and column are 1-based, 0 when unknown; the rule is empty until its article is known.
 */
public final class RuleException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;
    private final int column;
    private final String rule;
    private final String path;
    private final String problem;

    public RuleException(String source, int line, int column, String rule, String path, String problem) {
        super(format(source, line, column, rule, path, problem));
        this.source = Objects.requireNonNull(source, "source");
        this.line = line;
        this.column = column;
        this.rule = rule == null ? "" : rule;
        this.path = path == null ? "" : path;
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    private static String format(String source, int line, int column, String rule, String path, String problem) {
        StringBuilder sb = new StringBuilder(source);
        if (line > 0) {
            sb.append(':').append(line);
            if (column > 0) {
                sb.append(':').append(column);
            }
        }
        sb.append(": ");
        if (rule != null && !rule.isEmpty()) {
            sb.append("rule ").append(rule).append(": ");
        }
        if (path != null && !path.isEmpty()) {
            sb.append(path).append(": ");
        }
        return sb.append(problem).toString();
    }

    public String source() {
        return source;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** The article of the rule, e.g. {@code Q193928}; empty when the file did not get that far. */
    public String rule() {
        return rule;
    }

    /** The field path, e.g. {@code outcomes[1].when[0].cel}. */
    public String path() {
        return path;
    }

    public String problem() {
        return problem;
    }
}
