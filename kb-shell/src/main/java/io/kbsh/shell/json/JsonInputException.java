package io.kbsh.shell.json;

/**
 * A JSON input file (environment, waivers) that cannot be used: what is wrong, in which file, at which line and column, and at
 * which field path (e.g. {@code servers[0].exchange}).
 */
public final class JsonInputException extends LocatedInputException {

    private static final long serialVersionUID = 1L;

    public JsonInputException(String source, int line, int column, String fieldPath, String problem) {
        super(source, line, column, "", fieldPath, problem);
    }
}
