package io.kbsh.ini.document;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One line of a document: its text, its ending, and what Windows makes of it. Offsets locate the name
 * and value inside {@link #text} so that an edit can replace a value without touching the spacing.
 */
final class Line {

    enum Kind {
        BLANK,
        COMMENT,
        SECTION,
        KEY,
        OTHER
    }

    /** The text, or null until first needed for a line still held as ASCII bytes in {@link #raw}. */
    private @Nullable String text;
    /** The ASCII bytes {@link #text} is made from, when the line was read so; otherwise null. */
    private final byte @Nullable [] raw;

    private final int rawStart;
    private final int rawLength;
    final LineEnding ending;
    /** Index of the line this one came from in the parsed source, or -1 for a line an edit added. */
    final int origin;
    /** True when the line's bytes are exactly those at {@link #origin} in the source. */
    final boolean pristine;

    final Kind kind;
    final int nameStart;
    final int nameEnd;
    final int valueStart;
    final int valueEnd;

    private Line(
            CharSequence text,
            LineEnding ending,
            int origin,
            boolean pristine,
            Kind kind,
            int nameStart,
            int nameEnd,
            int valueStart,
            int valueEnd) {
        if (text instanceof AsciiView view) {
            this.raw = view.bytes;
            this.rawStart = view.start;
            this.rawLength = view.length;
        } else {
            this.text = (String) text;
            this.raw = null;
            this.rawStart = 0;
            this.rawLength = 0;
        }
        this.ending = ending;
        this.origin = origin;
        this.pristine = pristine;
        this.kind = kind;
        this.nameStart = nameStart;
        this.nameEnd = nameEnd;
        this.valueStart = valueStart;
        this.valueEnd = valueEnd;
    }

    /** Space, tab and vertical tab: the characters Windows skips around names and values in a file. */
    static boolean blank(char c) {
        return c == ' ' || c == '\t' || c == '\u000B';
    }

    /**
     * ASCII bytes seen as characters without copying them: a line that is pure ASCII in an
     * ASCII-compatible code page is classified from its bytes and only decoded if someone asks.
     * One view is reused for every line of a parse.
     */
    static final class AsciiView implements CharSequence {
        private final byte[] bytes;
        private int start;
        private int length;

        AsciiView(byte[] bytes) {
            this.bytes = bytes;
        }

        AsciiView at(int from, int to) {
            start = from;
            length = to - from;
            return this;
        }

        @Override
        public int length() {
            return length;
        }

        @Override
        public char charAt(int index) {
            return (char) bytes[start + index];
        }

        @Override
        public CharSequence subSequence(int from, int to) {
            return toString().substring(from, to);
        }

        @Override
        public String toString() {
            return new String(bytes, start, length, StandardCharsets.ISO_8859_1);
        }
    }

    /** The line's text without its ending. */
    String text() {
        String t = text;
        if (t == null) {
            // Racy but benign: every thread computes the same immutable string.
            t = new String(Objects.requireNonNull(raw, "raw"), rawStart, rawLength, StandardCharsets.ISO_8859_1);
            text = t;
        }
        return t;
    }

    static Line of(CharSequence text, LineEnding ending, int origin, boolean pristine) {
        int end = text.length();
        int i = 0;
        while (i < end && blank(text.charAt(i))) {
            i++;
        }
        if (i == end) {
            return new Line(text, ending, origin, pristine, Kind.BLANK, 0, 0, 0, 0);
        }
        char first = text.charAt(i);
        if (first == ';') {
            return new Line(text, ending, origin, pristine, Kind.COMMENT, 0, 0, 0, 0);
        }
        if (first == '[') {
            int close = indexOf(text, ']', i + 1);
            int nameEnd = close < 0 ? end : close;
            int nameStart = skipForward(text, i + 1, nameEnd);
            return new Line(
                    text,
                    ending,
                    origin,
                    pristine,
                    Kind.SECTION,
                    nameStart,
                    skipBackward(text, nameStart, nameEnd),
                    0,
                    0);
        }
        int eq = indexOf(text, '=', i);
        if (eq < 0) {
            return new Line(text, ending, origin, pristine, Kind.OTHER, i, skipBackward(text, i, end), 0, 0);
        }
        int valueStart = skipForward(text, eq + 1, end);
        return new Line(
                text,
                ending,
                origin,
                pristine,
                Kind.KEY,
                i,
                skipBackward(text, i, eq),
                valueStart,
                skipBackward(text, valueStart, end));
    }

    private static int indexOf(CharSequence text, char c, int from) {
        for (int i = from, n = text.length(); i < n; i++) {
            if (text.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    private static int skipForward(CharSequence text, int from, int to) {
        while (from < to && blank(text.charAt(from))) {
            from++;
        }
        return from;
    }

    private static int skipBackward(CharSequence text, int from, int to) {
        while (to > from && blank(text.charAt(to - 1))) {
            to--;
        }
        return to;
    }

    /** The section or key name as written (trimmed); for other lines, the trimmed text. */
    String name() {
        return text().substring(nameStart, nameEnd);
    }

    boolean nameMatches(String wanted) {
        int length = nameEnd - nameStart;
        return length == wanted.length() && text().regionMatches(true, nameStart, wanted, 0, length);
    }

    /** The value as written, blanks trimmed, quotes kept. */
    String rawValue() {
        return text().substring(valueStart, valueEnd);
    }

    /** The value as Windows returns it: one matching outer pair of quotes removed. */
    String value() {
        String t = text();
        return quoteOf(t, valueStart, valueEnd) != 0
                ? t.substring(valueStart + 1, valueEnd - 1)
                : t.substring(valueStart, valueEnd);
    }

    /** The quote character enclosing {@code text[from, to)} as one matching pair, or 0. */
    static char quoteOf(CharSequence text, int from, int to) {
        if (to - from < 2) {
            return 0;
        }
        char q = text.charAt(from);
        return (q == '"' || q == '\'') && text.charAt(to - 1) == q ? q : 0;
    }

    Line withText(String newText) {
        return of(newText, ending, origin, false);
    }

    Line withEnding(LineEnding newEnding) {
        return of(text(), newEnding, origin, pristine && newEnding == ending);
    }
}
