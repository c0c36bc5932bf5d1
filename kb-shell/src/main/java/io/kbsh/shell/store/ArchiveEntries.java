package io.kbsh.shell.store;

import io.kbsh.model.internal.DataFiles;
import io.kbsh.model.internal.Limits;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The files of an archive to import: a directory tree or a {@code .zip} (the plain-text zip, or GitHub's
 * download zip of the archive repository with all three renderings under one top-level folder). Only
 * text, Markdown and HTML files are offered; which rendering a file holds is decided by its content.
 * Reads hold the {@link Limits}: a zip of at most {@link Limits#ARCHIVE_BYTES}, each file or entry at most
 * {@link Limits#ARCHIVE_ENTRY_BYTES}, and all entries of a zip together at most
 * {@link Limits#ARCHIVE_INFLATED_BYTES} — counted on the bytes inflation actually produces, since the
 * sizes a zip declares can lie (a zip bomb).
 */
final class ArchiveEntries implements AutoCloseable {

    /** One file: its name for messages, its size in bytes (-1 when unknown) and a way to read its bytes. */
    interface Entry {
        String name();

        long size();

        byte[] read() throws IOException;
    }

    private final ZipFile zip;
    private final List<Entry> entries;

    private ArchiveEntries(ZipFile zip, List<Entry> entries) {
        this.zip = zip;
        this.entries = entries;
    }

    static ArchiveEntries open(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            List<Entry> list = new ArrayList<>();
            try (Stream<Path> files = Files.walk(path)) {
                files.filter(Files::isRegularFile)
                        .filter(p -> candidate(p.getFileName().toString()))
                        .sorted()
                        .forEach(p -> list.add(new FileEntry(path.relativize(p).toString(), p)));
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            return new ArchiveEntries(null, list);
        }
        if (!Files.exists(path)) {
            throw new IOException("no such file or directory");
        }
        DataFiles.requireRegular(path, "an archive");
        if (Files.size(path) > Limits.ARCHIVE_BYTES) {
            throw new DataFiles.DataFileException(
                    path + ": larger than the " + Limits.describe(Limits.ARCHIVE_BYTES) + " limit for an archive");
        }
        ZipFile zip = new ZipFile(path.toFile());
        List<Entry> list = new ArrayList<>();
        AtomicLong inflated = new AtomicLong();
        for (ZipEntry e : Collections.list(zip.entries())) {
            if (!e.isDirectory() && candidate(e.getName())) {
                list.add(new ZipItem(zip, e, inflated));
            }
        }
        return new ArchiveEntries(zip, list);
    }

    /** The entries together inflate beyond {@link Limits#ARCHIVE_INFLATED_BYTES}: the whole import stops. */
    static final class ArchiveTooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        ArchiveTooLargeException(String message) {
            super(message);
        }
    }

    static boolean candidate(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".txt") || n.endsWith(".md") || n.endsWith(".html") || n.endsWith(".htm");
    }

    List<Entry> entries() {
        return entries;
    }

    @Override
    public void close() throws IOException {
        if (zip != null) {
            zip.close();
        }
    }

    private record FileEntry(String name, Path path) implements Entry {
        @Override
        public long size() {
            try {
                return Files.size(path);
            } catch (IOException e) {
                return -1;
            }
        }

        @Override
        public byte[] read() throws IOException {
            return DataFiles.read(path, Limits.ARCHIVE_ENTRY_BYTES, "an article file");
        }
    }

    /** An entry of a zip; {@code inflated} counts what all entries of the zip have produced so far. */
    private record ZipItem(ZipFile zip, ZipEntry entry, AtomicLong inflated) implements Entry {
        @Override
        public String name() {
            return entry.getName();
        }

        @Override
        public long size() {
            return entry.getSize();
        }

        @Override
        public byte[] read() throws IOException {
            try (InputStream in = zip.getInputStream(entry)) {
                byte[] bytes = DataFiles.readAtMost(
                        in,
                        Limits.ARCHIVE_ENTRY_BYTES,
                        () -> new DataFiles.DataFileException(
                                "inflates to more than the " + Limits.describe(Limits.ARCHIVE_ENTRY_BYTES)
                                        + " limit for an article (declared " + entry.getSize() + " bytes)"));
                if (inflated.addAndGet(bytes.length) > Limits.ARCHIVE_INFLATED_BYTES) {
                    throw new ArchiveTooLargeException("the archive's entries inflate to more than the "
                            + Limits.describe(Limits.ARCHIVE_INFLATED_BYTES) + " limit for an archive");
                }
                return bytes;
            }
        }
    }
}
