package io.kbsh.model.internal;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Reads the data files kbsh works on within their {@link Limits}. A data file must be a regular file: a
 * FIFO would block the read forever and a device such as {@code /dev/zero} never ends, so both are refused
 * before anything is opened. The limit holds on the bytes actually read, not on the size the file system
 * reports, so a file that grows while it is read is refused too.
 */
public final class DataFiles {

    private DataFiles() {}

    /**
     * The bytes of {@code file}, a regular file (a link to one is followed) of at most {@code limit} bytes.
     *
     * @param what names the kind of file in messages, e.g. {@code "an environment file"}
     * @throws java.nio.file.NoSuchFileException when it does not exist
     * @throws DataFileException when it is no regular file or exceeds the limit
     */
    public static byte[] read(Path file, long limit, String what) throws IOException {
        requireRegular(file, what);
        if (Files.size(file) > limit) {
            throw tooLarge(file, limit, what);
        }
        try (InputStream in = open(file)) {
            return readAtMost(in, limit, () -> tooLarge(file, limit, what));
        }
    }

    /**
     * A file of the default file system through {@link FileInputStream}, which the JVM has loaded at start: a
     * {@link Files#newInputStream} channel would load and link NIO's native library, a cost a start-up that
     * reads one small file (the rule cache) notices. Any other file system through its provider.
     */
    private static InputStream open(Path file) throws IOException {
        if (file.getFileSystem() == FileSystems.getDefault()) {
            return new FileInputStream(file.toFile());
        }
        return Files.newInputStream(file);
    }

    /** Refuses {@code file} unless it is a regular file (after following links); never opens it. */
    public static void requireRegular(Path file, String what) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        if (!attributes.isRegularFile()) {
            throw new DataFileException(
                    file + ": not a regular file (" + kind(attributes) + "); " + what + " must be one");
        }
    }

    /** Supplies the exception for input beyond the limit. */
    @FunctionalInterface
    public interface Overflow {
        IOException exception();
    }

    /** Reads {@code in} to its end, failing with {@code overflow} as soon as it yields more than {@code limit} bytes. */
    public static byte[] readAtMost(InputStream in, long limit, Overflow overflow) throws IOException {
        int cap = limit >= Integer.MAX_VALUE - 8 ? Integer.MAX_VALUE - 8 : (int) limit + 1;
        byte[] bytes = in.readNBytes(cap);
        if (bytes.length > limit || (bytes.length == cap && in.read() >= 0)) {
            throw overflow.exception();
        }
        return bytes;
    }

    private static DataFileException tooLarge(Path file, long limit, String what) {
        return new DataFileException(file + ": larger than the " + Limits.describe(limit) + " limit for " + what);
    }

    private static String kind(BasicFileAttributes attributes) {
        if (attributes.isDirectory()) {
            return "a directory";
        }
        return attributes.isOther() ? "a FIFO, socket or device" : "not a plain file";
    }

    /** A data file refused before or while it was read: not a regular file, or beyond its limit. */
    public static final class DataFileException extends IOException {
        private static final long serialVersionUID = 1L;

        public DataFileException(String message) {
            super(message);
        }
    }
}
