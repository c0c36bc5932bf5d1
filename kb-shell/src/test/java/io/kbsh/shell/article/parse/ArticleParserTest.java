package io.kbsh.shell.article.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kbsh.model.article.AppliesTo;
import io.kbsh.model.article.Article;
import io.kbsh.model.article.ArticleId;
import io.kbsh.model.article.Rendering;
import io.kbsh.model.article.Section;
import io.kbsh.model.article.VersionSet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

class ArticleParserTest {

    private static Article archive(String q) throws IOException, ArticleParseException {
        try (ZipFile zip =
                new ZipFile(SharedData.require("kbarchive/kbarchive-txt.zip").toFile())) {
            int n = Integer.parseInt(q.substring(1));
            String name = String.format("txt/%03d/%s.TXT", n / 1000, q);
            return ArticleParser.parse(
                    name, zip.getInputStream(zip.getEntry(name)).readAllBytes());
        }
    }

    @Test
    void readsEveryFieldOfThePlainText() throws ArticleParseException {
        Article a = ArticleParser.parse("Q900001.TXT", Synthetic.textBytes());
        assertEquals(new ArticleId(900001), a.id());
        assertEquals("XFOR: Sample Gateway Drops Test Messages", a.title());
        assertEquals(Optional.of("XFOR"), a.areaTag());
        assertEquals(Optional.of("exchange"), a.category());
        assertEquals(Optional.of(LocalDate.of(1999, 3, 3)), a.date());
        assertEquals(List.of(new VersionSet(Optional.of("winnt"), List.of("5.5"))), a.productVersions());
        assertEquals(Optional.empty(), a.operatingSystem());
        assertEquals(List.of("exc55"), a.keywords());
        assertEquals(
                List.of(new AppliesTo(
                        "Microsoft Exchange Server", Optional.of("exchange"), List.of("5.5"), OptionalInt.of(1))),
                a.appliesTo());
        assertEquals(List.of("kbExchangeSearch", "kbExchange550"), a.technology());
        assertEquals(Optional.of("kbbug"), a.issueType());
        assertEquals(Optional.of("kbfix"), a.solutionType());
        assertEquals(
                List.of("SYMPTOMS", "MORE INFORMATION"),
                a.sections().stream().map(s -> s.heading().orElseThrow()).toList());
        assertFalse(a.bodyText().contains("Keywords"), "the trailer is not body text");
        assertFalse(a.bodyText().contains("AS IS"), "the disclaimer is not body text");
        assertEquals(
                List.of(new ArticleId(900002), new ArticleId(900003), new ArticleId(900004)),
                a.cites(),
                "inline mention, list line and ARTICLE-ID line, in order");
        assertEquals(Rendering.TEXT, a.rendering());
    }

    @Test
    void markdownAndHtmlOfTheSameArticleGiveTheSameFields() throws ArticleParseException {
        Article text = ArticleParser.parse("Q900001.TXT", Synthetic.textBytes());
        Article md = ArticleParser.parse("README.md", Synthetic.markdown().getBytes(StandardCharsets.UTF_8));
        Article html = ArticleParser.parse("index.html", Synthetic.html().getBytes(StandardCharsets.UTF_8));
        assertEquals(Rendering.MARKDOWN, md.rendering());
        assertEquals(Rendering.HTML, html.rendering());
        assertEquals(List.of(), RenderingParityTest.differences(text, md));
        assertEquals(List.of(), RenderingParityTest.differences(md, html));
        assertEquals(Optional.empty(), md.category(), "a field the rendering lacks is absent, not guessed");
    }

    @Test
    void windows1252IsDecodedAndTheUndefinedBytesKeepTheirValue() throws ArticleParseException {
        byte[] bytes = Synthetic.TEXT
                .replace("Sample Gateway", "Sample \u0092Gateway\u0081 caf\u00e9")
                .getBytes(StandardCharsets.ISO_8859_1);
        Article a = ArticleParser.parse("x.TXT", bytes);
        assertEquals("XFOR: Sample \u2019Gateway\u0081 caf\u00e9 Drops Test Messages", a.title());
        String md = Synthetic.markdown().replace("Sample Gateway", "Sample <92>Gateway<81> caf<E9>");
        assertEquals(
                a.title(),
                ArticleParser.parse("x.md", md.getBytes(StandardCharsets.US_ASCII))
                        .title(),
                "the Markdown's literal <XX> bytes decode the same way");
    }

    @Test
    void archiveBytesOutsideAsciiDecodeAsWindowsDoes() throws IOException, ArticleParseException {
        assertTrue(archive("Q221690").title().contains("\u00e1"), "0xE1 in the title is a-acute");
        assertTrue(archive("Q154452").title().contains("Application\u2019s"), "0x92 is a right single quote");
        Article q191452 = archive("Q191452");
        assertTrue(
                (q191452.title() + q191452.bodyText()).matches("(?s).*[\u2018\u2019\u201C\u201D].*"), "curly quotes");
        assertTrue(archive("Q229148").bodyText().contains("\u0081"), "undefined 0x81 keeps its value");
        for (String q : List.of("Q287888", "Q326108")) {
            assertTrue(
                    archive(q).bodyText().chars().noneMatch(c -> c < 0x20 && c != '\n' && c != '\t'),
                    q + " stray control bytes dropped");
        }
    }

    @Test
    void aLastBodyLineAsLongAsTheTrailerRuleIsNotAHeading() throws IOException, ArticleParseException {
        for (String q : List.of("Q153376", "Q170050")) {
            Article a = archive(q);
            assertFalse(a.technology().isEmpty(), q + " keeps its trailer");
            assertTrue(
                    a.sections().stream().noneMatch(s -> s.heading().orElse("").length() > 60), q);
            assertFalse(a.bodyText().contains("Technology        :"), q);
        }
    }

