package io.kbsh.ini.document;

/**
 * An edit refused because it would corrupt the file or change more than was asked: a line break in a
 * name or value, {@code ]} in a section name, {@code =} in a key, a character the file's encoding cannot
 * hold, and so on.
 *
 * @since 2.0
 */
public final class IniEditException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public IniEditException(String message) {
        super(message);
    }
}
