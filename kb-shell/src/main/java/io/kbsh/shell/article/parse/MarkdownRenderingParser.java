package io.kbsh.shell.article.parse;

import io.kbsh.model.article.Article;
import io.kbsh.model.article.Rendering;
import java.util.List;
import org.jsoup.parser.Parser;

/**
 * The Markdown page ({@code kb/NNN/QNNNNNN/README.md}): front matter with the title (HTML-escaped), a
 * {@code ## Q…: title} heading, then the metadata block and the body, each line indented by one tab.
 */
final class MarkdownRenderingParser {

    private MarkdownRenderingParser() {}

    static Article parse(String source, String text) throws ArticleParseException {
        List<String> lines = Lines.split(text);
        Draft d = new Draft(source, Rendering.MARKDOWN);
        String title = null;
        int i = 0;
        if (!lines.isEmpty() && lines.get(0).strip().equals("---")) {
            for (i = 1; i < lines.size() && !lines.get(i).strip().equals("---"); i++) {
                String line = lines.get(i);
                if (line.startsWith("title:")) {
                    title = unquote(line.substring("title:".length()).strip());
                }
            }
            i++;
        }
        for (int j = i; j < lines.size() && title == null; j++) {
            if (lines.get(j).startsWith("## ")) {
                title = lines.get(j).substring(3);
            }
        }
        if (title != null) {
            String t = MetadataBlock.titleAfterId(MetadataBlock.decodeBytes(Parser.unescapeEntities(title, false)));
            d.title = t;
        }
        int end = lines.size();
        for (int j = i; j < lines.size(); j++) {
            String s = lines.get(j).strip();
            if (s.equals("{% endraw %}")) {
                end = j;
                break;
            }
        }
        List<String> body = new java.util.ArrayList<>(end);
        for (String line : lines.subList(0, end)) {
            body.add(line.startsWith("\t") ? line.substring(1) : line.startsWith("    ") ? line.substring(4) : line);
        }
        int at = MetadataBlock.find(body, Math.min(i, end));
        if (at < 0) {
            throw d.error(0, "no metadata block (Article: Q…) in the Markdown page");
        }
        return MetadataBlock.read(d, body, at, end, 1);
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("'") && s.endsWith("'"))) {
            return s.substring(1, s.length() - 1).replace("\\\"", "\"");
        }
        return s;
    }
}
