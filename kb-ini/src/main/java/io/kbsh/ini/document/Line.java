package io.kbsh.ini.document;

/**
 * One line of a document: its text, its ending, and what Windows makes of it. Offsets locate the name
 * and value inside {@link #text} so that an edit can replace a value without touching the spacing.
 */
final class Line {

    enum Kind { BLANK, COMMENT, SECTION, KEY, OTHER }

    final String text;
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

    private Line(String text, LineEnding ending, int origin, boolean pristine, Kind kind,
                 int nameStart, int nameEnd, int valueStart, int valueEnd) {
        this.text = text;
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

    static Line of(String text, LineEnding ending, int origin, boolean pristine) {
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
            int close = text.indexOf(']', i + 1);
            int nameEnd = close < 0 ? end : close;
            int nameStart = skipForward(text, i + 1, nameEnd);
            return new Line(text, ending, origin, pristine, Kind.SECTION,
                    nameStart, skipBackward(text, nameStart, nameEnd), 0, 0);
        }
        int eq = text.indexOf('=', i);
        if (eq < 0) {
            return new Line(text, ending, origin, pristine, Kind.OTHER, i, skipBackward(text, i, end), 0, 0);
        }
        int valueStart = skipForward(text, eq + 1, end);
        return new Line(text, ending, origin, pristine, Kind.KEY, i, skipBackward(text, i, eq),
                valueStart, skipBackward(text, valueStart, end));
    }

    private static int skipForward(String text, int from, int to) {
        while (from < to && blank(text.charAt(from))) {
            from++;
        }
        return from;
    }

    private static int skipBackward(String text, int from, int to) {
        while (to > from && blank(text.charAt(to - 1))) {
            to--;
        }
        return to;
    }

    /** The section or key name as written (trimmed); for other lines, the trimmed text. */
    String name() {
        return text.substring(nameStart, nameEnd);
    }

    boolean nameMatches(String wanted) {
        int length = nameEnd - nameStart;
        return length == wanted.length() && text.regionMatches(true, nameStart, wanted, 0, length);
    }

    /** The value as written, blanks trimmed, quotes kept. */
    String rawValue() {
        return text.substring(valueStart, valueEnd);
    }

    /** The value as Windows returns it: one matching outer pair of quotes removed. */
    String value() {
        return quoteOf(text, valueStart, valueEnd) != 0
                ? text.substring(valueStart + 1, valueEnd - 1)
                : text.substring(valueStart, valueEnd);
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
        return of(text, newEnding, origin, pristine && newEnding == ending);
    }
}
