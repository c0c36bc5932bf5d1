package io.kbsh.ini.document;

/**
 * Bytes that cannot be read as an INI file, with the byte offset where reading failed. It is an
 * {@link java.io.IOException}: a file that cannot be read is an error, never "key absent".
 *
 * @since 2.0
 */
public final class IniParseException extends java.io.IOException {

    private static final long serialVersionUID = 1L;

    private final long offset;

    public IniParseException(String message, long offset) {
        super(message + " (at byte " + offset + ")");
        this.offset = offset;
    }

    /** The byte offset in the input at which the problem was found. */
    public long offset() {
        return offset;
    }
}
