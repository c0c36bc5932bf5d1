package io.kbsh.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The distribution's archives ({@code kbsh-VERSION.tar.gz} and {@code .zip} beside {@code target/kbsh}):
 * each holds exactly the files of the directory distribution under {@code kbsh-VERSION/}, the tar with
 * the directory's file modes (kbsh's trust checks refuse group- or world-writable plugins), and each
 * {@code .sha256} file names its archive with the archive's real SHA-256.
 */
class DistributionArchivesIT {

    private static final Path DIST = Path.of(System.getProperty("kbsh.distribution", "target/kbsh"));

    /** This build's archive: an earlier build of another version may have left its own beside it. */
    private static Path archive(String extension) {
        String version = System.getProperty("kbsh.version", "");
        assertTrue(!version.isEmpty(), "system property kbsh.version is set by the POM");
        Path archive = DIST.getParent().resolve("kbsh-" + version + "." + extension);
        assertTrue(Files.isRegularFile(archive), archive + " is built by package");
        return archive;
    }

    private static String base(Path archive, String extension) {
        String name = archive.getFileName().toString();
        return name.substring(0, name.length() - extension.length() - 1);
    }

    /** Every regular file of the directory distribution, by path relative to it, with its mode. */
    private static Map<String, String> directory() throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(DIST)) {
            for (Path f : all.filter(Files::isRegularFile).toList()) {
                String name = DIST.relativize(f).toString().replace('\\', '/');
                // Written at run time, not by the build: the stamp ./kbsh leaves, the launcher's CDS archive (.jsa,
                // .jsa.id).
                if (!name.equals(".built") && !name.contains(".jsa")) {
                    files.put(name, PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
                }
            }
        }
        return files;
    }

    @Test
    void theTarHoldsTheDistributionWithItsFileModes() throws IOException {
        Path tar = archive("tar.gz");
        String prefix = base(tar, "tar.gz") + "/";
        Map<String, String> entries = new TreeMap<>();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(tar))) {
            for (TarEntry e : TarEntry.readAll(in)) {
                assertTrue(e.name().startsWith(prefix), e.name() + " outside " + prefix);
                if (e.regularFile()) {
                    entries.put(e.name().substring(prefix.length()), PosixFilePermissions.toString(e.permissions()));
                } else {
                    assertEquals("rwxr-xr-x", PosixFilePermissions.toString(e.permissions()), "directory " + e.name());
                }
            }
        }
        assertEquals(directory(), entries);
        assertEquals("rwxr-xr-x", entries.get("bin/kbsh"));
        assertTrue(
                entries.keySet().stream().anyMatch(n -> n.startsWith("plugins/") && n.endsWith(".jar")),
                entries.toString());
    }

    @Test
    void theZipHoldsTheSameFiles() throws IOException {
        Path zip = archive("zip");
        String prefix = base(zip, "zip") + "/";
        Set<String> names = new java.util.TreeSet<>();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            for (ZipEntry e : java.util.Collections.list(z.entries())) {
                assertTrue(e.getName().startsWith(prefix), e.getName());
                if (!e.isDirectory()) {
                    names.add(e.getName().substring(prefix.length()));
                }
            }
        }
        assertEquals(directory().keySet(), names);
    }

    @Test
    void eachArchiveHasASha256FileInSha256sumsFormat() throws Exception {
        for (String extension : List.of("tar.gz", "zip")) {
            Path archive = archive(extension);
            Path sum = archive.resolveSibling(archive.getFileName() + ".sha256");
            String digest = HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(archive)));
            // sha256sum -c reads "HASH *NAME" (binary mode) and "HASH  NAME".
            assertEquals(
                    digest + " *" + archive.getFileName(), Files.readString(sum).trim(), sum.toString());
        }
    }

    /** One entry of a POSIX (ustar, with pax extended names) tar stream: what this test needs of it. */
    private record TarEntry(String name, char type, Set<PosixFilePermission> permissions) {

        boolean regularFile() {
            return type == '0' || type == '\0';
        }

        static List<TarEntry> readAll(InputStream raw) throws IOException {
            DataInputStream in = new DataInputStream(raw);
            List<TarEntry> entries = new java.util.ArrayList<>();
            byte[] header = new byte[512];
            String paxName = null;
            while (true) {
                try {
                    in.readFully(header);
                } catch (EOFException e) {
                    return entries;
                }
                if (isZero(header)) {
                    return entries;
                }
                String name = text(header, 0, 100);
                String prefix = text(header, 345, 155);
                int mode = (int) octal(header, 100, 8);
                long size = octal(header, 124, 12);
                char type = (char) header[156];
                byte[] data = new byte[(int) ((size + 511) / 512 * 512)];
                in.readFully(data);
                if (type == 'x') {
                    paxName = paxPath(new String(data, 0, (int) size, StandardCharsets.UTF_8));
                    continue;
                }
                String full = paxName != null ? paxName : prefix.isEmpty() ? name : prefix + "/" + name;
                paxName = null;
                entries.add(new TarEntry(full, type, permissions(mode)));
            }
        }

        private static String paxPath(String records) {
            for (String record : records.split("\n")) {
                int space = record.indexOf(' ');
                if (space > 0 && record.startsWith("path=", space + 1)) {
                    return record.substring(space + 6);
                }
            }
            return null;
        }

        private static Set<PosixFilePermission> permissions(int mode) {
            StringBuilder sb = new StringBuilder();
            String letters = "rwxrwxrwx";
            for (int bit = 8; bit >= 0; bit--) {
                sb.append((mode & (1 << bit)) != 0 ? letters.charAt(8 - bit) : '-');
            }
            return PosixFilePermissions.fromString(sb.toString());
        }

        private static boolean isZero(byte[] block) {
            for (byte b : block) {
                if (b != 0) {
                    return false;
                }
            }
            return true;
        }

        private static String text(byte[] header, int offset, int length) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (int i = offset; i < offset + length && header[i] != 0; i++) {
                out.write(header[i]);
            }
            return out.toString(StandardCharsets.UTF_8);
        }

        private static long octal(byte[] header, int offset, int length) {
            String digits = text(header, offset, length).trim();
            return digits.isEmpty() ? 0 : Long.parseLong(digits, 8);
        }
    }
}
