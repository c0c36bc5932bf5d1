package io.kbsh.shell.article.parse;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** The archive data under {@code ../shared} (system property {@code kbsh.shared}); tests skip without it. */
public final class SharedData {
    private SharedData() {}

    /** The path below the shared data, or a skipped test (with the reason) when it is absent. */
    public static Path require(String relative) {
        String shared = System.getProperty("kbsh.shared");
        assumeTrue(shared != null, "skipped: system property kbsh.shared is not set");
        Path p = Path.of(shared).resolve(relative);
        assumeTrue(Files.exists(p), "skipped: " + p + " is absent (the KB archive data is not on this machine)");
        return p;
    }
}
