package io.kbsh.shell.article.parse;

/** A file is not a readable KB article; the message names the file and, where it applies, the line. */
public final class ArticleParseException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;
    private final String reason;

    public ArticleParseException(String source, int line, String reason) {
        super(source + (line > 0 ? ":" + line : "") + ": " + reason);
        this.source = source;
        this.line = line;
        this.reason = reason;
    }

    /** The file (or zip entry) that was read. */
    public String source() {
        return source;
    }

    /** The 1-based line the problem is on, or 0 when it concerns the whole file. */
    public int line() {
        return line;
    }

    /** What was wrong, without the location. */
    public String reason() {
        return reason;
    }
}
