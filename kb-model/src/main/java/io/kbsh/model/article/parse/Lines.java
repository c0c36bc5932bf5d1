package io.kbsh.model.article.parse;

import java.util.ArrayList;
import java.util.List;

/** Splits text at CRLF, LF or a lone CR, keeping empty lines. */
final class Lines {
    private Lines() {
    }

    static List<String> split(String text) {
        List<String> lines = new ArrayList<>(text.length() / 50 + 4);
        int start = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                lines.add(text.substring(start, i));
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        if (start < n) {
            lines.add(text.substring(start));
        }
        return lines;
    }

    /**
     * Splits and cleans in one pass, for the plain text, where every byte counts: stray control characters
     * (other than tab) are dropped, trailing blanks trimmed, and from line {@code firstBodyLine} (0-based)
     * on, one leading space is removed as the Markdown generator did.
     */
    static List<String> splitClean(String text, int firstBodyLine) {
        List<String> lines = new ArrayList<>(text.length() / 50 + 4);
        int n = text.length();
        int start = 0;
        boolean control = false;
        for (int i = 0; i <= n; i++) {
            char c = i < n ? text.charAt(i) : '\n';
            if (c == '\n' || c == '\r') {
                int from = start;
                if (lines.size() >= firstBodyLine && from < i && text.charAt(from) == ' ') {
                    from++;
                }
                int to = i;
                while (to > from && (text.charAt(to - 1) == ' ' || text.charAt(to - 1) == '\t')) {
                    to--;
                }
                if (i < n || start < n) {
                    lines.add(control ? BodyAnalyzer.clean(text.substring(from, to)) : text.substring(from, to));
                }
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
                control = false;
            } else if ((c < 0x20 && c != '\t') || c == 0x7F) {
                control = true;
            }
        }
        return lines;
    }
}
