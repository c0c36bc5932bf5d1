package io.kbsh.shell.article.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kbsh.model.article.Article;
import io.kbsh.model.article.Rendering;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A rendering is recognised by its structure: 105 Markdown pages of the full archive quote angle-bracketed
 * words in their text ({@code %[<flags>]}, {@code <prefix>}, even {@code <pre>}) and were taken for HTML.
 */
class RenderingDetectionTest {

    /** The Synthetic article with a syntax line of the kind such articles quote. */
    private static final String QUOTED = "The syntax is SAMPLE %[<flags>] <prefix> <html> <pre> and more.";

    private static String withQuotedTags(String page) {
        return page.replace("The sample gateway drops test messages.", QUOTED);
    }

    @Test
    void aMarkdownPageQuotingTagsIsMarkdown() throws ArticleParseException {
        byte[] md = withQuotedTags(Synthetic.markdown()).getBytes(StandardCharsets.UTF_8);
        assertEquals(Optional.of(Rendering.MARKDOWN), ArticleParser.detect(md));
        Article a = ArticleParser.parse("kb/900/Q900001/README.md", md);
        assertEquals(Rendering.MARKDOWN, a.rendering());
        assertTrue(a.bodyText().contains(QUOTED), a.bodyText());
    }

    @Test
    void aMarkdownPageWithoutFrontMatterIsRecognisedByItsIndentedMetadataBlock() throws ArticleParseException {
        String md = withQuotedTags(Synthetic.markdown());
        String bare = md.substring(md.indexOf("## Q900001"));
        assertEquals(
                Rendering.MARKDOWN,
                ArticleParser.parse("README.md", bare.getBytes(StandardCharsets.UTF_8))
                        .rendering());
    }

    @Test
    void pageTextQuotingTagsIsPageText() throws ArticleParseException {
        String md = withQuotedTags(Synthetic.markdown());
        String page = "KnowledgeBase Archive\nAn Archive of Early Microsoft KnowledgeBase Articles\n\n"
                + "Q900001: XFOR: Sample Gateway Drops Test Messages\n\n"
                + md.substring(md.indexOf("\tArticle:"), md.indexOf("{% endraw %}"))
                        .replace("\n\t", "\n")
                        .substring(1);
        Article a = ArticleParser.parse("pasted.txt", page.getBytes(StandardCharsets.UTF_8));
        assertEquals(Rendering.PAGE_TEXT, a.rendering());
        assertTrue(a.bodyText().contains(QUOTED));
    }

    @Test
    void anHtmlPageIsRecognisedByHowItBeginsAndKeepsTheQuotedWords() throws ArticleParseException {
        String html = Synthetic.html().replace("The sample gateway drops test messages.", QUOTED.replace("<", "&lt;"));
        assertTrue(html.contains("&lt;prefix>"), "the page escapes what the article quotes");
        Article a = ArticleParser.parse("index.html", ("\n  " + html).getBytes(StandardCharsets.UTF_8));
        assertEquals(Rendering.HTML, a.rendering());
        assertTrue(a.bodyText().contains(QUOTED), a.bodyText());
    }
}
