package io.kbsh.ini.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The lock that writers of one file hold while they read, check and replace it, so that no update is lost
 * and no writer deletes another's backup. It is an OS lock ({@link FileChannel#lock}, {@code fcntl} on
 * Linux, as package managers lock their databases) on a sibling file {@code .NAME.kbsh-lock}: the file itself
 * cannot carry the lock because each write renames a new file over it. The lock file is empty and stays
 * (deleting it would let two writers lock different files of the same name). The OS releases the lock when
 * its holder dies, so a killed writer never blocks the next. Threads of one process exclude each other too.
 */
public final class WriteLock implements AutoCloseable {

    /** The suffix of lock files; the prefix is {@code .NAME}. */
    public static final String SUFFIX = ".kbsh-lock";

    private static final long POLL_MILLIS = 20;

    /**
     * The lock files this process holds. POSIX drops all of a process's locks on a file when it closes any
     * channel to it, so within one process only the thread that holds the entry opens the lock file.
     */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final Path lockFile;
    private final FileChannel channel;
    private final FileLock lock;

    private WriteLock(Path lockFile, FileChannel channel, FileLock lock) {
        this.lockFile = lockFile;
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock file of {@code file} (of the file a symbolic link points to). */
    public static Path lockFileOf(Path file) throws IOException {
        Path absolute = AtomicReplace.resolve(file);
        return absolute.resolveSibling("." + absolute.getFileName() + SUFFIX);
    }

    /**
     * Takes the lock of {@code file} now, or fails: another writer is at work on it, and what this one planned
     * may no longer hold.
     *
     * @throws FileBusyException when another process or thread holds it
     */
    public static WriteLock tryAcquire(Path file) throws IOException {
        return acquire(file, Duration.ZERO);
    }

    /**
     * Takes the lock of {@code file}, waiting up to {@code patience} for another writer to finish (for
     * read-modify-write updates, which start over from what the other wrote).
     *
     * @throws FileBusyException when the lock is still held after {@code patience}
     */
    public static WriteLock acquire(Path file, Duration patience) throws IOException {
        Path lockFile = lockFileOf(file).normalize();
        long deadline = System.nanoTime() + patience.toNanos();
        try {
            while (true) {
                if (HELD.add(lockFile)) {
                    Optional<WriteLock> taken = tryLock(lockFile);
                    if (taken.isPresent()) {
                        return taken.get();
                    }
                }
                if (System.nanoTime() - deadline >= 0) {
                    throw new FileBusyException(file + ": another kbsh is writing this file (" + lockFile.getFileName()
                            + " is locked); nothing was written, try again when it has finished");
                }
                // The OS offers no timed lock; a short poll bounds the wait (a blocked lock() could wait forever).
                Thread.sleep(POLL_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FileBusyException(file + ": interrupted while waiting for another kbsh to finish writing it");
        }
    }

    /** Locks {@code lockFile}, whose {@link #HELD} entry the caller has just taken; empty (entry given back) when another process holds it. */
    private static Optional<WriteLock> tryLock(Path lockFile) throws IOException {
        FileChannel channel = null;
        try {
            channel = FileChannel.open(
                    lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return Optional.of(new WriteLock(lockFile, channel, lock));
            }
        } catch (OverlappingFileLockException e) {
            // Locked through a channel this class did not open; the same as another holder.
        } catch (IOException | RuntimeException | Error e) {
            release(lockFile, channel);
            throw e;
        }
        release(lockFile, channel);
        return Optional.empty();
    }

    private static void release(Path lockFile, @Nullable FileChannel channel) throws IOException {
        try {
            if (channel != null) {
                channel.close();
            }
        } finally {
            HELD.remove(lockFile);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            release(lockFile, channel);
        }
    }

    /** Another writer holds the lock of the file; nothing was written. */
    public static final class FileBusyException extends IOException {
        private static final long serialVersionUID = 1L;

        public FileBusyException(String message) {
            super(message);
        }
    }
}
