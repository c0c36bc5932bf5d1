package io.kbsh.shell.article.parse;

import io.kbsh.model.article.Article;
import io.kbsh.model.article.Rendering;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads a KB article from any rendering the archive has, chosen by content rather than file name: the
 * plain text (Windows-1252), the Markdown page, the HTML page, or the page text a browser shows for it.
 * Whatever the bytes, the result is an {@link Article} or an {@link ArticleParseException} naming the
 * source and line.
 *
 * <pre>{@code
 * Article a = ArticleParser.parse("Q165057.TXT", Files.readAllBytes(path));
 * a.title();                       // XCON: Can't Connect Exchange Server Sites w/ Proxy Server
 * a.sections().get(0).heading();   // Optional[SUMMARY]
 * }</pre>
 */
public final class ArticleParser {

    private ArticleParser() {}

    /** The rendering {@code bytes} hold, judged by content; empty when none fits. */
    public static java.util.Optional<Rendering> detect(byte[] bytes) {
        return java.util.Optional.ofNullable(detect(bytes, decodeText(bytes)));
    }

    public static Article parse(String source, byte[] bytes) throws ArticleParseException {
        if (startsWith(bytes, "DOCUMENT:")) {
            return TextRenderingParser.parse(source, bytes, 0);
        }
        String text = decodeText(bytes);
        Rendering rendering = detect(bytes, text);
        if (rendering == null) {
            throw new ArticleParseException(
                    source,
                    1,
                    "not a KB article: no DOCUMENT: header, Markdown front matter, HTML page or Article: line");
        }
        return switch (rendering) {
            case TEXT -> TextRenderingParser.parse(source, bytes, indexOf(bytes, "DOCUMENT:"));
            case MARKDOWN -> MarkdownRenderingParser.parse(source, text);
            case HTML -> HtmlRenderingParser.parse(source, text);
            default -> PageTextRenderingParser.parse(source, text);
        };
    }

    /** An HTML document begins with markup: a doctype, the {@code <html>} or {@code <head>} element, a comment. */
    private static final java.util.regex.Pattern HTML_START = java.util.regex.Pattern.compile(
            "(?i)<(?:!doctype\\s+html|html[\\s>]|head[\\s>]|body[\\s>]|meta\\s|!--|pre[\\s>])");
    /** Jekyll front matter: a {@code ---} line, {@code key: value} lines, a closing {@code ---} line. */
    private static final java.util.regex.Pattern FRONT_MATTER = java.util.regex.Pattern.compile(
            "---[ \\t]*\\r?\\n(?:[A-Za-z_][\\w-]*:[^\\n]*\\r?\\n){1,20}---[ \\t]*\\r?\\n");

    /**
     * The rendering, recognised by the document's structure — how it begins and how its metadata block is laid
     * out — never by words inside the article: a Markdown article whose text mentions {@code <pre>} or
     * {@code %[<flags>]} is still Markdown, and a page text is never HTML for a tag it quotes.
     */
    private static Rendering detect(byte[] bytes, String text) {
        String head = text.substring(0, Math.min(text.length(), 4096));
        String start = head.stripLeading();
        if (start.startsWith("DOCUMENT:")) {
            return Rendering.TEXT;
        }
        if (FRONT_MATTER.matcher(start).lookingAt()) {
            return Rendering.MARKDOWN;
        }
        if (HTML_START.matcher(start).lookingAt()) {
            return Rendering.HTML;
        }
        if (text.contains("\nArticle: Q") && text.contains("\nLast Modified:")) {
            return Rendering.PAGE_TEXT;
        }
        if (text.contains("\n\tArticle: Q") && text.contains("\n\tLast Modified:")) {
            return Rendering.MARKDOWN;
        }
        return null;
    }

    /** UTF-8 when the bytes are valid UTF-8 (less a byte-order mark), Windows-1252 otherwise. */
    private static String decodeText(byte[] bytes) {
        int offset = startsWith(bytes, "\uFEFF") ? 3 : 0;
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset))
                    .toString();
        } catch (CharacterCodingException e) {
            return Cp1252.decode(bytes);
        }
    }

    private static int indexOf(byte[] bytes, String ascii) {
        outer:
        for (int i = 0; i + ascii.length() <= bytes.length; i++) {
            for (int j = 0; j < ascii.length(); j++) {
                if (bytes[i + j] != ascii.charAt(j)) {
                    continue outer;
                }
            }
            return i;
        }
        return 0;
    }

    private static boolean startsWith(byte[] bytes, String prefix) {
        byte[] p = prefix.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < p.length) {
            return false;
        }
        for (int i = 0; i < p.length; i++) {
            if (bytes[i] != p[i]) {
                return false;
            }
        }
        return true;
    }
}
