package io.kbsh.ini.file;

import io.kbsh.ini.internal.AtomicReplace;
import io.kbsh.ini.internal.WriteLock;
import io.kbsh.ini.internal.WriteSteps;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Replaces a file so that readers see the old content or the new, never a mix: the new bytes go to a
 * temporary file in the same directory, are flushed to disk, and the temporary file is renamed over the
 * target, which keeps its permissions (and owner, where allowed); a symbolic link stays a link to the
 * replaced file. Any failure removes the temporary file and leaves the target as it was. The write holds
 * the file's lock (the one {@link PlanApplier} takes, an OS lock on the sibling {@code .NAME.kbsh-lock}),
 * waiting up to ten seconds for another writer, and first removes temporary files that killed writes left
 * behind. Thread-safe.
 *
 * @since 2.0
 */
public final class AtomicFileWriter {

    /** How long a write waits for another writer of the same file. */
    static final Duration PATIENCE = Duration.ofSeconds(10);

    /**
     * A last check run after the new content is on disk and just before the rename; throw to veto it.
     *
     * @since 2.0
     */
    @FunctionalInterface
    public interface BeforeRename {
        void check() throws IOException;
    }

    private final AtomicReplace replace;

    public AtomicFileWriter() {
        this(WriteSteps.system());
    }

    /** With steps a test can make fail. */
    AtomicFileWriter(WriteSteps steps) {
        this.replace = new AtomicReplace(Objects.requireNonNull(steps, "steps"));
    }

    /** Replaces (or creates) {@code target} with {@code data}. */
    public void write(Path target, byte[] data) throws IOException {
        write(target, data, () -> {});
    }

    /** Replaces (or creates) {@code target} with {@code data}, running {@code beforeRename} last. */
    // javac's "try" lint: the lock is held for the whole body and released on close; nothing reads it.
    @SuppressWarnings("try")
    public void write(Path target, byte[] data, BeforeRename beforeRename) throws IOException {
        try (WriteLock lock = WriteLock.acquire(target, PATIENCE)) {
            AtomicReplace.removeOrphans(target);
            replace.replace(target, data, beforeRename::check);
        }
    }
}
