package io.kbsh.shell.repl;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.jline.reader.impl.history.DefaultHistory;

/**
 * The REPL's history file ({@code HOME/history}), kept private as bash, zsh and psql keep theirs (0600), and
 * never a reason for the shell to stop: a history file that is not a regular file, is too large or cannot
 * be written is a warning and the session runs without it; lines that are not UTF-8 history lines are
 * skipped with a warning naming the first of them, the readable part is kept and the original is saved
 * beside it ({@code history.bak}) so that nothing is lost.
 */
final class ShellHistory extends DefaultHistory {

    /** History files past this size are not read: a session's history is lines typed by a person. */
    static final long MAX_BYTES = 16L * 1024 * 1024;

    private static final Set<PosixFilePermission> PRIVATE = PosixFilePermissions.fromString("rw-------");
    private static final Pattern ENTRY = Pattern.compile("\\d{1,19}:.*");

    private final Consumer<String> warnings;
    private boolean saveFailed;

    private ShellHistory(Consumer<String> warnings) {
        this.warnings = warnings;
    }

    /**
     * Prepares {@code file} for JLine and returns the history to give the line reader, with the file to
     * name as its {@code HISTORY_FILE} (empty: keep this session's history in memory only). Problems go to
     * {@code warnings}, one line each.
     */
    static Prepared prepare(Path file, Consumer<String> warnings) {
        return new Prepared(new ShellHistory(warnings), usable(file, warnings));
    }

    /** The history and the file it is kept in, when there is one. */
    record Prepared(ShellHistory history, Optional<Path> file) {}

    private static Optional<Path> usable(Path file, Consumer<String> warnings) {
        String without = "; this session's history is not kept";
        try {
            if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PRIVATE));
                return Optional.of(file);
            }
            if (!Files.isRegularFile(file)) {
                warnings.accept("kbsh: history file " + file + " is not a regular file" + without);
                return Optional.empty();
            }
            if (!PRIVATE.equals(Files.getPosixFilePermissions(file))) {
                Files.setPosixFilePermissions(file, PRIVATE);
            }
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                warnings.accept("kbsh: history file " + file + " is larger than " + MAX_BYTES / (1024 * 1024) + " MiB"
                        + without);
                return Optional.empty();
            }
            keepReadableLines(file, warnings);
            return Optional.of(file);
        } catch (IOException | UnsupportedOperationException e) {
            warnings.accept("kbsh: history file " + file + ": " + reason(e) + without);
            return Optional.empty();
        }
    }

    /** Rewrites {@code file} without its unreadable lines (the original kept as {@code history.bak}). */
    private static void keepReadableLines(Path file, Consumer<String> warnings) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        List<String> readable = new ArrayList<>();
        int firstBad = 0;
        int bad = 0;
        int number = 0;
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i < bytes.length && bytes[i] != '\n') {
                continue;
            }
            if (i == bytes.length && start == i) {
                break;
            }
            number++;
            Optional<String> line = decode(bytes, start, i - start);
            if (line.isPresent() && ENTRY.matcher(line.get()).matches()) {
                readable.add(line.get());
            } else if (line.isEmpty() || !line.get().isEmpty()) {
                bad++;
                firstBad = firstBad == 0 ? number : firstBad;
            }
            start = i + 1;
        }
        if (bad == 0) {
            return;
        }
        Path backup = file.resolveSibling(file.getFileName() + ".bak");
        Files.copy(file, backup, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
        Files.setPosixFilePermissions(backup, PRIVATE);
        Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), ".history", ".kbsh-tmp");
        try {
            Files.write(temporary, readable, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
        warnings.accept("kbsh: history file " + file + ":" + firstBad + ": not a UTF-8 history line"
                + (bad > 1 ? " (and " + (bad - 1) + " more)" : "") + "; kept the " + readable.size()
                + " readable line(s), the original is in " + backup);
    }

    private static Optional<String> decode(byte[] bytes, int offset, int length) {
        try {
            return Optional.of(StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, length))
                    .toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static String reason(Exception e) {
        return e instanceof java.nio.file.AccessDeniedException
                ? "permission denied"
                : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    @Override
    public void load() {
        try {
            super.load();
        } catch (IOException | RuntimeException e) {
            warnings.accept("kbsh: history could not be read: " + reason(e) + "; starting with an empty history");
        }
    }

    @Override
    public void save() {
        try {
            super.save();
        } catch (IOException | RuntimeException e) {
            if (!saveFailed) {
                saveFailed = true;
                warnings.accept("kbsh: history could not be saved: " + reason(e));
            }
        }
    }
}
