package io.kbsh.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kbsh.model.plugin.ApiVersion;
import io.kbsh.shell.plugin.TestPluginJar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plugins that would end, exhaust or hang the process, against the packaged kbsh ({@code bin/kbsh} in a
 * child process): an exit from plugin code is reported with a non-zero status, an allocation without end
 * meets the launcher's heap ceiling as a plugin failure, a check that never returns is given up, and a
 * plugin whose descriptor throws an Error does not stop kbsh from starting.
 */
class PluginFaultsIT {

    private static final Path DIST = Path.of(System.getProperty("kbsh.distribution", "target/kbsh"));

    @TempDir
    Path dir;

    private Path plugins;

    record Run(int status, String out, String err, long millis) {}

    @BeforeEach
    void environment() throws IOException {
        plugins = dir.resolve("plugins");
        Files.writeString(dir.resolve("env.json"), """
                {"schemaVersion": 1, "organisation": "Test",
                 "servers": [{"id": "S1", "exchange": "5.5", "windowsNt": "4.0 SP6"}]}""");
        TestPluginJar.plugin("good", ApiVersion.BUILT_AGAINST)
                .check("Fine", 1001, "return finding(env);")
                .writeTo(plugins);
    }

    private Run kbsh(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                DIST.resolve("bin/kbsh").toString(),
                "--home",
                dir.resolve("home").toString(),
                "--plugins",
                plugins.toString()));
        command.addAll(List.of(args));
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        builder.environment().putAll(env);
        long start = System.nanoTime();
        Process p = builder.start();
        p.getOutputStream().close();
        boolean ended = p.waitFor(120, TimeUnit.SECONDS);
        if (!ended) {
            p.destroyForcibly();
        }
        assertTrue(ended, "kbsh did not finish within 120 s: " + Files.readString(err));
        return new Run(
                p.exitValue(),
                Files.readString(out),
                Files.readString(err),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
    }

    @Test
    void aCheckCallingSystemExitZeroCannotPassTheCiGate() throws Exception {
        TestPluginJar.plugin("quitter", ApiVersion.BUILT_AGAINST)
                .check("Quits", 1010, "System.exit(0); return null;")
                .writeTo(plugins);

        Run r = kbsh(Map.of(), "-c", "check --env env.json --fail-on error");

        assertEquals(3, r.status(), "never 0, never the plugin's status: " + r.err());
        assertEquals(
                List.of(
                        "kbsh: plugin quitter ended the process (System.exit during check Q1010); kbsh stops with status 3"),
                r.err().lines().toList());
    }

    @Test
    void aCommandCallingSystemExitIsReportedAndTheBatchDoesNotEndQuietly() throws Exception {
        TestPluginJar.plugin("quitter", ApiVersion.BUILT_AGAINST)
                .commandRunning(
                        "Quit", "quit-now", "c.out().println(\"about to go\"); Runtime.getRuntime().exit(0); return 0;")
                .writeTo(plugins);

        Run r = kbsh(Map.of(), "-c", "version; quit-now; version");

        assertEquals(3, r.status(), r.err());
        assertEquals(
                1,
                r.out().lines().filter(l -> l.startsWith("kbsh ")).count(),
                "the batch ended at the exit: " + r.out());
        assertTrue(r.out().contains("about to go"), "what was printed before the exit is kept: " + r.out());
        assertTrue(
                r.err().contains("kbsh: plugin quitter ended the process (System.exit during command quit-now)"),
                r.err());
    }

    @Test
    void anExitFromAThreadThePluginStartedNamesThePluginFromItsStack() throws Exception {
        TestPluginJar.plugin("sneaky", ApiVersion.BUILT_AGAINST)
                .source("Later", "public class Later implements Runnable { public void run() { System.exit(0); } }")
                .commandRunning("Start", "start-thread", """
                        Thread t = new Thread(new Later(), "sneaky-exit");
                        t.start();
                        try {
                            t.join();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return 0;""")
                .writeTo(plugins);

        Run r = kbsh(Map.of(), "-c", "start-thread");

        assertEquals(3, r.status(), r.err());
        assertTrue(
                r.err()
                        .contains(
                                "kbsh: plugin sneaky ended the process (System.exit from ext.sneaky.Later.run on thread 'sneaky-exit')"),
                r.err());
    }

    @Test
    void aCheckAllocatingWithoutEndMeetsTheHeapCeilingAsOneFailureLine() throws Exception {
        TestPluginJar.plugin("hungry", ApiVersion.BUILT_AGAINST)
                .check("Eats", 1011, """
                java.util.List<long[]> hoard = new java.util.ArrayList<>();
                while (true) {
                    hoard.add(new long[1 << 20]);
                }""")
                .writeTo(plugins);

        // A small ceiling keeps the test light; without KBSH_JAVA_OPTS the launcher's default (512 MB) applies.
        Run r = kbsh(Map.of("KBSH_JAVA_OPTS", "-Xmx64m"), "-c", "check --env env.json; version");

        assertEquals(1, r.status(), r.err());
        assertTrue(r.out().contains("check failed: Q1011 (plugin hungry): OutOfMemoryError Java heap space"), r.out());
        assertTrue(
                r.out().contains("Q1001 test article 1001\n  on server:S1 (error, plugin good)"),
                "the other check still reports: " + r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("kbsh ")), "the batch went on: " + r.out());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    @Test
    void theLauncherSetsAHeapCeilingThatKbshJavaOptsOverrides() throws Exception {
        TestPluginJar.plugin("heap", ApiVersion.BUILT_AGAINST)
                .command("Heap", "max-heap", "Runtime.getRuntime().maxMemory() / (1024 * 1024)")
                .writeTo(plugins);

        long standard = Long.parseLong(kbsh(Map.of(), "-c", "max-heap").out().strip());
        long chosen = Long.parseLong(kbsh(Map.of("KBSH_JAVA_OPTS", "-Xmx128m"), "-c", "max-heap")
                .out()
                .strip());

        assertTrue(standard > 256 && standard <= 512, "default ceiling about 512 MB, got " + standard);
        assertTrue(chosen > 64 && chosen <= 128, "KBSH_JAVA_OPTS wins, got " + chosen);
    }

    @Test
    void aCheckInAnEndlessLoopIsGivenUpAndKbshEndsInBatchMode() throws Exception {
        TestPluginJar.plugin("spinner", ApiVersion.BUILT_AGAINST)
                .check("Spins", 1012, """
                long n = 0;
                while (n >= 0) {
                    n = (n + 1) % 1_000_000;
                    Thread.interrupted();
                }
                return null;""")
                .writeTo(plugins);

        Run r = kbsh(Map.of(), "-c", "check --env env.json --check-timeout 2 --fail-on error");

        assertEquals(1, r.status(), r.err());
        assertTrue(r.millis() < 60_000, "a 2 s deadline and its grace ended after " + r.millis() + " ms");
        assertTrue(
                r.out().contains("check failed: Q1012 (plugin spinner): timed out after 2 s; it ignores interruption"),
                r.out());
        assertTrue(r.out().contains("Q1001 test article 1001\n  on server:S1 (error, plugin good)"), r.out());
    }

    @Test
    void aPluginInTheHomeWhoseDescriptorThrowsAnErrorDoesNotBrickKbsh() throws Exception {
        TestPluginJar.library("brick")
                .source("ext.brick", "Descriptor", """
                public class Descriptor implements io.kbsh.model.plugin.KbshPlugin {
                    public io.kbsh.model.plugin.PluginDescriptor descriptor() { throw new Error("bricked"); }
                }""")
                .entry(
                        "META-INF/services/io.kbsh.model.plugin.KbshPlugin",
                        "ext.brick.Descriptor\n".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .writeTo(dir.resolve("home").resolve("plugins"));

        Run r = kbsh(Map.of(), "-c", "version");

        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().startsWith("kbsh "), r.out());
        assertTrue(
                r.err().strip().matches("kbsh: plugin not loaded: .*brick\\.jar: its descriptor failed: Error bricked"),
                r.err());
    }
}
