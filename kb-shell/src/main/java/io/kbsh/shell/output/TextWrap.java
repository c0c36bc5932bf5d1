package io.kbsh.shell.output;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jline.utils.WCWidth;

/**
 * Wraps one line of output to a width at word boundaries, as a person would: continuation lines are
 * indented under where the text of the line starts: after a list marker ({@code - }, {@code 1. }), or
 * under the last column of a table row (the text after the last gap of two spaces). A word longer than
 * the whole width is the only thing ever broken.
 */
public final class TextWrap {

    private static final Pattern MARKER = Pattern.compile("^( *)(?:[-*] |\\d{1,3}\\. |because |verify: )?");
    private static final Pattern GAP = Pattern.compile(" {2,}(?=\\S)");

    private TextWrap() {}

    /** Display columns of {@code text} (wide characters count two). */
    public static int width(CharSequence text) {
        int w = 0;
        for (int i = 0; i < text.length(); i++) {
            w += columns(text.charAt(i));
        }
        return w;
    }

    static int columns(char c) {
        if (c < 0x7f) {
            return c < 0x20 ? 0 : 1;
        }
        if (c >= Style.FIRST_MARK && c <= Style.END_MARK) {
            return 0;
        }
        if (Character.isSurrogate(c)) {
            return Character.isHighSurrogate(c) ? 2 : 0;
        }
        return Math.max(0, WCWidth.wcwidth(c));
    }

    /**
     * {@code line} (no newline in it) broken into lines of at most {@code width} columns; the first starts
     * at {@code startColumn} (text already on the screen's line). A width of 0 or less means no limit.
     */
    public static List<String> wrap(String line, int width, int startColumn) {
        if (width <= 0 || startColumn + width(line) <= width) {
            return List.of(line);
        }
        int indent = hangingIndent(line, width);
        List<String> lines = new ArrayList<>();
        String rest = line;
        int available = width - startColumn;
        boolean first = true;
        while (true) {
            if (width(rest) <= available) {
                lines.add(rest);
                return lines;
            }
            int cut = cutPoint(rest, available, first ? 0 : indent);
            lines.add(rest.substring(0, cut).stripTrailing());
            String remainder = rest.substring(cut).stripLeading();
            if (remainder.isEmpty()) {
                return lines;
            }
            rest = " ".repeat(indent) + remainder;
            available = width;
            first = false;
        }
    }

    /** Where to break {@code text} so that its first part fits {@code available} columns. */
    private static int cutPoint(String text, int available, int minimum) {
        int columns = 0;
        int lastSpace = -1;
        int fit = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int w = columns(c);
            if (columns + w > available) {
                break;
            }
            columns += w;
            fit = i + 1;
            if (c == ' ' && i > minimum) {
                lastSpace = i;
            }
        }
        if (fit < text.length() && text.charAt(fit) == ' ') {
            return fit;
        }
        if (lastSpace > minimum) {
            return lastSpace;
        }
        // One word wider than the line: breaking it is the only way to show it whole.
        return Math.max(fit, Math.min(text.length(), minimum + 1));
    }

    /** The column continuation lines start at. */
    static int hangingIndent(String line, int width) {
        Matcher m = MARKER.matcher(line);
        int indent = m.find() ? m.end() : 0;
        int limit = width * 3 / 5;
        Matcher gap = GAP.matcher(line);
        while (gap.find()) {
            int at = width(line.substring(0, gap.end()));
            if (at > limit) {
                break;
            }
            if (at > indent
                    && gap.start() > 0
                    && !line.substring(0, gap.start()).isBlank()) {
                indent = at;
            }
        }
        return indent < width / 2 + 1 ? indent : Math.min(indent, width / 4);
    }
}
