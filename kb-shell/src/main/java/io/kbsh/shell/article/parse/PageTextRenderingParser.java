package io.kbsh.shell.article.parse;

import io.kbsh.model.article.Article;
import io.kbsh.model.article.Rendering;
import java.util.List;

/**
 * The text a browser shows for the HTML page (copied and pasted): site header lines, the
 * {@code Q…: title} heading, then the metadata block and the body.
 */
final class PageTextRenderingParser {

    private PageTextRenderingParser() {}

    static Article parse(String source, String text) throws ArticleParseException {
        Draft d = new Draft(source, Rendering.PAGE_TEXT);
        List<String> lines = Lines.split(text);
        int at = MetadataBlock.find(lines, 0);
        if (at < 0) {
            throw d.error(0, "no metadata block (Article: Q…)");
        }
        for (int i = at - 1; i >= 0; i--) {
            String t = MetadataBlock.titleAfterId(lines.get(i));
            if (t != null) {
                d.title = MetadataBlock.decodeBytes(PageTitles.unsmarten(t));
                break;
            }
        }
        return MetadataBlock.read(d, lines, at, lines.size(), 1);
    }
}
