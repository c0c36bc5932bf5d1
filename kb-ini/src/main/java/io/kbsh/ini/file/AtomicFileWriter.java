package io.kbsh.ini.file;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;

/**
 * Replaces a file so that readers see the old content or the new, never a mix: the new bytes go to a
 * temporary file in the same directory, are flushed to disk, and the temporary file is renamed over the
 * target, which keeps its permissions (and owner, where allowed); a symbolic link stays a link to the
 * replaced file. Any failure removes the temporary file and leaves the target as it was.
 */
public final class AtomicFileWriter {

    /** A last check run after the new content is on disk and just before the rename; throw to veto it. */
    @FunctionalInterface
    public interface BeforeRename {
        void check() throws IOException;
    }

    private final WriteSteps steps;

    public AtomicFileWriter() {
        this(WriteSteps.system());
    }

    public AtomicFileWriter(WriteSteps steps) {
        this.steps = Objects.requireNonNull(steps, "steps");
    }

    /** Replaces (or creates) {@code target} with {@code data}. */
    public void write(Path target, byte[] data) throws IOException {
        write(target, data, () -> { });
    }

    /** Replaces (or creates) {@code target} with {@code data}, running {@code beforeRename} last. */
    public void write(Path target, byte[] data, BeforeRename beforeRename) throws IOException {
        // Replace the file a symbolic link points to, not the link itself.
        Path absolute = Files.isSymbolicLink(target) ? target.toRealPath() : target.toAbsolutePath();
        write(absolute, data, absolute, beforeRename);
    }

    /**
     * Writes {@code data} as {@code copy} (a backup of {@code original}), with {@code original}'s
     * permissions: a backup must not let anyone read what the original kept from them.
     */
    void writeCopy(Path original, Path copy, byte[] data) throws IOException {
        write(copy.toAbsolutePath(), data, original, () -> { });
    }

    private void write(Path absolute, byte[] data, Path attributesFrom, BeforeRename beforeRename)
            throws IOException {
        Path directory = absolute.getParent();
        Path temp = Files.createTempFile(directory, "." + absolute.getFileName() + ".", ".kbsh-tmp");
        boolean renamed = false;
        try {
            copyAttributes(attributesFrom, temp);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                steps.write(channel, ByteBuffer.wrap(data));
                steps.flush(channel);
            }
            beforeRename.check();
            steps.rename(temp, absolute);
            renamed = true;
            syncDirectory(directory);
        } finally {
            if (!renamed) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /** Gives the temporary file {@code source}'s permissions and owner, or ordinary ones when it does not exist. */
    private static void copyAttributes(Path source, Path temp) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(temp, PosixFileAttributeView.class);
        if (view == null) {
            return;
        }
        if (!Files.exists(source)) {
            view.setPermissions(PosixFilePermissions.fromString("rw-r--r--"));
            return;
        }
        PosixFileAttributes attributes = Files.readAttributes(source, PosixFileAttributes.class);
        view.setPermissions(attributes.permissions());
        try {
            view.setGroup(attributes.group());
            view.setOwner(attributes.owner());
        } catch (IOException | SecurityException e) {
            // Only a privileged process may give a file away; the permissions are what matters.
        }
    }

    /** Makes the rename itself durable where the platform allows opening a directory. */
    private static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Not supported on every file system (nor on Windows); the rename has happened regardless.
        }
    }
}
