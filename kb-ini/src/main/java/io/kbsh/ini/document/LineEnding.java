package io.kbsh.ini.document;

/**
 * How one line of an INI file ends. Files mix them; each line keeps its own.
 *
 * @since 2.0
 */
public enum LineEnding {
    CRLF("\r\n"),
    LF("\n"),
    CR("\r"),
    /** The last line of a file without a final newline. */
    NONE("");

    private final String text;

    LineEnding(String text) {
        this.text = text;
    }

    /** The characters of the ending ({@code ""} for {@link #NONE}). */
    public String text() {
        return text;
    }
}
