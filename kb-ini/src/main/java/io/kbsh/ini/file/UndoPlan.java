package io.kbsh.ini.file;

import io.kbsh.ini.document.IniDiff;
import io.kbsh.ini.document.IniDocument;
import io.kbsh.ini.document.IniParseException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * One undo step worked out before anything is written, as {@link io.kbsh.ini.plan.IniPlan} is for an
 * edit: the file as it is now, the backup that would replace it, and the change as a unified diff. Made by
 * {@link PlanApplier#planUndo}, carried out by {@link PlanApplier#undo(UndoPlan)}, which refuses when the
 * file or its backups changed in between. Immutable.
 *
 * @since 2.1
 */
public final class UndoPlan {

    private final Path file;
    private final Path backup;
    private final Optional<byte[]> current;
    private final byte[] restored;

    UndoPlan(Path file, Path backup, Optional<byte[]> current, byte[] restored) {
        this.file = Objects.requireNonNull(file, "file");
        this.backup = Objects.requireNonNull(backup, "backup");
        this.current = current.map(byte[]::clone);
        this.restored = restored.clone();
    }

    /** The file to restore. */
    public Path file() {
        return file;
    }

    /** The backup whose content the file gets back. */
    public Path backup() {
        return backup;
    }

    /** True when the file already holds the backup's content (undo still marks the step as taken back). */
    public boolean changesNothing() {
        return current.isPresent() && Arrays.equals(current.get(), restored);
    }

    /** The change as a unified diff, from the file as it is to the backup's content. */
    public String diff() {
        String from = current.isPresent() ? file + " (now)" : file + " (does not exist)";
        String to = file + " (from " + backup.getFileName() + ")";
        try {
            IniDocument now = current.isPresent() ? IniDocument.parse(current.get()) : IniDocument.empty();
            return IniDiff.between(now, IniDocument.parse(restored), from, to);
        } catch (IniParseException e) {
            return "--- " + from + "\n+++ " + to + "\n(the content differs; it cannot be shown as text: "
                    + e.getMessage() + ")\n";
        }
    }

    Optional<byte[]> current() {
        return current.map(byte[]::clone);
    }

    byte[] restored() {
        return restored.clone();
    }
}
