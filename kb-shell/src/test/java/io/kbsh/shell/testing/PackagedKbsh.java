package io.kbsh.shell.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** The packaged {@code bin/kbsh} in batch mode, with a home of its own under a test's directory. */
public final class PackagedKbsh {

    public static final Path DIST = Path.of(System.getProperty("kbsh.distribution", "target/kbsh"));

    /** What one batch run printed and how it ended. */
    public record Run(int status, String out, String err) {}

    private final Path dir;

    public PackagedKbsh(Path dir) {
        this.dir = dir;
    }

    /** Runs {@code commands} ({@code -c}); the run must end within {@code seconds}. */
    public Run run(String commands, int seconds) throws IOException, InterruptedException {
        return run(List.of(), commands, seconds);
    }

    /** Runs {@code commands} ({@code -c}) with kbsh's {@code options} before them (e.g. {@code --plugins DIR}). */
    public Run run(List<String> options, String commands, int seconds) throws IOException, InterruptedException {
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        List<String> line = new ArrayList<>(List.of(
                DIST.resolve("bin/kbsh").toString(),
                "--home",
                dir.resolve("home").toString()));
        line.addAll(options);
        line.addAll(List.of("-c", commands));
        Process p = new ProcessBuilder(line)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        assertTrue(p.waitFor(seconds, TimeUnit.SECONDS), "kbsh did not finish within " + seconds + " s");
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** A private copy of the bundled examples, so that fixes can be applied to it. */
    public Path examples() throws IOException {
        Path copy = dir.resolve("examples");
        Path from = DIST.resolve("examples");
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path to = copy.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        return copy;
    }
}
