package io.kbsh.shell.article.parse;

import io.kbsh.model.article.Article;
import io.kbsh.model.article.Rendering;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The HTML page ({@code docs/kb/NNN/QNNNNNN/index.html}), read with jsoup: the title from the page heading,
 * the metadata block and body from the one {@code <pre>} block (whose syntax-highlight spans are dropped).
 */
final class HtmlRenderingParser {

    private HtmlRenderingParser() {}

    static Article parse(String source, String html) throws ArticleParseException {
        Draft d = new Draft(source, Rendering.HTML);
        Document doc = Jsoup.parse(html);
        Element pre = doc.selectFirst("pre");
        if (pre == null) {
            throw d.error(0, "the HTML page has no <pre> block with the article");
        }
        for (Element h : doc.select("h1, h2, h3")) {
            String t = MetadataBlock.titleAfterId(h.text());
            if (t != null) {
                d.title = PageTitles.unsmarten(t);
                break;
            }
        }
        if (d.title == null) {
            String t = MetadataBlock.titleAfterId(doc.title().replace(" | KnowledgeBase Archive", ""));
            d.title = t == null ? null : PageTitles.unsmarten(t);
        }
        if (d.title != null) {
            d.title = MetadataBlock.decodeBytes(d.title);
        }
        List<String> lines = Lines.split(pre.wholeText());
        int at = MetadataBlock.find(lines, 0);
        if (at < 0) {
            throw d.error(0, "the <pre> block has no metadata block (Article: Q…)");
        }
        return MetadataBlock.read(d, lines, at, lines.size(), 1);
    }
}

/** The site generator typeset titles ("smart" quotes, dashes, ellipses); this restores the typed text. */
final class PageTitles {
    private PageTitles() {}

    static String unsmarten(String title) {
        StringBuilder b = new StringBuilder(title.length());
        for (int i = 0; i < title.length(); i++) {
            char c = title.charAt(i);
            switch (c) {
                case '\u2018', '\u2019' -> b.append('\'');
                case '\u201C', '\u201D' -> b.append('"');
                case '\u2013' -> b.append("--");
                case '\u2014' -> b.append("---");
                case '\u2026' -> b.append("...");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
