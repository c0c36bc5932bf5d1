package io.kbsh.shell.article.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kbsh.model.article.Article;
import io.kbsh.model.article.Rendering;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * One article gives the same value for every field two of its renderings both carry: checked on all 150
 * sample articles (Markdown, HTML and, where it exists, the plain text from {@code kbarchive-txt.zip}).
 */
class RenderingParityTest {

    /** The fields every rendering carries; the category is the plain text's alone. */
    static final Map<String, Function<Article, Object>> SHARED_FIELDS = new LinkedHashMap<>();

    static {
        SHARED_FIELDS.put("id", Article::id);
        SHARED_FIELDS.put("title", Article::title);
        SHARED_FIELDS.put("areaTag", Article::areaTag);
        SHARED_FIELDS.put("date", Article::date);
        SHARED_FIELDS.put("product", Article::product);
        SHARED_FIELDS.put("productVersions", Article::productVersions);
        SHARED_FIELDS.put("operatingSystem", Article::operatingSystem);
        SHARED_FIELDS.put("keywords", Article::keywords);
        SHARED_FIELDS.put("appliesTo", Article::appliesTo);
        SHARED_FIELDS.put("technology", Article::technology);
        SHARED_FIELDS.put("issueType", Article::issueType);
        SHARED_FIELDS.put("solutionType", Article::solutionType);
        SHARED_FIELDS.put("sections", Article::sections);
        SHARED_FIELDS.put("cites", Article::cites);
        SHARED_FIELDS.put("headerOverflow", Article::headerOverflow);
    }

    static List<String> differences(Article a, Article b) {
        List<String> diffs = new ArrayList<>();
        SHARED_FIELDS.forEach((name, field) -> {
            Object x = field.apply(a);
            Object y = field.apply(b);
            if (!x.equals(y)) {
                diffs.add(a.id() + " " + name + ": " + a.rendering() + "=" + x + " vs " + b.rendering() + "=" + y);
            }
        });
        return diffs;
    }

    @Test
    void everySampleArticleAgreesAcrossItsRenderings() throws IOException, ArticleParseException {
        Path samples = SharedData.require("kbarchive/samples");
        Path txtZip = SharedData.require("kbarchive/kbarchive-txt.zip");
        List<String> diffs = new ArrayList<>();
        int compared = 0;
        int withText = 0;
        try (ZipFile zip = new ZipFile(txtZip.toFile());
                Stream<Path> md = Files.list(samples.resolve("md"))) {
            for (Path mdFile : md.sorted().toList()) {
                String q = mdFile.getFileName().toString().replace(".md", "");
                Article fromMd = ArticleParser.parse(mdFile.toString(), Files.readAllBytes(mdFile));
                Path htmlFile = samples.resolve("html").resolve(q + ".html");
                Article fromHtml = ArticleParser.parse(htmlFile.toString(), Files.readAllBytes(htmlFile));
                assertEquals(Rendering.MARKDOWN, fromMd.rendering());
                assertEquals(Rendering.HTML, fromHtml.rendering());
                assertTrue(
                        fromMd.category().isEmpty() && fromHtml.category().isEmpty(),
                        "category is the plain text's alone");
                diffs.addAll(differences(fromMd, fromHtml));
                int number = Integer.parseInt(q.substring(1));
                ZipEntry entry = zip.getEntry(String.format("txt/%03d/%s.TXT", number / 1000, q));
                if (entry != null) {
                    Article fromText = ArticleParser.parse(
                            entry.getName(), zip.getInputStream(entry).readAllBytes());
                    assertTrue(fromText.category().isPresent(), q + " plain text carries its category");
                    diffs.addAll(differences(fromText, fromMd));
                    withText++;
                }
                compared++;
            }
        }
        diffs.stream().limit(30).forEach(System.out::println);
        assertEquals(150, compared);
        assertEquals(142, withText);
        assertEquals(List.of(), diffs);
    }
}
