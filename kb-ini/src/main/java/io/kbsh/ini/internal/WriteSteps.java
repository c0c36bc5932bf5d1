package io.kbsh.ini.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The steps of an atomic file replacement that can fail on a real disk: writing the temporary
 * file, flushing it to the device, and renaming it over the target. A seam so that tests can make each
 * one fail (permissions cannot: tests run as root) and prove the original survives.
 */
public interface WriteSteps {

    /** Writes all of {@code data} to {@code channel}. */
    void write(FileChannel channel, ByteBuffer data) throws IOException;

    /** Forces the channel's content and metadata to the storage device. */
    void flush(FileChannel channel) throws IOException;

    /** Renames {@code from} over {@code to} atomically. */
    void rename(Path from, Path to) throws IOException;

    /**
     * Gives the complete file {@code from} the name {@code to}, which must not exist: a backup never
     * replaces another file. Atomic where the file system has hard links.
     *
     * @throws FileAlreadyExistsException when {@code to} exists
     */
    default void renameNew(Path from, Path to) throws IOException {
        try {
            Files.createLink(to, from);
        } catch (FileAlreadyExistsException e) {
            throw e;
        } catch (UnsupportedOperationException | FileSystemException e) {
            // No hard links here (FAT, some network shares): a move that refuses an existing target.
            Files.move(from, to);
            return;
        }
        Files.delete(from);
    }

    /** The real steps. */
    static WriteSteps system() {
        return SystemSteps.INSTANCE;
    }

    /** The real steps, as an enum singleton. */
    enum SystemSteps implements WriteSteps {
        INSTANCE;

        @Override
        public void write(FileChannel channel, ByteBuffer data) throws IOException {
            while (data.hasRemaining()) {
                channel.write(data);
            }
        }

        @Override
        public void flush(FileChannel channel) throws IOException {
            channel.force(true);
        }

        @Override
        public void rename(Path from, Path to) throws IOException {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
