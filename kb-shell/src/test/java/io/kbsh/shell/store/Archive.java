package io.kbsh.shell.store;

import io.kbsh.shell.article.parse.SharedData;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** The shared KB archive data (system property {@code kbsh.shared}); tests skip without it. */
public final class Archive {
    private Archive() {}

    public static Path require(String relative) {
        return SharedData.require(relative);
    }

    /** Copies plain-text articles out of {@code kbarchive-txt.zip} into {@code dir}, as the archive lays them out. */
    public static void extract(Path dir, String... ids) throws IOException {
        try (ZipFile zip = new ZipFile(require("kbarchive/kbarchive-txt.zip").toFile())) {
            for (String q : ids) {
                int n = Integer.parseInt(q.substring(1));
                String name = String.format("txt/%03d/%s.TXT", n / 1000, q);
                ZipEntry e = zip.getEntry(name);
                Path target = dir.resolve(name);
                Files.createDirectories(target.getParent());
                try (InputStream in = zip.getInputStream(e)) {
                    Files.copy(in, target);
                }
            }
        }
    }
}
