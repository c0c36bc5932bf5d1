package io.kbsh.model.env;

/**
 * The JSON type of a field a plugin adds to an environment object (see {@link ExtensionField}).
 *
 * @since 2.1
 */
public enum FieldType {
    /** A JSON string. */
    STRING("a string"),
    /** A whole JSON number (64 bits). */
    INTEGER("a whole number"),
    /** {@code true} or {@code false}. */
    BOOLEAN("true or false"),
    /** A list of strings. */
    STRING_LIST("a list of strings"),
    /** A list of whole numbers. */
    INTEGER_LIST("a list of whole numbers");

    private final String expected;

    FieldType(String expected) {
        this.expected = expected;
    }

    /** What the reader expects, for error messages: {@code a list of strings}. */
    public String expected() {
        return expected;
    }
}
