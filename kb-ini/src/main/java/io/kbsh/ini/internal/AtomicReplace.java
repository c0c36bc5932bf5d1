package io.kbsh.ini.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Replaces a file so that readers see the old content or the new, never a mix: the new bytes go to a
 * temporary file {@code .NAME.RANDOM.kbsh-tmp} in the same directory, are flushed, and the temporary file
 * is renamed over the target, which keeps its permissions (and owner, where allowed). A temporary file
 * left by a write that was killed is an orphan: {@link #removeOrphans} takes those away, and is only safe
 * while the caller holds the file's {@link WriteLock} (a live writer holds it too). Thread-safe.
 */
public final class AtomicReplace {

    /** The suffix of temporary files; the prefix is {@code .NAME.} of the file they replace. */
    public static final String TEMPORARY_SUFFIX = ".kbsh-tmp";

    /** A last check run after the new content is on disk and just before the rename; throw to veto it. */
    @FunctionalInterface
    public interface BeforeRename {
        void check() throws IOException;
    }

    private final WriteSteps steps;

    public AtomicReplace(WriteSteps steps) {
        this.steps = Objects.requireNonNull(steps, "steps");
    }

    /** The real steps. */
    public static AtomicReplace system() {
        return new AtomicReplace(WriteSteps.system());
    }

    /** The file a write of {@code target} replaces: the target itself, or the file a symbolic link points to. */
    public static Path resolve(Path target) throws IOException {
        return Files.isSymbolicLink(target) ? target.toRealPath() : target.toAbsolutePath();
    }

    /** Replaces (or creates) {@code target} (see {@link #resolve}) with {@code data}, running {@code beforeRename} last. */
    public void replace(Path target, byte[] data, BeforeRename beforeRename) throws IOException {
        Path absolute = resolve(target);
        Path temp = temporary(absolute, absolute, data);
        boolean renamed = false;
        try {
            beforeRename.check();
            steps.rename(temp, absolute);
            renamed = true;
            syncDirectory(absolute.getParent());
        } finally {
            if (!renamed) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /**
     * Creates {@code copy}, which must not exist, holding {@code data} with {@code original}'s permissions: a
     * backup must not let anyone read what the original kept from them, nor replace another file.
     */
    public void createCopy(Path original, Path copy, byte[] data) throws IOException {
        Path absolute = copy.toAbsolutePath();
        Path temp = temporary(absolute, original, data);
        boolean renamed = false;
        try {
            steps.renameNew(temp, absolute);
            renamed = true;
            syncDirectory(absolute.getParent());
        } finally {
            if (!renamed) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /**
     * Removes the temporary files that writes of {@code file} left behind when they were killed, returning
     * what it removed. Call it only under the file's {@link WriteLock}: then no live write owns one.
     */
    public static List<Path> removeOrphans(Path file) throws IOException {
        Path absolute = resolve(file);
        Path directory = absolute.getParent();
        List<Path> removed = new ArrayList<>();
        if (directory == null || !Files.isDirectory(directory)) {
            return removed;
        }
        String prefix = "." + absolute.getFileName() + ".";
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(
                directory, entry -> isTemporaryOf(entry.getFileName().toString(), prefix))) {
            for (Path entry : entries) {
                BasicFileAttributes attributes =
                        Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                // Only what a write makes: a plain file. A link or directory of that name is someone else's.
                if (attributes.isRegularFile() && Files.deleteIfExists(entry)) {
                    removed.add(entry);
                }
            }
        }
        return removed;
    }

    private static boolean isTemporaryOf(String name, String prefix) {
        return name.startsWith(prefix)
                && name.endsWith(TEMPORARY_SUFFIX)
                && name.length() > prefix.length() + TEMPORARY_SUFFIX.length()
                && name.substring(prefix.length(), name.length() - TEMPORARY_SUFFIX.length())
                        .chars()
                        .allMatch(Character::isDigit);
    }

    /** Writes {@code data} to a new flushed temporary file beside {@code absolute}, with {@code attributesFrom}'s permissions. */
    private Path temporary(Path absolute, Path attributesFrom, byte[] data) throws IOException {
        Path temp = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName() + ".", TEMPORARY_SUFFIX);
        boolean written = false;
        try {
            copyAttributes(attributesFrom, temp);
            try (FileChannel channel =
                    FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                steps.write(channel, ByteBuffer.wrap(data));
                steps.flush(channel);
            }
            written = true;
            return temp;
        } finally {
            if (!written) {
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
    /** Makes a rename in {@code directory} durable; a file name has one unless it is a root, which is never written. */
    private static void syncDirectory(@Nullable Path directory) {
        if (directory == null) {
            return;
        }
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Not supported on every file system (nor on Windows); the rename has happened regardless.
        }
    }
}
