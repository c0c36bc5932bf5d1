package io.kbsh.shell.article.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kbsh.model.article.Article;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * Acceptance on the whole plain-text archive: every article of {@code kbarchive-txt.zip} parses straight
 * from the zip, with id, title, date and a non-empty body; underlined headings become sections.
 */
class ArchiveAcceptanceTest {

    @Test
    void everyArticleOfThePlainTextArchiveParses() throws IOException {
        Path zip = SharedData.require("kbarchive/kbarchive-txt.zip");
        int parsed = 0;
        int withHeadings = 0;
        int untitledOnly = 0;
        int overflow = 0;
        int recovered = 0;
        int doubleColon = 0;
        List<String> failures = new ArrayList<>();
        long start = System.nanoTime();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            for (ZipEntry e : java.util.Collections.list(z.entries())) {
                if (e.isDirectory() || !e.getName().endsWith(".TXT")) {
                    continue;
                }
                byte[] bytes;
                try (InputStream in = z.getInputStream(e)) {
                    bytes = in.readAllBytes();
                }
                try {
                    Article a = ArticleParser.parse(e.getName(), bytes);
                    parsed++;
                    assertFalse(a.title().isBlank(), e.getName());
                    assertTrue(a.date().isPresent(), e.getName());
                    assertFalse(a.bodyText().isBlank(), e.getName());
                    assertTrue(e.getName().endsWith("/" + a.id() + ".TXT"), e.getName() + " has id " + a.id());
                    if (a.sections().stream().anyMatch(s -> s.heading().isPresent())) {
                        withHeadings++;
                    } else {
                        assertEquals(1, a.sections().size(), e.getName());
                        untitledOnly++;
                    }
                    if (a.headerOverflow().isPresent()) {
                        overflow++;
                    }
                    if (a.headerOverflow().isPresent() || filledAnEmptyHeaderField(bytes, a)) {
                        recovered++;
                    }
                    if (new String(bytes, 0, Math.min(bytes.length, 400), java.nio.charset.StandardCharsets.ISO_8859_1)
                            .contains("PROD/VER::")) {
                        doubleColon++;
                    }
                } catch (ArticleParseException ex) {
                    failures.add(ex.getMessage());
                }
            }
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        System.out.printf(
                "archive acceptance: %d parsed, %d with underlined headings (%.1f%%), %d one untitled section,"
                        + " %d with wrapped header values recovered (%d of them with overflow text), %d PROD/VER::,"
                        + " %d rejected, %d ms%n",
                parsed,
                withHeadings,
                100.0 * withHeadings / Math.max(1, parsed),
                untitledOnly,
                recovered,
                overflow,
                doubleColon,
                failures.size(),
                ms);
        failures.stream().limit(20).forEach(System.out::println);
        assertEquals(List.of(), failures);
        assertEquals(56_989, parsed);
        assertEquals(15_164, doubleColon);
        assertTrue(withHeadings > parsed * 0.98, "headings found in " + withHeadings);
        // The issue counts "about 1,100-1,200" such files; a prose opening moved out of the body would
        // push the count up, a recovery that stopped working would bring it down.
        assertTrue(recovered > 1_000 && recovered < 1_200, "wrapped headers recovered in " + recovered);
    }

    /** Whether the raw header left PROD/VER, OPER/SYS or KEYWORDS empty and the article has that field. */
    private static boolean filledAnEmptyHeaderField(byte[] bytes, Article a) {
        String[] lines = new String(
                        bytes, 0, Math.min(bytes.length, 2000), java.nio.charset.StandardCharsets.ISO_8859_1)
                .split("\r?\n", 7);
        if (lines.length < 6) {
            return false;
        }
        return lines[3].replaceFirst("^PROD/VER:+", "").isBlank()
                        && !a.productVersions().isEmpty()
                || lines[4].replaceFirst("^OPER/SYS:+", "").isBlank()
                        && a.operatingSystem().isPresent()
                || lines[5].replaceFirst("^KEYWORDS:+", "").isBlank()
                        && !a.keywords().isEmpty();
    }
}
