package io.kbsh.ini.writer;

/**
 * A writer refuses: a parameter is unknown, malformed or contradicts the article, or the target file is
 * one the article says must not be touched this way. The message is one line for the admin.
 *
 * @since 2.0
 */
public final class IniWriterException extends Exception {

    private static final long serialVersionUID = 1L;

    public IniWriterException(String message) {
        super(message);
    }
}
