package io.kbsh.ini.internal;

import io.kbsh.model.internal.DataFiles;
import io.kbsh.model.internal.Limits;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The backups of a file, beside it, one per write in the order they were made: {@code NAME.bak}, then
 * {@code NAME.bak.1}, {@code NAME.bak.2} … A number is never reused: the next is one more than the largest
 * present (there is no largest number), and a backup is created only where no file exists. Undo walks the
 * backups back one at a time: restoring backup {@code N} keeps the content it replaced as
 * {@code NAME.bak.N.undone}, which also marks step {@code N} as taken back, so the next undo restores the
 * backup before it. Pruning keeps the newest backups and removes the oldest with their {@code .undone}
 * copies. Backups are read only when they are regular files of their own (no link, no second hard link)
 * owned by the user or root, as ssh treats its key files: a planted link would copy another file's secret
 * into the restored file.
 */
public final class Backups {

    /** The suffix that marks a backup whose step has been undone; the file holds what the undo replaced. */
    public static final String UNDONE_SUFFIX = ".undone";

    /** One write's backup: its number (0 for {@code NAME.bak}) and, once undone, the copy of what the undo replaced. */
    public record Backup(Path path, BigInteger number, Optional<Path> undone) {

        /** True while undo has not taken this step back. */
        public boolean pending() {
            return undone.isEmpty();
        }

        /** Where an undo of this step keeps the content it replaces. */
        public Path undonePath() {
            return path.resolveSibling(path.getFileName() + UNDONE_SUFFIX);
        }
    }

    private Backups() {}

    /** The backups of {@code file}, oldest first (backups are named after the path given, a link's own name). */
    public static List<Backup> of(Path file) throws IOException {
        Path absolute = file.toAbsolutePath();
        Path directory = absolute.getParent();
        if (directory == null || !Files.isDirectory(directory)) {
            return List.of();
        }
        Pattern names = pattern(absolute);
        Map<BigInteger, Path> backups = new TreeMap<>();
        Map<BigInteger, Path> undone = new TreeMap<>();
        String prefix = absolute.getFileName() + ".bak";
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(
                directory, entry -> entry.getFileName().toString().startsWith(prefix))) {
            for (Path entry : entries) {
                Matcher m = names.matcher(entry.getFileName().toString());
                if (m.matches()) {
                    BigInteger number = m.group(1) == null ? BigInteger.ZERO : new BigInteger(m.group(1));
                    (m.group(2) == null ? backups : undone).put(number, entry);
                }
            }
        }
        List<Backup> result = new ArrayList<>();
        backups.forEach(
                (number, path) -> result.add(new Backup(path, number, Optional.ofNullable(undone.get(number)))));
        return result;
    }

    /** The newest backup undo has not taken back yet, if any. */
    public static Optional<Backup> newestPending(List<Backup> backups) {
        return backups.stream().filter(Backup::pending).max(Comparator.comparing(Backup::number));
    }

    /** Where the next backup of {@code file} goes: {@code NAME.bak}, or one more than the largest number in use. */
    public static Path next(Path file) throws IOException {
        Path absolute = file.toAbsolutePath();
        Path directory = absolute.getParent();
        Pattern names = pattern(absolute);
        BigInteger largest = BigInteger.ONE.negate();
        if (directory != null && Files.isDirectory(directory)) {
            String prefix = absolute.getFileName() + ".bak";
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(
                    directory, entry -> entry.getFileName().toString().startsWith(prefix))) {
                for (Path entry : entries) {
                    Matcher m = names.matcher(entry.getFileName().toString());
                    if (m.matches()) {
                        largest = largest.max(m.group(1) == null ? BigInteger.ZERO : new BigInteger(m.group(1)));
                    }
                }
            }
        }
        BigInteger number = largest.add(BigInteger.ONE);
        return absolute.resolveSibling(absolute.getFileName() + ".bak" + (number.signum() == 0 ? "" : "." + number));
    }

    /**
     * Removes the oldest backups of {@code file} (with their {@code .undone} copies) so that {@code keep}
     * remain; returns what it removed. Numbers stay unique: the newest backup, which holds the largest
     * number, is always kept.
     */
    public static List<Path> prune(Path file, int keep) throws IOException {
        if (keep < 1) {
            throw new IllegalArgumentException("keep at least one backup, not " + keep);
        }
        List<Backup> all = of(file);
        List<Path> removed = new ArrayList<>();
        for (Backup old : all.subList(0, Math.max(0, all.size() - keep))) {
            if (old.undone().isPresent() && Files.deleteIfExists(old.undone().get())) {
                removed.add(old.undone().get());
            }
            if (Files.deleteIfExists(old.path())) {
                removed.add(old.path());
            }
        }
        return removed;
    }

    /**
     * The content of {@code backup}, when it may be trusted: a regular file (not a link, not a FIFO or device,
     * no second hard link), owned by {@code user} or root, within {@link Limits#INI_BYTES}.
     *
     * @throws UntrustedBackupException when it may not
     */
    public static byte[] readTrusted(Path backup, String user) throws IOException {
        Optional<String> reason = distrust(backup, user);
        if (reason.isPresent()) {
            throw new UntrustedBackupException(backup + ": refused: " + reason.get()
                    + "; a backup must be a regular file of its own owned by " + user
                    + " (restore it by hand if you trust it)");
        }
        try (InputStream in = Files.newInputStream(backup, LinkOption.NOFOLLOW_LINKS)) {
            return DataFiles.readAtMost(
                    in,
                    Limits.INI_BYTES,
                    () -> new UntrustedBackupException(backup + ": refused: larger than the "
                            + Limits.describe(Limits.INI_BYTES) + " limit for an INI file"));
        }
    }

    /** Why {@code backup} must not be restored, or empty when it may be. */
    static Optional<String> distrust(Path backup, String user) throws IOException {
        BasicFileAttributes basic = Files.readAttributes(backup, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (basic.isSymbolicLink()) {
            return Optional.of("it is a symbolic link (to " + Files.readSymbolicLink(backup) + ")");
        }
        if (!basic.isRegularFile()) {
            return Optional.of("it is not a regular file");
        }
        PosixFileAttributes posix;
        try {
            posix = Files.readAttributes(backup, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (UnsupportedOperationException e) {
            return Optional.empty();
        }
        Object links = Files.getAttribute(backup, "unix:nlink", LinkOption.NOFOLLOW_LINKS);
        if (links instanceof Integer n && n > 1) {
            return Optional.of("it has " + (n - 1) + " other hard link(s), so it may be another file's content");
        }
        String owner = posix.owner().getName();
        if (!owner.equals(user) && !owner.equals("root")) {
            return Optional.of("it is owned by " + owner + ", not by " + user + " or root");
        }
        if (basic.size() > Limits.INI_BYTES) {
            return Optional.of("it is larger than the " + Limits.describe(Limits.INI_BYTES) + " limit for an INI file");
        }
        return Optional.empty();
    }

    /** {@code NAME.bak}, {@code NAME.bak.N} (N written without leading zeros), each optionally {@code .undone}. */
    private static Pattern pattern(Path absolute) {
        return Pattern.compile(Pattern.quote(absolute.getFileName() + ".bak") + "(?:\\.([1-9]\\d*))?("
                + Pattern.quote(UNDONE_SUFFIX) + ")?");
    }

    /** A backup that is not restored because it may not be what kbsh wrote. */
    public static final class UntrustedBackupException extends IOException {
        private static final long serialVersionUID = 1L;

        public UntrustedBackupException(String message) {
            super(message);
        }
    }
}
