package io.kbsh.shell.check;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The bundled example site ({@code INSTALL/examples}) and its scratch copy in the home
 * ({@code HOME/example}). Loading the example — when the interactive shell opens without an environment,
 * or by {@code env load} of the distribution's or a checkout's {@code examples/} file — loads the scratch
 * copy, so that {@code fix apply} changes only that copy, never a file of the distribution or one git tracks.
 */
public final class ExampleSite {

    /** The site the shell opens on. */
    public static final String SITE = "site-q254909-q187225.json";
    private static final long MAX_EXAMPLE_BYTES = 1024 * 1024;

    private final Optional<Path> examples;
    private final Path scratch;

    /** The example in {@code examples} (the distribution's {@code examples/}), copied to {@code home/example}. */
    public ExampleSite(Optional<Path> examples, Path home) {
        this.examples = examples.filter(d -> Files.isRegularFile(d.resolve(SITE)));
        this.scratch = home.resolve("example");
    }

    /** No example (a shell without a distribution, as in most tests). */
    public static ExampleSite none() {
        return new ExampleSite(Optional.empty(), Path.of("."));
    }

    /** The scratch copy's site file, made from the distribution's on first use; empty without a distribution. */
    public Optional<Path> scratchSite() {
        return examples.map(e -> scratchOf(e.resolve(SITE)));
    }

    /** The scratch copy's home, {@code HOME/example}. */
    public Path scratchDirectory() {
        return scratch;
    }

    /**
     * The scratch copy of {@code file} when {@code file} is the bundled example's (the distribution's copy
     * or a file with the same name and bytes, as a checkout's {@code examples/} holds); else empty.
     */
    public Optional<Path> scratchFor(Path file) {
        if (examples.isEmpty() || !Files.isRegularFile(file) || file.toAbsolutePath().normalize().startsWith(scratch)) {
            return Optional.empty();
        }
        Path bundled = examples.get().resolve(file.getFileName().toString());
        try {
            if (!Files.isRegularFile(bundled) || Files.size(file) > MAX_EXAMPLE_BYTES
                    || !Arrays.equals(Files.readAllBytes(file), Files.readAllBytes(bundled))) {
                return Optional.empty();
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.of(scratchOf(bundled));
    }

    private Path scratchOf(Path bundled) {
        Path root = examples.orElseThrow();
        if (!Files.isDirectory(scratch)) {
            copy(root, scratch);
        }
        return scratch.resolve(root.relativize(bundled));
    }

    /** Copies the example tree (no backups of earlier fixes), into a temporary directory renamed at the end. */
    private static void copy(Path from, Path to) {
        Path temporary = to.resolveSibling(to.getFileName() + ".kbsh-tmp");
        try {
            deleteTree(temporary);
            List<Path> all;
            try (Stream<Path> walk = Files.walk(from)) {
                all = walk.toList();
            }
            for (Path p : all) {
                Path target = temporary.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (Files.isRegularFile(p) && !p.getFileName().toString().contains(".bak")) {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Files.move(temporary, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the example site to " + to + ": " + e.getMessage(), e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
