package io.kbsh.shell.article.parse;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Splits text at CRLF, LF or a lone CR, keeping empty lines. */
final class Lines {
    private Lines() {}

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
     * Splits Windows-1252 bytes from {@code offset} into lines and cleans them in one pass, for the plain
     * text, where every byte counts: stray control characters (other than tab) are dropped, trailing blanks
     * trimmed, and from line {@code firstBodyLine} (0-based) on, one leading space is removed as the
     * Markdown generator did.
     */
    static List<String> splitClean(byte[] bytes, int offset, int firstBodyLine) {
        int n = bytes.length;
        List<String> lines = new ArrayList<>((n - offset) / 50 + 4);
        int start = offset;
        boolean control = false;
        boolean high = false;
        for (int i = offset; i <= n; i++) {
            int c = i < n ? bytes[i] & 0xFF : '\n';
            if (c == '\n' || c == '\r') {
                int from = start;
                if (lines.size() >= firstBodyLine && from < i && bytes[from] == ' ') {
                    from++;
                }
                int to = i;
                while (to > from && (bytes[to - 1] == ' ' || bytes[to - 1] == '\t')) {
                    to--;
                }
                if (i < n || start < n) {
                    String line = high
                            ? Cp1252.decode(bytes, from, to - from)
                            : new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
                    lines.add(control ? BodyAnalyzer.clean(line) : line);
                }
                if (c == '\r' && i + 1 < n && bytes[i + 1] == '\n') {
                    i++;
                }
                start = i + 1;
                control = false;
                high = false;
            } else if ((c < 0x20 && c != '\t') || c == 0x7F) {
                control = true;
            } else if (c >= 0x80 && c < 0xA0) {
                high = true;
            }
        }
        return lines;
    }
}
