package io.kbsh.shell.article.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kbsh.model.article.Article;
import io.kbsh.model.article.ArticleId;
import io.kbsh.model.article.Rendering;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The five seed articles, each in the form it was found (plain text, browser page text, Markdown), agree
 * field by field with the archive's Markdown and HTML renderings of the same article.
 */
class SeedArticlesTest {

    static Stream<Arguments> seeds() {
        return Stream.of(
                Arguments.of("000_409f1e52efe4e37a.txt", "Q165057", Rendering.TEXT),
                Arguments.of("001_cbc87f066c27bc5f.txt", "Q254909", Rendering.PAGE_TEXT),
                Arguments.of("002_46571bc5ed9c8329.txt", "Q178532", Rendering.MARKDOWN),
                Arguments.of("003_5e9a2bfd390e42ef.txt", "Q187225", Rendering.TEXT),
                Arguments.of("004_82f8c28f18b2d59b.txt", "Q166604", Rendering.TEXT));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @MethodSource("seeds")
    void seedAgreesFieldByFieldWithTheArchivePages(String seed, String id, Rendering rendering)
            throws IOException, ArticleParseException {
        Path seedFile = SharedData.require("seeds/" + seed);
        Path samples = SharedData.require("kbarchive/samples");
        Article fromSeed = ArticleParser.parse(seedFile.toString(), Files.readAllBytes(seedFile));
        assertEquals(rendering, fromSeed.rendering(), "rendering chosen by content");
        assertEquals(ArticleId.parse(id), fromSeed.id());
        for (String page : List.of("md/" + id + ".md", "html/" + id + ".html")) {
            Path file = samples.resolve(page);
            Article fromPage = ArticleParser.parse(file.toString(), Files.readAllBytes(file));
            for (Map.Entry<String, Function<Article, Object>> field : RenderingParityTest.SHARED_FIELDS.entrySet()) {
                assertEquals(
                        field.getValue().apply(fromPage),
                        field.getValue().apply(fromSeed),
                        seed + " vs " + page + ": " + field.getKey());
            }
        }
    }
}
