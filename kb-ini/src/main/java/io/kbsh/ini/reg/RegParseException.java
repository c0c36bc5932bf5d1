package io.kbsh.ini.reg;

/**
 * Bytes that are not a registry export at all (no Regedit header, or text that cannot be split into
 * lines). Lines inside a valid export that Regedit would skip are warnings of the document instead.
 *
 * @since 2.1
 */
public final class RegParseException extends java.io.IOException {

    private static final long serialVersionUID = 1L;

    private final int line;

    public RegParseException(String message, int line) {
        super("line " + line + ": " + message);
        this.line = line;
    }

    /** The 1-based line at which reading failed. */
    public int line() {
        return line;
    }
}
