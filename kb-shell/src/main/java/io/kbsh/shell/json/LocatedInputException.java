package io.kbsh.shell.json;

import java.util.Objects;

/**
 * An input file kbsh cannot use, located: {@code FILE:LINE:COLUMN: [subject: ]FIELD: problem}, one line a person
 * can jump to. Environment and waiver files ({@link JsonInputException}) and rule files share the form, so every
 * reader reports the same way; the subject (e.g. {@code rule Q169113}) names what the file defines when known.
 */
public abstract class LocatedInputException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;
    private final int column;
    private final String fieldPath;
    private final String problem;

    protected LocatedInputException(
            String source, int line, int column, String subject, String fieldPath, String problem) {
        super(format(source, line, column, subject, fieldPath, problem));
        this.source = Objects.requireNonNull(source, "source");
        this.line = line;
        this.column = column;
        this.fieldPath = fieldPath == null ? "" : fieldPath;
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    private static String format(String source, int line, int column, String subject, String path, String problem) {
        StringBuilder sb = new StringBuilder(source);
        if (line > 0) {
            sb.append(':').append(line);
            if (column > 0) {
                sb.append(':').append(column);
            }
        }
        sb.append(": ");
        if (subject != null && !subject.isEmpty()) {
            sb.append(subject).append(": ");
        }
        if (path != null && !path.isEmpty()) {
            sb.append(path).append(": ");
        }
        return sb.append(problem).toString();
    }

    /** The file as the person named it (or a description such as {@code <stdin>}). */
    public final String source() {
        return source;
    }

    /** 1-based line, or 0 when unknown. */
    public final int line() {
        return line;
    }

    /** 1-based column, or 0 when unknown. */
    public final int column() {
        return column;
    }

    /** The field path such as {@code connectors[2].path[0]}; empty for the document as a whole. */
    public final String fieldPath() {
        return fieldPath;
    }

    /** What is wrong, without the location. */
    public final String problem() {
        return problem;
    }
}
