package io.kbsh.ini.file;

import io.kbsh.ini.internal.AtomicReplace;
import io.kbsh.ini.internal.Backups;
import io.kbsh.ini.internal.WriteLock;
import io.kbsh.ini.plan.IniPlan;
import io.kbsh.model.internal.DataFiles;
import io.kbsh.model.internal.Limits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Writes plans to disk and takes them back, one writer of a file at a time. Each apply and undo holds the
 * file's lock (an OS lock on the sibling {@code .NAME.kbsh-lock}, so writers in other processes are
 * excluded too) and fails at once, writing nothing, when another writer holds it; under the lock it
 * re-reads the file and refuses, writing nothing, when the file no longer holds what the plan was made
 * from. Applying keeps a backup of the file as it was ({@code NAME.bak}, then {@code NAME.bak.1}, … — a
 * number is never reused) and writes atomically (temporary file, flush, rename); temporary files that a
 * killed write left behind are removed first. Undo walks back one step at a time: it restores the newest
 * backup not yet restored, keeping what it replaced as {@code NAME.bak.N.undone}, so a second undo goes
 * one step further back, and there is an end. A backup that is a link, not a regular file, or not owned
 * by the user (or root) is refused. Thread-safe; instances are immutable.
 *
 * @since 2.0
 */
public final class PlanApplier {

    /**
     * What {@link #apply} did.
     *
     * @since 2.0
     */
    public enum Outcome {
        /** The file already held the planned content: nothing written, no backup made. */
        ALREADY_APPLIED,
        /** The file was written (or created). */
        APPLIED
    }

    /**
     * The result of {@link #apply}: the outcome, the backup made, if any (none for a new file), the oldest
     * backups removed to keep the number {@link #keepingBackups} allows, and the temporary files of killed
     * writes that were removed.
     *
     * @since 2.0
     */
    public record ApplyResult(Outcome outcome, Optional<Path> backup, List<Path> pruned, List<Path> orphansRemoved) {

        public ApplyResult {
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(backup, "backup");
            pruned = List.copyOf(pruned);
            orphansRemoved = List.copyOf(orphansRemoved);
        }

        public ApplyResult(Outcome outcome, Optional<Path> backup) {
            this(outcome, backup, List.of(), List.of());
        }
    }

    /**
     * The result of {@link #undo}: the backup restored, where the replaced content was kept, and the
     * temporary files of killed writes that were removed.
     *
     * @since 2.0
     */
    public record UndoResult(Path restoredFrom, Optional<Path> keptAs, List<Path> orphansRemoved) {

        public UndoResult {
            Objects.requireNonNull(restoredFrom, "restoredFrom");
            Objects.requireNonNull(keptAs, "keptAs");
            orphansRemoved = List.copyOf(orphansRemoved);
        }

        public UndoResult(Path restoredFrom, Optional<Path> keptAs) {
            this(restoredFrom, keptAs, List.of());
        }
    }

    private final AtomicReplace replace;
    private final String user;
    private final OptionalInt keep;

    /** An applier that keeps every backup. */
    public PlanApplier() {
        this(AtomicReplace.system(), System.getProperty("user.name"), OptionalInt.empty());
    }

    /** With write steps a test can fail and the user whose backups are trusted. */
    PlanApplier(AtomicReplace replace, String user, OptionalInt keep) {
        this.replace = Objects.requireNonNull(replace, "replace");
        this.user = Objects.requireNonNull(user, "user");
        this.keep = keep;
    }

