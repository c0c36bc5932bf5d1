package io.kbsh.shell.output;

/**
 * The colours of kbsh's output, by what they mean. Inside the output layer a styled span is marked with
 * private-use characters ({@link #mark}, {@link #END_MARK}), which {@link ScreenWriter} turns into ANSI
 * SGR sequences when the terminal shows colour and removes otherwise.
 */
public enum Style {
    CRITICAL("1;31"),
    ERROR("31"),
    WARNING("33"),
    INFO("36"),
    GOOD("32"),
    HEADING("1"),
    ADDED("32"),
    REMOVED("31"),
    HUNK("36");

    static final char FIRST_MARK = '\ue000';
    static final char END_MARK = '\ue0ff';

    private final String sgr;

    Style(String sgr) {
        this.sgr = sgr;
    }

    /** The character that starts a span of this style. */
    char mark() {
        return (char) (FIRST_MARK + ordinal());
    }

    /** {@code text} marked as this style. */
    String apply(String text) {
        return mark() + text + END_MARK;
    }

    String ansi() {
        return "\u001b[" + sgr + "m";
    }

    static final String RESET = "\u001b[0m";

    static Style of(char mark) {
        if (mark - FIRST_MARK >= values().length) {
            return null;
        }
        return values()[mark - FIRST_MARK];
    }
}
