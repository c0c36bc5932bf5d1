package io.kbsh.ini.file;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The three steps of an atomic file replacement that can fail on a real disk: writing the temporary
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
