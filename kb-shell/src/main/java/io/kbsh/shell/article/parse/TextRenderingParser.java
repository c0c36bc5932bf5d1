package io.kbsh.shell.article.parse;

import io.kbsh.model.article.Article;
import io.kbsh.model.article.Rendering;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The plain text ({@code txt/NNN/QNNNNNN.TXT}): six header fields on lines 1-6, then the body. */
final class TextRenderingParser {

    private static final String[] FIELDS = {"DOCUMENT:", "TITLE   :", "PRODUCT :", "PROD/VER:", "OPER/SYS:", "KEYWORDS:"
    };
    private static final Pattern DOCUMENT =
            Pattern.compile("(Q\\d{1,7})\\s+(\\d{1,2}-[A-Za-z]{3}-\\d{4})?\\s*(?:\\[([^\\]]*)\\])?.*");

    private TextRenderingParser() {}

    /** Parses the Windows-1252 bytes from {@code offset}, where {@code DOCUMENT:} starts. */
    static Article parse(String source, byte[] bytes, int offset) throws ArticleParseException {
        List<String> lines = Lines.splitClean(bytes, offset, 6);
        Draft d = new Draft(source, Rendering.TEXT);
        if (lines.size() < 6) {
            throw d.error(
                    lines.size(),
                    "the header needs six lines (DOCUMENT, TITLE, PRODUCT, PROD/VER, OPER/SYS, KEYWORDS)");
        }
        String[] values = new String[FIELDS.length];
        for (int i = 0; i < FIELDS.length; i++) {
            String line = lines.get(i);
            if (!line.startsWith(FIELDS[i])) {
                throw d.error(
                        i + 1,
                        "expected the header field "
                                + FIELDS[i].replace(" ", "").replace(":", "") + " on line " + (i + 1));
            }
            values[i] = BodyAnalyzer.clean(line.substring(FIELDS[i].length()));
        }
        Matcher m = DOCUMENT.matcher(values[0].strip());
        if (!m.matches()) {
            throw d.error(1, "DOCUMENT must start with an article id such as Q165057");
        }
        d.id = Ids.parse(d, m.group(1), 1);
        d.date = m.group(2) == null ? null : Dates.parse(d, m.group(2), 1);
        d.category =
                m.group(3) == null || m.group(3).isBlank() ? null : m.group(3).strip();
        d.title = values[1].strip();
        d.product = values[2];
        // PROD/VER:: (double colon) is the form with the platform missing; the versions follow it.
        d.productVersions = values[3].startsWith(":") ? values[3].substring(1) : values[3];
        d.operatingSystem = values[4];
        d.keywords = values[5];
        d.body = lines.subList(6, lines.size());
        d.cleaned = true;
        d.bodyFirstLine = 7;
        return BodyAnalyzer.analyze(d);
    }
}
