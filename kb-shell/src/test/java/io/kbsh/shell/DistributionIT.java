package io.kbsh.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged distribution ({@code kb-shell/target/kbsh}), run the way a user runs it: {@code bin/kbsh}
 * in a child process. Runs after {@code package} (Failsafe), so the bundled plugin JARs are the ones the
 * reactor built.
 */
class DistributionIT {

    private static final Path DIST = Path.of(System.getProperty("kbsh.distribution", "target/kbsh"));

    @TempDir
    Path home;

    record Run(int status, String out, String err) {}

    private Run kbsh(String stdin, String... args) throws IOException, InterruptedException {
        return kbsh(Map.of(), stdin, args);
    }

    /** kbsh with {@code environment} added to (or, for an empty value, removed from) this process's. */
    private Run kbsh(Map<String, String> environment, String stdin, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(DIST.resolve("bin/kbsh").toString(), "--home", home.toString()));
        command.addAll(List.of(args));
        Path out = home.resolve("out.txt");
        Path err = home.resolve("err.txt");
        ProcessBuilder pb =
                new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        environment.forEach((name, value) -> {
            if (value.isEmpty()) {
                pb.environment().remove(name);
            } else {
                pb.environment().put(name, value);
            }
        });
        Process p = pb.start();
        p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "kbsh did not finish within 60 s");
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    @Test
    void theBundledPluginsLoadAndAPluginCommandRunsInItsOwnClassLoader() throws Exception {
        Run r = kbsh("", "-c", "plugins; exchange-ports; which exchange-ports");

        assertEquals(0, r.status(), r.err());
        assertEquals("", r.err());
        assertTrue(r.out().contains("6 plugin(s) loaded"), r.out());
        for (String id : List.of("q165057", "q254909", "q178532", "q187225", "q166604", "rules-exchange")) {
            assertTrue(
                    r.out()
                            .contains(
                                    DIST.resolve("plugins").resolve(id + ".jar").toString()),
                    id + " in " + r.out());
        }
        assertTrue(r.out().lines().anyMatch(l -> l.matches("POP3\\s+110\\s+995\\s+Store\\.exe\\s+\\[STORE]")), r.out());
        assertTrue(
                r.out().contains("exchange-ports: plugin q178532") && r.out().contains("loader plugin:q178532.jar"),
                r.out());
        assertThrows(
                ClassNotFoundException.class,
                () -> Class.forName("io.kbsh.plugin.q178532.command.ExchangePortsCommand"),
                "the plugin's classes must not be on the application class path");
    }

    /**
     * The launcher's class-data archive is trained on a check too: the classes a first check loads (the rules'
     * YAML reader, CEL's checked expressions, the rule engine) come from it, not from the JARs.
     */
    @Test
    void theClassArchiveHoldsWhatAFirstCheckLoads() throws Exception {
        assertEquals(0, kbsh("", "-c", "version").status(), "the first start writes the archive and the rule cache");
        Path log = home.resolve("classes.log");
        Path example = DIST.resolve("examples/site-v2-tailspin.json").toAbsolutePath();
        Run check = kbsh(
                Map.of("KBSH_NO_CDS", "", "KBSH_JAVA_OPTS", "-Xlog:class+load=info:file=" + log),
                "",
                "-c",
                "env load '" + example + "'; check");
        assertEquals(0, check.status(), check.err());
        assertTrue(check.out().contains("articles checked"));
        List<String> loaded = Files.readAllLines(log);
        for (String type : List.of(
                "io.kbsh.shell.rules.eval.CheckedExpressions",
                "dev.cel.expr.CheckedExpr",
                "com.fasterxml.jackson.dataformat.yaml.YAMLParser")) {
            String line = loaded.stream()
                    .filter(l -> l.contains(" " + type + " "))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(type + " not loaded by the check"));
            assertTrue(line.contains("shared objects file"), "from the archive: " + line);
        }
    }

    @Test
    void theLauncherPassesExitStatusesAndReadsPipedCommands() throws Exception {
        assertEquals(2, kbsh("", "-c", "no-such-command").status());
        Run piped = kbsh("version\nexit 5\nversion\n");
        assertEquals(5, piped.status());
        assertEquals(1, piped.out().lines().filter(l -> l.startsWith("kbsh ")).count(), piped.out());
    }

    @Test
    void theDistributionSetsItsOwnFileModes() throws IOException {
        assertEquals(
                "rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(DIST.resolve("bin/kbsh"))));
        assertTrue(Files.isRegularFile(DIST.resolve("bin/kbsh.cmd")));
        assertTrue(Files.isDirectory(DIST.resolve("examples")));
        try (Stream<Path> jars = Files.list(DIST.resolve("plugins"))) {
            List<Path> all = jars.toList();
            assertEquals(6, all.size(), all.toString());
            for (Path jar : all) {
                assertEquals(
                        "rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(jar)), jar.toString());
            }
        }
        assertEquals(
                "rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(DIST.resolve("plugins"))));
    }

    @Test
    void pluginCommandsHaveHelpWithAnExample() throws Exception {
        Run r = kbsh("", "-c", "exchange-ports --help");
        assertEquals(0, r.status(), r.err());
        assertTrue(
                r.out().startsWith("exchange-ports - ") && r.out().contains("\nExamples:\n  exchange-ports"), r.out());
    }
}
