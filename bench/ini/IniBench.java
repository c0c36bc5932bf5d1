import io.kbsh.ini.document.IniDocument;
import io.kbsh.ini.file.AtomicFileWriter;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * kb-ini benchmark: parse + one edit + write of a ~10 MB INI file, in process, after warm-up.
 * Baseline: decoding the whole file as Windows-1252 and encoding it back (the least any text-based
 * INI library must do). Also reported, for scale: the same with the result written to disk the way
 * apply writes it (temporary file, fsync, rename), which the disk rather than kb-ini dominates.
 * Run with bench/ini.sh.
 */
public final class IniBench {

    public static void main(String[] args) throws Exception {
        int mb = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        byte[] file = generate(mb * 1024 * 1024);
        Charset cp1252 = Charset.forName("windows-1252");
        int warmup = 15;
        int runs = 25;
        long checksum = 0;
        for (int i = 0; i < warmup; i++) {
            checksum += once(file).length;
            checksum += baseline(file, cp1252).length;
        }
        long[] ours = new long[runs];
        long[] base = new long[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            checksum += once(file).length;
            long t1 = System.nanoTime();
            checksum += baseline(file, cp1252).length;
            long t2 = System.nanoTime();
            ours[i] = t1 - t0;
            base[i] = t2 - t1;
        }
        Path dir = Files.createTempDirectory("ini-bench");
        Path target = dir.resolve("Mspclnt.ini");
        Files.write(target, file);
        AtomicFileWriter writer = new AtomicFileWriter();
        int diskRuns = 10;
        long[] disk = new long[diskRuns];
        for (int i = 0; i < diskRuns + 3; i++) {
            long t0 = System.nanoTime();
            writer.write(target, once(Files.readAllBytes(target)));
            if (i >= 3) {
                disk[i - 3] = System.nanoTime() - t0;
            }
        }
        Files.delete(target);
        Files.delete(dir);
        Arrays.sort(ours);
        Arrays.sort(base);
        Arrays.sort(disk);
        double size = file.length / 1e6;
        double oursMs = ours[runs / 2] / 1e6;
        double baseMs = base[runs / 2] / 1e6;
        System.out.printf("file: %.1f MB, %d runs after %d warm-up, medians (checksum %d)%n", size, runs, warmup, checksum);
        System.out.printf("kb-ini parse + set + write: %.1f ms = %.0f MB/s (best %.1f ms)%n", oursMs, size / oursMs * 1e3,
                ours[0] / 1e6);
        System.out.printf("baseline decode + encode:   %.1f ms = %.0f MB/s%n", baseMs, size / baseMs * 1e3);
        System.out.printf("ratio kb-ini / baseline throughput: %.2f%n", baseMs / oursMs);
        double diskMs = disk[diskRuns / 2] / 1e6;
        System.out.printf("with read from and atomic write to disk (fsync, rename), median of %d: %.1f ms = %.0f MB/s%n",
                diskRuns, diskMs, size / diskMs * 1e3);
    }

    private static byte[] once(byte[] file) throws Exception {
        IniDocument doc = IniDocument.parse(file);
        IniDocument edited = doc.set("Section 2000", "Disable", "1");
        return edited.toBytes();
    }

    private static byte[] baseline(byte[] file, Charset cs) {
        return new String(file, cs).getBytes(cs);
    }

    /** A Mspclnt.ini-like file: sections of keys, comments, blank lines, some quoted values. */
    private static byte[] generate(int size) {
        StringBuilder s = new StringBuilder(size + 1024);
        int section = 0;
        while (s.length() < size) {
            s.append("; settings for process ").append(section).append("\r\n");
            s.append("[Section ").append(section).append("]\r\n");
            for (int k = 0; k < 12; k++) {
                s.append("Key").append(k).append(k % 3 == 0 ? " = " : "=")
                        .append(k % 4 == 0 ? "\"C:\\Program Files\\App\\bin\"" : "110,143,993 ; value " + k).append("\r\n");
            }
            s.append("Disable=0\r\n\r\n");
            section++;
        }
        return s.toString().getBytes(Charset.forName("windows-1252"));
    }
}