    @Test
    void headingsWithMismatchedUnderlinesAreFound() throws IOException, ArticleParseException {
        Article a = archive("Q65122");
        assertTrue(a.sections().stream().anyMatch(s -> s.heading().equals(Optional.of("OLD-STYLE HEADER EXTENSIONS"))));
    }

    @Test
    void headerValuesThatWrappedIntoTheBodyAreRecovered() throws IOException, ArticleParseException {
        Article a = archive("Q119919");
        assertEquals(List.of(new VersionSet(Optional.empty(), List.of("3.50"))), a.productVersions());
        assertEquals(Optional.of("WINDOWS"), a.operatingSystem());
        assertEquals(List.of("kbtool"), a.keywords());
        assertEquals(Optional.empty(), a.headerOverflow());
        assertFalse(a.bodyText().startsWith("3.50"));
        Article q219957 = archive("Q219957");
        assertTrue(
                q219957.headerOverflow().orElseThrow().startsWith("sqlsrv32.dll"), "text that fits no field is kept");
        assertFalse(archive("Q51327").bodyText().contains("MS-DOS:5.1"));
        Article q10212 = archive("Q10212");
        assertEquals(Optional.of("WINDOWS"), q10212.operatingSystem(), "the empty OPER/SYS gets its wrapped value");
        assertTrue(
                q10212.keywords().containsAll(List.of("kbSDKWin32", "kbprg", "kbdocerr")),
                "wrapped keywords join the field");
        assertEquals(
                Optional.of("3.00 3.10"),
                q10212.headerOverflow(),
                "release numbers beside a filled PROD/VER are kept as text");
    }

    @Test
    void aProseOpeningUnderEmptyHeaderFieldsStaysInTheBody() throws IOException, ArticleParseException {
        Article list = archive("Q117420");
        assertEquals(Optional.empty(), list.headerOverflow());
        assertTrue(
                list.bodyText().startsWith("The following is a list of some of the major sound card"), list.bodyText());
        Article warning = archive("Q148367");
        assertEquals(Optional.empty(), warning.headerOverflow());
        assertTrue(warning.bodyText()
                .startsWith("IMPORTANT: This article contains information about modifying the registry"));
        assertTrue(archive("Q119353").bodyText().contains("- WARNING -"), "a banner is body text");
    }

    @Test
    void headerOverflowIsRecoveredInTheMarkdownToo() throws IOException, ArticleParseException {
        java.nio.file.Path md = SharedData.require("kbarchive/samples/md/Q138002.md");
        Article a = ArticleParser.parse(md.toString(), java.nio.file.Files.readAllBytes(md));
        assertEquals(Optional.of("WINDOWS"), a.operatingSystem());
        assertEquals(List.of("kbother"), a.keywords());
    }

    @Test
    void programmersLibraryKeywordsAreSeparatedByBars() throws IOException, ArticleParseException {
        java.nio.file.Path md = SharedData.require("kbarchive/samples/md/Q31557.md");
        Article a = ArticleParser.parse(md.toString(), java.nio.file.Files.readAllBytes(md));
        assertEquals(List.of("ENDUSER", "B_BasicCom", "mspl13_basic"), a.keywords());
        assertEquals(Optional.of("MS-DOS"), a.operatingSystem());
        assertEquals(1, a.sections().size(), "no underlined headings: one untitled section");
    }

    @Test
    void anArticleWithoutHeadingsIsOneUntitledSection() throws ArticleParseException {
        String text = Synthetic.TEXT
                .replace("SYMPTOMS\r\n========", "Symptoms first")
                .replace("MORE INFORMATION\r\n================", "More");
        Article a = ArticleParser.parse("x.TXT", text.getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(1, a.sections().size());
        assertEquals(Optional.empty(), a.sections().get(0).heading());
    }

    @Test
    void badHeadersAreTypedErrorsNamingFileAndLine() {
        String broken = Synthetic.TEXT.replace("PRODUCT :", "PRODUKT :");
        ArticleParseException e = assertThrows(
                ArticleParseException.class,
                () -> ArticleParser.parse("txt/900/Q900001.TXT", broken.getBytes(StandardCharsets.ISO_8859_1)));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().startsWith("txt/900/Q900001.TXT:3: "), e.getMessage());
        ArticleParseException date = assertThrows(
                ArticleParseException.class,
                () -> ArticleParser.parse(
                        "d.TXT",
                        Synthetic.TEXT.replace("03-MAR-1999", "33-XYZ-1999").getBytes(StandardCharsets.ISO_8859_1)));
        assertEquals(1, date.line());
        assertThrows(
                ArticleParseException.class,
                () -> ArticleParser.parse("notes.txt", "just some notes".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theRenderingIsChosenByContentNotByName() throws ArticleParseException {
        assertEquals(
                Rendering.MARKDOWN,
                ArticleParser.parse("Q900001.TXT", Synthetic.markdown().getBytes(StandardCharsets.UTF_8))
                        .rendering());
        assertEquals(
                Rendering.TEXT,
                ArticleParser.parse("index.html", Synthetic.textBytes()).rendering());
        byte[] padded = ("\r\n  " + Synthetic.TEXT).getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(
                new ArticleId(900001), ArticleParser.parse("padded.txt", padded).id(), "blank lines before the header");
    }

    @Test
    void sectionsKeepTheirOrderAndText() throws ArticleParseException {
        Section first =
                ArticleParser.parse("x.TXT", Synthetic.textBytes()).sections().get(0);
        assertTrue(first.text().startsWith("The sample gateway drops test messages."));
    }
}
