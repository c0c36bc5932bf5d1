package io.kbsh.model.internal;

/**
 * Every limit kbsh applies to what it reads, in one place (the README's "Limits and safety" section lists
 * the same figures). Each is far above what real data needs (the largest of the archive's 57,298 articles
 * is under 200 KB, its inflated total 230 MB; real INI files are a few KB) and far below what would exhaust
 * a small heap, so hostile or mistaken input is refused with one line instead of an OutOfMemoryError or a
 * hang.
 */
public final class Limits {

    private static final long MIB = 1L << 20;

    /** An environment description (JSON). */
    public static final long ENVIRONMENT_BYTES = 16 * MIB;

    /** An INI file, including a collected copy of a server's INI file. */
    public static final long INI_BYTES = 32 * MIB;

    /** A waiver file. */
    public static final long WAIVER_BYTES = 4 * MIB;

    /** An archive (a {@code .zip}) as stored on disk. */
    public static final long ARCHIVE_BYTES = 2048 * MIB;

    /** One article file: a file of a directory archive, or the bytes one zip entry inflates to. */
    public static final long ARCHIVE_ENTRY_BYTES = 8 * MIB;

    /** All the bytes the entries of one zip inflate to together. */
    public static final long ARCHIVE_INFLATED_BYTES = 4096 * MIB;

    /** One line of a script or of standard input, in characters. */
    public static final int LINE_CHARS = 64 * 1024;

    private Limits() {}

    /** A limit as a person reads it: {@code 16 MiB}, {@code 64 KiB}. */
    public static String describe(long bytes) {
        if (bytes % MIB == 0) {
            return bytes / MIB + " MiB";
        }
        if (bytes % 1024 == 0) {
            return bytes / 1024 + " KiB";
        }
        return bytes + " bytes";
    }
}
