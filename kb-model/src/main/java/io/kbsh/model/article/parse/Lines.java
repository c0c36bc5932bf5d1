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
}
