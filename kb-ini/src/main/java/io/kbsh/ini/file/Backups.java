package io.kbsh.ini.file;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The backups of a file, beside it: {@code NAME.bak}, then {@code NAME.bak.1}, {@code NAME.bak.2} …
 * in the order they were made.
 */
public final class Backups {

    private Backups() {
    }

    /** The existing backups of {@code file}, oldest first. */
    public static List<Path> of(Path file) throws IOException {
        Path absolute = file.toAbsolutePath();
        String name = absolute.getFileName().toString();
        Pattern numbered = Pattern.compile(Pattern.quote(name + ".bak.") + "(\\d{1,9})");
        List<long[]> found = new ArrayList<>();
        Path directory = absolute.getParent();
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(directory)) {
            entries.forEach(p -> {
                String entry = p.getFileName().toString();
                if (entry.equals(name + ".bak")) {
                    found.add(new long[] {0});
                } else {
                    Matcher m = numbered.matcher(entry);
                    if (m.matches()) {
                        found.add(new long[] {Long.parseLong(m.group(1))});
                    }
                }
            });
        }
        found.sort((a, b) -> Long.compare(a[0], b[0]));
        List<Path> result = new ArrayList<>();
        for (long[] n : found) {
            result.add(pathOf(absolute, n[0]));
        }
        return result;
    }

    /** The most recent backup of {@code file}, if any. */
    public static Optional<Path> newest(Path file) throws IOException {
        List<Path> all = of(file);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** Where the next backup of {@code file} goes: {@code NAME.bak}, or the next number after the newest. */
    public static Path next(Path file) throws IOException {
        Path absolute = file.toAbsolutePath();
        List<Path> all = of(absolute);
        if (all.isEmpty()) {
            return pathOf(absolute, 0);
        }
        String newest = all.get(all.size() - 1).getFileName().toString();
        String prefix = absolute.getFileName() + ".bak.";
        long number = newest.startsWith(prefix) ? Long.parseLong(newest.substring(prefix.length())) : 0;
        return pathOf(absolute, number + 1);
    }

    private static Path pathOf(Path file, long number) {
        String name = file.getFileName() + ".bak" + (number == 0 ? "" : "." + number);
        return file.resolveSibling(name);
    }
}
