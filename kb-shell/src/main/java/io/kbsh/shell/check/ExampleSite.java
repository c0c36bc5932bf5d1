package io.kbsh.shell.check;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The bundled example site ({@code INSTALL/examples}) and its scratch copy in the home
 * ({@code HOME/example}). Loading the example — when the interactive shell opens without an environment,
 * or by {@code env load} of a file in the distribution's or the checkout's {@code examples/} — loads the scratch
 * copy, so that {@code fix apply} changes only that copy, never a file of the distribution or one git tracks.
 */
public final class ExampleSite {

    /** The site the shell opens on. */
    public static final String SITE = "site-q254909-q187225.json";

    private final Optional<Path> examples;
    private final List<Path> sources;
    private final Path scratch;

    /** The example in {@code examples} (the distribution's {@code examples/}), copied to {@code home/example}. */
    public ExampleSite(Optional<Path> examples, Path home) {
        this(examples, List.of(), home);
    }

    /**
     * As {@link #ExampleSite(Optional, Path)}; files in {@code sources} (the checkout's {@code examples/} the
     * distribution was built from, which the checkout's {@code ./kbsh} names) are the example too.
     */
    public ExampleSite(Optional<Path> examples, List<Path> sources, Path home) {
        this.examples = examples.filter(d -> Files.isRegularFile(d.resolve(SITE)));
        this.sources = List.copyOf(sources);
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
     * The scratch copy of {@code file} when {@code file} is one of the example's: inside the distribution's
     * {@code examples/} or the checkout's (by where it is, links followed — never by its content, so a copy a
     * person made to work on stays theirs); else empty.
     */
    public Optional<Path> scratchFor(Path file) {
        if (examples.isEmpty() || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Path real;
        try {
            real = file.toRealPath();
            if (Files.isDirectory(scratch) && real.startsWith(scratch.toRealPath())) {
                return Optional.empty();
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        List<Path> roots = new ArrayList<>();
        roots.add(examples.get());
        roots.addAll(sources);
        for (Path root : roots) {
            Optional<Path> inside = relativeInside(real, root);
            if (inside.isPresent()
                    && Files.isRegularFile(examples.get().resolve(inside.get().toString()))) {
                return Optional.of(scratchOf(examples.get().resolve(inside.get().toString())));
            }
        }
        return Optional.empty();
    }

    private static Optional<Path> relativeInside(Path real, Path root) {
        try {
            Path r = root.toRealPath();
            return real.startsWith(r) ? Optional.of(r.relativize(real)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
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
