package io.kbsh.plugin.q254909.writer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kbsh.ini.plan.IniPlan;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The writer against the sample Mspclnt.ini that Q231878 prints (read from the shared KB archive at
 * test time; skipped when the archive is absent).
 */
class ArchiveSampleTest {

    @TempDir
    Path dir;

    private static Optional<String> sampleFromArchive() throws IOException {
        String shared = System.getProperty("kbsh.shared");
        Path zip = shared == null ? null : Path.of(shared, "kbarchive", "kbarchive-txt.zip");
        if (zip == null || !Files.isRegularFile(zip)) {
            System.out.println("skipped: no KB archive at " + zip + " (set kbsh.shared)");
            return Optional.empty();
        }
        try (ZipFile z = new ZipFile(zip.toFile())) {
            ZipEntry entry = z.getEntry("txt/231/Q231878.TXT");
            if (entry == null) {
                return Optional.empty();
            }
            try (InputStream in = z.getInputStream(entry)) {
                String article = new String(in.readAllBytes(), Charset.forName("windows-1252"));
                int start = article.indexOf("[Internal]");
                int end = article.indexOf("Additional query words");
                return start < 0 || end < start
                        ? Optional.empty()
                        : Optional.of(article.substring(start, end).strip());
            }
        }
    }

    @Test
    void theArticlesSampleFileGetsTheMtaSectionAndTheRefreshWarning() throws Exception {
        Optional<String> sample = sampleFromArchive();
        assumeTrue(sample.isPresent(), "the shared KB archive with Q231878 is not available");
        Path file = dir.resolve("Mspclnt.ini");
        Files.writeString(file, sample.get() + "\r\n", Charset.forName("windows-1252"));
        IniPlan plan = new ProxyClientBypassWriter().plan(file, Map.of());
        assertEquals(Optional.of("1"), plan.after().get("EMSMTA", "Disable"));
        String warning = plan.warnings().get(0);
        assertTrue(
                warning.contains("every 6 hour(s)") && warning.contains("\\\\PROXY-09\\mspclnt\\Mspclnt.ini"), warning);
        assertEquals(plan.before().lineCount() + 2, plan.after().lineCount());
    }
}
