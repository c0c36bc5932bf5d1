package io.kbsh.shell.output;

/**
 * Shows control characters as visible text, as {@code less} does: C0 controls and DEL in caret notation
 * ({@code ESC} is {@code ^[}, {@code BEL} is {@code ^G}), C1 controls and the bidirectional overrides that
 * reorder what a line appears to say as {@code <U+202E>}. Tab and newline are text and stay.
 *
 * <p>A file, an article, a probe reply or an environment name can hold any byte; passed to a terminal, an
 * {@code ESC} sequence sets the window title, clears the screen or rewrites what is on it.
 */
public final class ControlChars {

    private ControlChars() {}

    /** True when {@code c} must not reach a terminal as it is. */
    public static boolean isControl(char c) {
        return (c < 0x20 && c != '\t' && c != '\n')
                || c == 0x7f
                || (c >= 0x80 && c < 0xa0)
                || (c >= 0x202a && c <= 0x202e)
                || (c >= 0x2066 && c <= 0x2069)
                // The private-use characters this layer marks colours with: text can never colour itself.
                || (c >= Style.FIRST_MARK && c <= Style.END_MARK);
    }

    /** {@code text} with every {@link #isControl control character} shown as visible text. */
    public static String escape(CharSequence text) {
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isControl(c)) {
                if (sb != null) {
                    sb.append(c);
                }
                continue;
            }
            if (sb == null) {
                sb = new StringBuilder(text.length() + 8).append(text, 0, i);
            }
            appendEscaped(sb, c);
        }
        return sb == null ? text.toString() : sb.toString();
    }

    static void appendEscaped(StringBuilder sb, char c) {
        if (c < 0x20) {
            sb.append('^').append((char) (c + 0x40));
        } else if (c == 0x7f) {
            sb.append("^?");
        } else {
            sb.append(String.format("<U+%04X>", (int) c));
        }
    }
}
