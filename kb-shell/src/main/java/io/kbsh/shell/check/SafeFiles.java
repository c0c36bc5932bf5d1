package io.kbsh.shell.check;

import io.kbsh.ini.internal.AtomicReplace;
import io.kbsh.ini.internal.Backups;
import io.kbsh.ini.internal.WriteLock;
import io.kbsh.model.command.CommandException;
import io.kbsh.model.internal.DataFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * Writes the files the check commands produce (JUnit XML, waivers) as kb-ini writes INI files: under the
 * file's lock (so two kbsh processes updating one waiver file take turns and neither update is lost),
 * atomically, keeping a backup of the old content.
 */
final class SafeFiles {

    /** How long an update waits for another kbsh writing the same file. */
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    /** Computes the new content from the current one (empty when the file does not exist). */
    @FunctionalInterface
    interface Change {
        byte[] apply(Optional<byte[]> current) throws IOException, CommandException;
    }

    private SafeFiles() {}

    /** Writes {@code data} to {@code file}; returns the backup made of the previous content, if there was one. */
    static Optional<Path> write(Path file, byte[] data) throws IOException {
        try {
            return update(file, Long.MAX_VALUE, "", current -> data);
        } catch (CommandException e) {
            throw new IllegalStateException("a fixed content cannot be refused", e);
        }
    }

    /**
     * Reads {@code file} (a regular file within {@code limit} bytes), computes its new content with
     * {@code change} and writes it, all while holding the file's lock; returns the backup made of the
     * previous content, if there was one. Nothing is written when the content stays the same.
     */
    static Optional<Path> update(Path file, long limit, String what, Change change)
            throws IOException, CommandException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (WriteLock lock = WriteLock.acquire(file, PATIENCE)) {
            AtomicReplace.removeOrphans(file);
            Optional<byte[]> current;
            try {
                current = Optional.of(DataFiles.read(file, limit, what.isEmpty() ? "this file" : what));
            } catch (NoSuchFileException e) {
                current = Optional.empty();
            }
            byte[] data = change.apply(current);
            if (current.isPresent() && Arrays.equals(current.get(), data)) {
                return Optional.empty();
            }
            AtomicReplace replace = AtomicReplace.system();
            Optional<Path> backup = Optional.empty();
            if (current.isPresent()) {
                backup = Optional.of(Backups.next(file));
                replace.createCopy(file, backup.get(), current.get());
            }
            replace.replace(file, data, () -> {});
            return backup;
        }
    }
}
