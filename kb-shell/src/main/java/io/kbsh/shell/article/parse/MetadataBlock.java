package io.kbsh.shell.article.parse;

import io.kbsh.model.article.Article;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metadata block the Markdown, HTML and page-text renderings put before the body
 * ({@code Article:}, {@code Product(s):}, {@code Version(s):}, {@code Operating System(s):},
 * {@code Keyword(s):}, {@code Last Modified:}), and the body after it.
 */
final class MetadataBlock {

    private static final Pattern BYTE_ESCAPE = Pattern.compile("<([89A-Fa-f][0-9A-Fa-f]|7[Ff])>");

    private MetadataBlock() {}

    /** Index of the {@code Article: Q…} line at or after {@code from}, or -1. */
    static int find(List<String> lines, int from) {
        for (int i = from; i < lines.size(); i++) {
            if (lines.get(i).startsWith("Article: Q") || lines.get(i).startsWith("Article:Q")) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Fills {@code d} from the block starting at {@code at} and takes every line after it up to {@code end}
     * as the body. {@code lineOffset} maps list indexes to 1-based file lines.
     */
    static Article read(Draft d, List<String> lines, int at, int end, int lineOffset) throws ArticleParseException {
        int i = at;
        d.id = Ids.parse(d, value(lines.get(i), "Article:"), i + lineOffset);
        i++;
        boolean sawDate = false;
        for (; i < end; i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                i++;
                break;
            }
            if (line.startsWith("Product(s):")) {
                d.product = decodeBytes(value(line, "Product(s):"));
            } else if (line.startsWith("Version(s):")) {
                d.productVersions = decodeBytes(value(line, "Version(s):"));
            } else if (line.startsWith("Operating System(s):")) {
                d.operatingSystem = decodeBytes(value(line, "Operating System(s):"));
            } else if (line.startsWith("Keyword(s):")) {
                d.keywords = decodeBytes(value(line, "Keyword(s):"));
            } else if (line.startsWith("Last Modified:")) {
                d.date = Dates.parse(d, value(line, "Last Modified:"), i + lineOffset);
                sawDate = true;
            } else {
                break;
            }
        }
        if (!sawDate) {
            throw d.error(at + lineOffset, "the metadata block has no Last Modified: line");
        }
        List<String> body = new ArrayList<>(Math.max(0, end - i));
        for (String line : lines.subList(Math.min(i, end), end)) {
            body.add(decodeBytes(line));
        }
        d.body = body;
        d.bodyFirstLine = i + lineOffset;
        return BodyAnalyzer.analyze(d);
    }

    private static String value(String line, String name) {
        String v = line.substring(name.length());
        return v.startsWith(" ") ? v.substring(1) : v;
    }

    /** The Markdown generator wrote each byte >= 0x7F as literal {@code <XX>} text; this undoes it. */
    static String decodeBytes(String text) {
        if (text.indexOf('<') < 0) {
            return text;
        }
        Matcher m = BYTE_ESCAPE.matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder b = new StringBuilder(text.length());
        int last = 0;
        do {
            b.append(text, last, m.start());
            b.append(Cp1252.decode(Integer.parseInt(m.group(1), 16)));
            last = m.end();
        } while (m.find());
        return b.append(text, last, text.length()).toString();
    }

    /** Splits a page title {@code Q165057: XCON: …} into the title; null when it has no id prefix. */
    static String titleAfterId(String heading) {
        String h = heading.strip();
        int colon = h.indexOf(": ");
        if (colon > 0 && h.charAt(0) == 'Q' && h.substring(1, colon).chars().allMatch(Character::isDigit)) {
            return h.substring(colon + 2).strip();
        }
        return null;
    }
}
