package io.kbsh.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14's cases about the process, through the packaged kbsh: writers racing from separate processes
 * (the readiness of every process is observed before the race starts, so they truly overlap), memory
 * bounded with a small heap, files that would hang a read. Time bounds are generous deadlines, never sleeps.
 */
class SafetyDistributionIT {

    private static final Path DIST = Path.of(System.getProperty("kbsh.distribution", "target/kbsh"));
    private static final String MSPCLNT = "[Common]\r\nConfiguration Refresh Time (Hours)=6\r\n";

    @TempDir
    Path dir;

    record Run(int status, String out, String err) {}

    /** bin/kbsh in {@code dir} with a fresh home, reading its commands from standard input. */
    private Process start(Path home) throws IOException {
        return new ProcessBuilder(DIST.resolve("bin/kbsh").toString(), "--home", home.toString())
                .directory(dir.toFile())
                .start();
    }

    /**
     * The packaged kbsh's libraries run with a small heap: what used to take gigabytes must fail within it.
     * (The launcher takes no JVM options, so the same JARs are started the way it starts them.)
     */
    private Run smallHeap(byte[] stdin, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m",
                "-XX:+UseSerialGC",
                "-Dkbsh.install=" + DIST.toAbsolutePath(),
                "-cp",
                DIST.resolve("lib").toString() + "/*",
                "io.kbsh.shell.Main",
                "--home",
                dir.resolve("home").toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).start();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread errors = new Thread(() -> {
            try {
                p.getErrorStream().transferTo(err);
            } catch (IOException e) {
                // The process ended.
            }
        });
        errors.start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(stdin);
        } catch (IOException e) {
            // kbsh stopped reading: it refused the input, which is what some tests expect.
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "kbsh did not finish within 120 s");
        errors.join(30_000);
        return new Run(p.exitValue(), out, err.toString(StandardCharsets.UTF_8));
    }

    /** Starts {@code count} kbsh processes and returns once each has answered a first command. */
    private List<Process> ready(int count) throws Exception {
        List<Process> processes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Process p = start(dir.resolve("home" + i));
            p.getOutputStream().write("version\n".getBytes(StandardCharsets.UTF_8));
            p.getOutputStream().flush();
            processes.add(p);
        }
        for (Process p : processes) {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            assertTrue(line != null && line.startsWith("kbsh "), String.valueOf(line));
        }
        return processes;
    }

    /** Sends each process its last command at once and collects what each then printed. */
    private static List<Run> race(List<Process> processes, List<String> commands) throws Exception {
        for (int i = 0; i < processes.size(); i++) {
            OutputStream in = processes.get(i).getOutputStream();
            in.write((commands.get(i) + "\n").getBytes(StandardCharsets.UTF_8));
            in.close();
        }
        List<Run> runs = new ArrayList<>();
        for (Process p : processes) {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(120, TimeUnit.SECONDS));
            runs.add(new Run(p.exitValue(), out, err));
        }
        return runs;
    }

    @Test
    void racingAppliesFromSeparateProcessesLoseNoUpdateAndDeleteNoBackup() throws Exception {
        Path file = dir.resolve("Mspclnt.ini");
        Files.writeString(file, MSPCLNT, StandardCharsets.ISO_8859_1);
        int writers = 4;
        int applied = 0;
        for (int round = 0; round < 3; round++) {
            List<String> commands = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                commands.add("ini apply Q254909 --file Mspclnt.ini --param process=R" + round + "W" + w + " --yes");
            }
            List<Run> runs = race(ready(writers), commands);
            String content = Files.readString(file, StandardCharsets.ISO_8859_1);
            Pattern backup = Pattern.compile("\\(backup: (.+)\\)");
            for (int w = 0; w < writers; w++) {
                Run r = runs.get(w);
                if (r.status() == 0) {
                    applied++;
                    assertTrue(
                            content.contains("[R" + round + "W" + w + "]\r\nDisable=1\r\n"),
                            "writer " + w + " said applied, so its change must be in the file: " + content);
                    Matcher m = backup.matcher(r.out());
                    assertTrue(m.find(), r.out());
                    assertTrue(Files.exists(Path.of(m.group(1))), "the announced backup " + m.group(1) + " exists");
                } else {
                    // The writer's notes come first; the refusal is one line.
                    assertEquals(
                            1,
                            r.err()
                                    .strip()
                                    .lines()
                                    .filter(l -> !l.startsWith("note: "))
                                    .count(),
                            "one line: " + r.err());
                    assertTrue(
                            r.err().contains("another kbsh is writing")
                                    || r.err().contains("changed since it was read"),
                            r.err());
                    assertFalse(content.contains("[R" + round + "W" + w + "]"), "a refused change is not in the file");
                }
            }
        }
        assertTrue(applied >= 3, "at least one writer per round gets through");
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(
                    applied,
                    files.filter(p -> p.getFileName().toString().startsWith("Mspclnt.ini.bak"))
                            .count(),
                    "one backup per change that was applied");
        }
    }

    @Test
    void racingWaiveAddsFromSeparateProcessesKeepEveryWaiver() throws Exception {
        int writers = 4;
        List<String> commands = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            commands.add("waive add Q254909 server:EXCH" + w + " --until 2099-12-31 --reason 'race " + w
                    + "' --file waivers.json");
        }
        List<Run> runs = race(ready(writers), commands);
        for (Run r : runs) {
            assertEquals(0, r.status(), r.err());
            assertTrue(r.out().contains("Waived Q254909"), r.out());
        }
        String waivers = Files.readString(dir.resolve("waivers.json"));
        for (int w = 0; w < writers; w++) {
            assertTrue(waivers.contains("server:EXCH" + w), "waiver " + w + " kept: " + waivers);
        }
    }

    @Test
    void aFifoOrADeviceIsRefusedAtOnceNeverWaitedOn() throws Exception {
        Files.createDirectories(dir.resolve("collected"));
        for (String fifo : List.of("pipe.ini", "collected/pipe.ini")) {
            Process mkfifo = new ProcessBuilder("mkfifo", dir.resolve(fifo).toString()).start();
            assertTrue(mkfifo.waitFor(30, TimeUnit.SECONDS) && mkfifo.exitValue() == 0);
        }
        Files.writeString(dir.resolve("env.json"), """
                {"schemaVersion": 1, "sites": [{"id": "hq"}],
                 "servers": [{"id": "EXCH1", "site": "hq", "addresses": ["10.0.0.5"], "windowsNt": "4.0 SP6",
                   "exchange": "5.5 SP1", "winsockProxyClient": true, "components": ["mta"],
                   "iniFiles": [{"serverPath": "C:\\\\Mspclnt\\\\Mspclnt.ini", "localCopy": "collected/pipe.ini"}]}],
                 "connectors": [{"id": "x1", "type": "x400", "server": "EXCH1", "transport": "tcpip",
                   "remoteMta": "branch.example.com"}]}
                """);
        Run show = smallHeap(new byte[0], "-c", "ini show pipe.ini");
        assertEquals(1, show.status(), show.err());
        assertTrue(show.err().contains("not a regular file"), show.err());
        Run check = smallHeap(new byte[0], "-c", "check --env env.json");
        assertTrue((check.out() + check.err()).contains("not a regular file"), check.out() + check.err());
        assertFalse(check.err().contains("\tat "), "no stack trace: " + check.err());
    }

    @Test
    void anEndlessLineOnStandardInputIsRefusedWithinASmallHeap() throws Exception {
        // 96 MiB without a line end: read whole, it would take far more than the 64 MiB heap.
        byte[] endless = new byte[96 << 20];
        java.util.Arrays.fill(endless, (byte) 'x');
        Run r = smallHeap(endless);
        assertEquals(2, r.status(), r.err());
        assertTrue(r.err().contains("<stdin>:1: line longer than 65536 characters"), r.err());
        assertFalse(r.err().contains("OutOfMemoryError"), r.err());
    }

    @Test
    void aHugeEnvironmentFileIsRefusedWithinASmallHeap() throws Exception {
        Path env = dir.resolve("huge.json");
        try (FileChannel channel = FileChannel.open(env, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap("{\"schemaVersion\": 1}".getBytes(StandardCharsets.UTF_8)));
            channel.write(ByteBuffer.wrap(new byte[] {' '}), 200L << 20);
        }
        Run r = smallHeap(new byte[0], "-c", "env load huge.json");
        assertEquals(1, r.status(), r.err());
        assertTrue(r.err().contains("larger than the 16 MiB limit for an environment file"), r.err());
        assertFalse(r.err().contains("OutOfMemoryError"), r.err());
    }

    @Test
    void aCollectedCopyOutsideTheEnvironmentsFolderIsRefusedBeforeAnyWrite() throws Exception {
        Path victim = Files.createDirectories(dir.resolve("victim")).resolve("x.ini");
        Files.writeString(victim, MSPCLNT, StandardCharsets.ISO_8859_1);
        Path site = Files.createDirectories(dir.resolve("a/site"));
        Files.writeString(site.resolve("env.json"), """
                {"schemaVersion": 1, "sites": [{"id": "hq"}],
                 "servers": [{"id": "EXCH1", "site": "hq", "addresses": ["10.0.0.5"], "windowsNt": "4.0 SP6",
                   "exchange": "5.5 SP1", "winsockProxyClient": true, "components": ["mta"],
                   "iniFiles": [{"serverPath": "C:\\\\Mspclnt\\\\Mspclnt.ini", "localCopy": "../../victim/x.ini"}]}]}
                """);
        Run r = smallHeap(new byte[0], "-c", "fix apply --env a/site/env.json --yes");
        assertNotEquals(0, r.status(), r.out());
        assertTrue(r.err().contains("localCopy") && r.err().contains("outside the environment's folder"), r.err());
        assertEquals(MSPCLNT, Files.readString(victim, StandardCharsets.ISO_8859_1));
        try (Stream<Path> files = Files.list(victim.getParent())) {
            assertEquals(1, files.count(), "no backup, no temporary file beside the victim");
        }
    }

    @Test
    void aZipBombEntryIsCutOffAtTheLimitWithinASmallHeap() throws Exception {
        Path zip = dir.resolve("bomb.zip");
        int size = 256 << 20;
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("bomb/Q999999.txt"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < size / zeros.length; i++) {
                out.write(zeros);
            }
            out.closeEntry();
        }
        lieAboutSizes(zip, 1000);
        Run r = smallHeap(new byte[0], "-c", "import bomb.zip");
        assertEquals(1, r.status(), r.err());
        assertTrue(r.err().contains("inflates to more than the 8 MiB limit"), r.err());
        assertFalse(r.err().contains("OutOfMemoryError"), r.err());
    }

    /** Rewrites the uncompressed size in every central directory header of {@code zip}, as a zip bomb does. */
    private static void lieAboutSizes(Path zip, int declared) throws IOException {
        byte[] bytes = Files.readAllBytes(zip);
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int patched = 0;
        for (int i = 0; i + 46 <= bytes.length; i++) {
            if (buffer.getInt(i) == 0x02014b50) {
                buffer.putInt(i + 24, declared);
                patched++;
            }
        }
        assertEquals(1, patched);
        try (RandomAccessFile file = new RandomAccessFile(zip.toFile(), "rw")) {
            file.write(bytes);
        }
    }
}
