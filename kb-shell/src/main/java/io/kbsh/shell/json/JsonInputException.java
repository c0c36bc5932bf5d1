package io.kbsh.shell.json;

import java.util.Objects;

/**
 * A JSON input file (environment, waivers) that cannot be used: what is wrong, in which file, at which line and column, and at
 * which field path (e.g. {@code servers[0].exchange}).
 */
public final class JsonInputException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;
    private final int column;
    private final String fieldPath;
    private final String problem;

    public JsonInputException(String source, int line, int column, String fieldPath, String problem) {
        super(format(source, line, column, fieldPath, problem));
        this.source = Objects.requireNonNull(source, "source");
        this.line = line;
        this.column = column;
        this.fieldPath = fieldPath == null ? "" : fieldPath;
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    private static String format(String source, int line, int column, String path, String problem) {
        StringBuilder sb = new StringBuilder(source);
        if (line > 0) {
            sb.append(':').append(line);
            if (column > 0) {
                sb.append(':').append(column);
            }
        }
        sb.append(": ");
        if (path != null && !path.isEmpty()) {
            sb.append(path).append(": ");
        }
        return sb.append(problem).toString();
    }

    public String source() {
        return source;
    }

    /** 1-based line, or 0 when unknown. */
    public int line() {
        return line;
    }

    /** 1-based column, or 0 when unknown. */
    public int column() {
        return column;
    }

    /** The field path such as {@code connectors[2].path[0]}; empty for the document as a whole. */
    public String fieldPath() {
        return fieldPath;
    }

    public String problem() {
        return problem;
    }
}
