package io.kbsh.ini.file;

import io.kbsh.ini.plan.IniPlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * Writes plans to disk and takes them back. Applying keeps a backup of the file as it was
 * ({@link Backups}), writes atomically ({@link AtomicFileWriter}), and refuses, writing nothing, when
 * the file no longer holds what the plan was made from. Undo restores the newest backup the same way,
 * keeping the current content as a backup in turn (so a second undo goes back to where the first
 * started).
 */
public final class PlanApplier {

    /** What {@link #apply} did. */
    public enum Outcome {
        /** The file already held the planned content: nothing written, no backup made. */
        ALREADY_APPLIED,
        /** The file was written (or created). */
        APPLIED
    }

    /** The result of {@link #apply}: the outcome and the backup made, if any (none for a new file). */
    public record ApplyResult(Outcome outcome, Optional<Path> backup) {
    }

    /** The result of {@link #undo}: the backup restored and where the replaced content was kept. */
    public record UndoResult(Path restoredFrom, Optional<Path> keptAs) {
    }

    private final AtomicFileWriter writer;

    public PlanApplier() {
        this(new AtomicFileWriter());
    }

    public PlanApplier(AtomicFileWriter writer) {
        this.writer = Objects.requireNonNull(writer, "writer");
    }

    /**
     * Applies {@code plan}. Any failure leaves the file as it was and removes the backup this call made.
     *
     * @throws IniFileChangedException when the file changed since the plan read it
     */
    public ApplyResult apply(IniPlan plan) throws IOException {
        if (plan.changesNothing()) {
            return new ApplyResult(Outcome.ALREADY_APPLIED, Optional.empty());
        }
        Path file = plan.file();
        Optional<byte[]> expected = plan.exists() ? Optional.of(plan.before().toBytes()) : Optional.empty();
        checkUnchanged(file, expected);
        Optional<Path> backup = Optional.empty();
        if (expected.isPresent()) {
            backup = Optional.of(Backups.next(file));
            writer.writeCopy(file, backup.get(), expected.get());
        }
        try {
            writer.write(file, plan.after().toBytes(), () -> checkUnchanged(file, expected));
        } catch (IOException | RuntimeException e) {
            if (backup.isPresent()) {
                Files.deleteIfExists(backup.get());
            }
            throw e;
        }
        return new ApplyResult(Outcome.APPLIED, backup);
    }

    /**
     * Restores {@code file} from its newest backup, atomically, after keeping its current content as a
     * new backup.
     *
     * @throws NoSuchFileException when the file has no backup
     */
    public UndoResult undo(Path file) throws IOException {
        Path restoredFrom = Backups.newest(file).orElseThrow(
                () -> new NoSuchFileException(file.toString(), null, "no backup to restore (looked for "
                        + file.getFileName() + ".bak and " + file.getFileName() + ".bak.N)"));
        byte[] restored = Files.readAllBytes(restoredFrom);
        Optional<byte[]> current = read(file);
        Optional<Path> keptAs = Optional.empty();
        if (current.isPresent()) {
            keptAs = Optional.of(Backups.next(file));
            writer.writeCopy(file, keptAs.get(), current.get());
        }
        try {
            writer.write(file, restored, () -> checkUnchanged(file, current));
        } catch (IOException | RuntimeException e) {
            if (keptAs.isPresent()) {
                Files.deleteIfExists(keptAs.get());
            }
            throw e;
        }
        return new UndoResult(restoredFrom, keptAs);
    }

    private static void checkUnchanged(Path file, Optional<byte[]> expected) throws IOException {
        Optional<byte[]> now = read(file);
        boolean same = expected.isPresent()
                ? now.isPresent() && Arrays.equals(now.get(), expected.get())
                : now.isEmpty();
        if (!same) {
            throw new IniFileChangedException(file);
        }
    }

    private static Optional<byte[]> read(Path file) throws IOException {
        try {
            return Optional.of(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }
}