    /**
     * This applier, keeping only the newest {@code count} backups of a file: each apply removes older ones.
     * Numbers are still never reused.
     *
     * @throws IllegalArgumentException when {@code count} is below 1
     * @since 2.1
     */
    public PlanApplier keepingBackups(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("keep at least 1 backup, not " + count);
        }
        return new PlanApplier(replace, user, OptionalInt.of(count));
    }

    /**
     * Applies {@code plan}. Any failure leaves the file as it was and removes the backup this call made.
     *
     * @throws IniFileChangedException when the file changed since the plan read it
     * @throws IOException (a {@code FileBusyException}) when another writer holds the file's lock
     */
    // javac's "try" lint: the lock is held for the whole body and released on close; nothing reads it.
    @SuppressWarnings("try")
    public ApplyResult apply(IniPlan plan) throws IOException {
        if (plan.changesNothing()) {
            return new ApplyResult(Outcome.ALREADY_APPLIED, Optional.empty());
        }
        Path file = plan.file();
        Optional<byte[]> expected = plan.exists() ? Optional.of(plan.before().toBytes()) : Optional.empty();
        try (WriteLock lock = WriteLock.tryAcquire(file)) {
            List<Path> orphans = AtomicReplace.removeOrphans(file);
            checkUnchanged(file, expected);
            Optional<Path> backup = Optional.empty();
            if (expected.isPresent()) {
                backup = Optional.of(Backups.next(file));
                replace.createCopy(file, backup.get(), expected.get());
            }
            try {
                replace.replace(file, plan.after().toBytes(), () -> checkUnchanged(file, expected));
            } catch (IOException | RuntimeException e) {
                if (backup.isPresent()) {
                    Files.deleteIfExists(backup.get());
                }
                throw e;
            }
            List<Path> pruned = keep.isPresent() ? Backups.prune(file, keep.getAsInt()) : List.of();
            return new ApplyResult(Outcome.APPLIED, backup, pruned, orphans);
        }
    }

    /**
     * Works out the next undo step of {@code file}: the newest backup not yet restored, read and checked,
     * against the file as it is. Writes nothing.
     *
     * @throws NoSuchFileException when there is nothing to restore (no backup, or every backup has been
     *                             restored already); its reason says which
     * @throws IOException         (an {@code UntrustedBackupException}) when the backup is a link, not a
     *                             regular file, or not owned by the user or root
     * @since 2.1
     */
    public UndoPlan planUndo(Path file) throws IOException {
        List<Backups.Backup> all = Backups.of(file);
        Backups.Backup step = Backups.newestPending(all).orElseThrow(() -> nothingToUndo(file, all));
        return new UndoPlan(file, step.path(), read(file), Backups.readTrusted(step.path(), user));
    }

    /**
     * Carries out {@code plan}: restores the file from the plan's backup, atomically, keeping the content it
     * replaces as {@code BACKUP.undone}. Any failure leaves the file as it was and removes that copy.
     *
     * @throws IniFileChangedException when the file or the backup changed since the plan was made
     * @since 2.1
     */
    // javac's "try" lint: the lock is held for the whole body and released on close; nothing reads it.
    @SuppressWarnings("try")
    public UndoResult undo(UndoPlan plan) throws IOException {
        Path file = plan.file();
        Optional<byte[]> current = plan.current();
        try (WriteLock lock = WriteLock.tryAcquire(file)) {
            List<Path> orphans = AtomicReplace.removeOrphans(file);
            checkUnchanged(file, current);
            Optional<Backups.Backup> step = Backups.newestPending(Backups.of(file));
            byte[] restored = plan.restored();
            if (step.isEmpty()
                    || !step.get().path().equals(plan.backup())
                    || !Arrays.equals(Backups.readTrusted(step.get().path(), user), restored)) {
                throw new IniFileChangedException(file);
            }
            Path keptAs = step.get().undonePath();
            replace.createCopy(file, keptAs, current.orElse(new byte[0]));
            try {
                replace.replace(file, restored, () -> checkUnchanged(file, current));
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(keptAs);
                throw e;
            }
            return new UndoResult(
                    step.get().path(), current.isPresent() ? Optional.of(keptAs) : Optional.empty(), orphans);
        }
    }

    /**
     * Restores {@code file} one step back: {@link #planUndo} then {@link #undo(UndoPlan)}.
     *
     * @throws NoSuchFileException when there is nothing to restore
     */
    public UndoResult undo(Path file) throws IOException {
        return undo(planUndo(file));
    }

    private static NoSuchFileException nothingToUndo(Path file, List<Backups.Backup> all) {
        String name = file.getFileName().toString();
        if (all.isEmpty()) {
            return new NoSuchFileException(
                    file.toString(), null, "no backup to restore (looked for " + name + ".bak and " + name + ".bak.N)");
        }
        return new NoSuchFileException(
                file.toString(),
                null,
                "nothing older to restore: all " + all.size()
                        + " backup(s) have been restored by earlier undos, the oldest ("
                        + all.get(0).path().getFileName()
                        + ") last; what each undo replaced is kept as BACKUP" + Backups.UNDONE_SUFFIX);
    }

    private static void checkUnchanged(Path file, Optional<byte[]> expected) throws IOException {
        Optional<byte[]> now = read(file);
        boolean same =
                expected.isPresent() ? now.isPresent() && Arrays.equals(now.get(), expected.get()) : now.isEmpty();
        if (!same) {
            throw new IniFileChangedException(file);
        }
    }

    private static Optional<byte[]> read(Path file) throws IOException {
        try {
            return Optional.of(DataFiles.read(file, Limits.INI_BYTES, "an INI file"));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }
}
