package io.kbsh.ini.writer;

/**
 * The type of a writer parameter: how its text is checked and what {@link WriterArguments} returns.
 *
 * @since 2.0
 */
public enum ParameterType {
    /** Any non-empty text ({@link WriterArguments#text}). */
    TEXT,
    /** A whole number ({@link WriterArguments#integer}). */
    INTEGER,
    /** {@code true}/{@code false} (also {@code yes}/{@code no}, {@code 1}/{@code 0}) ({@link WriterArguments#flag}). */
    BOOLEAN,
    /** One of {@link WriterParameter#choices()}, matched without case ({@link WriterArguments#text}). */
    CHOICE,
    /** Comma-separated choices, no repeats ({@link WriterArguments#list}). */
    CHOICE_LIST,
    /** A dotted IPv4 address such as {@code 192.0.2.10} ({@link WriterArguments#text}). */
    IPV4_ADDRESS
}
