package io.kbsh.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kbsh.model.plugin.ApiVersion;
import io.kbsh.shell.ini.ShellRun;
import io.kbsh.shell.plugin.TestPluginJar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plugin code that fails — throws any Throwable, returns null, never returns — against the real shell in
 * process: each fault is one line naming the plugin, the article or command and the reason, and the rest
 * of the run goes on. (Faults that end or exhaust the process are in {@code PluginFaultsIT}.)
 */
class PluginFaultsTest {

    /** Lets the check that ignores interruption end at last, so that it does not outlive this class. */
    static final String RELEASE = "kbsh.test.release-stuck-check";

    @TempDir
    Path dir;

    private Path plugins;

    @BeforeEach
    void environment() throws Exception {
        plugins = dir.resolve("plugins");
        Files.writeString(dir.resolve("env.json"), """
                {"schemaVersion": 1, "organisation": "Test",
                 "servers": [{"id": "S1", "exchange": "5.5", "windowsNt": "4.0 SP6"}]}""");
        TestPluginJar.plugin("good", ApiVersion.BUILT_AGAINST)
                .check("Fine", 1001, "return finding(env);")
                .writeTo(plugins);
    }

    @AfterAll
    static void release() {
        System.setProperty(RELEASE, "true");
    }

    private ShellRun kbsh(String... args) {
        List<String> all =
                new ArrayList<>(List.of("--home", dir.resolve("home").toString(), "--plugins", plugins.toString()));
        all.addAll(List.of(args));
        return ShellRun.launch(dir, Optional.empty(), all.toArray(String[]::new));
    }

    private static List<String> lines(String text, String start) {
        return text.lines().filter(l -> l.startsWith(start)).toList();
    }

    private void brokenChecks() {
        TestPluginJar.plugin("bad", ApiVersion.BUILT_AGAINST)
                .check("Null", 1002, "return null;")
                .check("Throws", 1003, "throw new IllegalStateException(\"disk on fire\");")
                .check("Asserts", 1004, "throw new AssertionError(\"invariant broken\");")
                .check("Deep", 1005, "return evaluate(env, facts, store);")
                .check("Holes", 1006, "return java.util.Arrays.asList((io.kbsh.model.finding.Finding) null);")
                .writeTo(plugins);
    }

    @Test
    void everyFailingCheckIsOneLineNamingPluginArticleAndReasonAndTheOtherChecksStillReport() {
        brokenChecks();

        ShellRun r = kbsh("-c", "check --env env.json");

        assertEquals(1, r.status(), r.err());
        assertTrue(
                r.out().lines().anyMatch(l -> l.matches("error\\s+Q1001\\s+good\\s+server:S1\\s+open.*found by Fine")),
                r.out());
        assertTrue(r.out().contains("Q1001 test article 1001\n  on server:S1 (error, plugin good)"), r.out());
        List<String> failed = lines(r.out(), "check failed: ");
        assertEquals(
                List.of(
                        "check failed: Q1002 (plugin bad): returned null instead of a list of findings",
                        "check failed: Q1003 (plugin bad): IllegalStateException disk on fire",
                        "check failed: Q1004 (plugin bad): AssertionError invariant broken",
                        "check failed: Q1005 (plugin bad): StackOverflowError",
                        "check failed: Q1006 (plugin bad): returned a list that holds null"),
                failed);
        assertFalse(r.out().contains("\tat ") || r.err().contains("\tat "), "no stack trace without --debug");
    }

    @Test
    void debugPrintsTheStackTraceOfEveryCheckThatThrew() {
        brokenChecks();

        ShellRun r = kbsh("--debug", "-c", "check --env env.json");

        // Frames of plugin classes name their loader: "at plugin:bad.jar//ext.bad.Throws.evaluate(Throws.java:15)".
        for (String where : List.of("Throws", "Asserts", "Deep")) {
            assertTrue(
                    r.err().contains("\tat plugin:bad.jar//ext.bad." + where + ".evaluate("), where + " in " + r.err());
        }
    }

    @Test
    void aReportWhoseChecksFailedNeverSaysNoFindings() {
        TestPluginJar.plugin("bad", ApiVersion.BUILT_AGAINST)
                .check("Throws", 1003, "throw new IllegalStateException(\"disk on fire\");")
                .writeTo(plugins);

        ShellRun r = kbsh("-c", "check Q1003 --env env.json");

        assertEquals(1, r.status());
        assertFalse(r.out().contains("No findings ("), r.out());
        assertTrue(
                r.out().startsWith("No findings from the 0 check(s) that answered; 1 of 1 check(s) failed (below)."),
                r.out());
    }

    @Test
    void theJsonAndJUnitReportsNameThePluginOfEveryFindingAndFailure() throws Exception {
        brokenChecks();
        Path junit = dir.resolve("report.xml");

        ShellRun r = kbsh("-c", "check --env env.json --json --junit " + junit);

        JsonNode report = new ObjectMapper().readTree(r.out());
        assertEquals("good", report.get("findings").get(0).get("plugin").asText());
        assertEquals(5, report.get("failures").size());
        report.get("failures").forEach(f -> assertEquals("bad", f.get("plugin").asText(), f.toString()));
        assertEquals("null", report.get("failures").get(0).get("kind").asText());
        assertEquals("threw", report.get("failures").get(1).get("kind").asText());
        String xml = Files.readString(junit);
        assertTrue(xml.contains("<property name=\"plugin\" value=\"good\"/>"), xml);
        assertTrue(
                xml.contains(
                        "<error type=\"threw\" message=\"Q1003 (plugin bad): IllegalStateException disk on fire\"/>"),
                xml);
    }

    @Test
    void aSecondCheckForAnArticleIsOneLineAtStartIsNotRunAndFailsOnlyAStrictBatch() {
        TestPluginJar.plugin("twin", ApiVersion.BUILT_AGAINST)
                .check("Twin", 1001, "return finding(env);")
                .writeTo(plugins);

        ShellRun lenient = kbsh("-c", "check Q1001 --env env.json");
        ShellRun strict = kbsh("--strict", "-c", "version");

        String line = "kbsh: two checks for Q1001: the check ext.good.Fine of plugin good (good.jar) runs,"
                + " the check ext.twin.Twin of plugin twin (twin.jar) is not run (the first loaded wins)";
        assertEquals(List.of(line), lenient.err().lines().toList());
        assertEquals(0, lenient.status(), "the article is checked: no failure without --strict");
        assertTrue(lenient.out().contains("found by Fine"), lenient.out());
        assertFalse(lenient.out().contains("found by Twin"), lenient.out());
        assertEquals(List.of(line), strict.err().lines().toList());
        assertEquals(3, strict.status(), "--strict promises every plugin runs as shipped");
    }

    @Test
    void aPluginWhoseDescriptorThrowsAnErrorIsNotLoadedAndKbshStarts() throws Exception {
        Path home = dir.resolve("home").resolve("plugins");
        for (String error : List.of(
                "new AssertionError(\"no descriptor today\")",
                "new StackOverflowError()",
                "new ExceptionInInitializerError(\"static state\")")) {
            String id = "broken" + error.length();
            TestPluginJar.library(id)
                    .source("ext." + id, "Descriptor", """
                    public class Descriptor implements io.kbsh.model.plugin.KbshPlugin {
                        public io.kbsh.model.plugin.PluginDescriptor descriptor() { throw %s; }
                    }""".formatted(error))
                    .entry(
                            "META-INF/services/io.kbsh.model.plugin.KbshPlugin",
                            ("ext." + id + ".Descriptor\n").getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .writeTo(home);
        }
        TestPluginJar.plugin("hello", ApiVersion.BUILT_AGAINST)
                .command("Hello", "hello", "\"still here\"")
                .writeTo(plugins);

        ShellRun r = kbsh("-c", "hello");
        ShellRun debug = kbsh("--debug", "-c", "hello");

        assertEquals(0, r.status(), r.err());
        assertEquals("still here", r.out().strip());
        List<String> refused = lines(r.err(), "kbsh: plugin not loaded: ");
        assertEquals(3, refused.size(), r.err());
        assertTrue(
                refused.stream().anyMatch(l -> l.endsWith("its descriptor failed: AssertionError no descriptor today")),
                r.err());
        assertTrue(refused.stream().anyMatch(l -> l.endsWith("its descriptor failed: StackOverflowError")), r.err());
        assertEquals(3, r.err().lines().count(), "one line each, no trace: " + r.err());
        assertTrue(
                debug.err().contains("//ext.broken41.Descriptor.descriptor("),
                "--debug shows where the descriptor failed: " + debug.err());
    }

    @Test
    void aCommandThatOverflowsTheStackOrFailsAnAssertionIsOneLineAndTheBatchGoesOn() {
        TestPluginJar.plugin("crash", ApiVersion.BUILT_AGAINST)
                .commandRunning("Deep", "deep", "return run(c, args);")
                .commandRunning("Asserts", "asserts", "throw new AssertionError(\"never\");")
                .command("Hello", "hello", "\"after the crashes\"")
                .writeTo(plugins);

        ShellRun r = kbsh("-c", "deep; asserts; hello");

        assertEquals(1, r.status());
        assertEquals("after the crashes", r.out().strip());
        assertEquals(
                List.of(
                        "deep: plugin crash failed: StackOverflowError (run with --debug for details)",
                        "asserts: plugin crash failed: AssertionError never (run with --debug for details)"),
                r.err().lines().toList());
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aCheckPastItsDeadlineIsGivenUpAndOneThatIgnoresInterruptionIsLeftBehind() {
        TestPluginJar.plugin("slow", ApiVersion.BUILT_AGAINST)
                .check("Stuck", 1007, """
                        while (!Boolean.getBoolean("%s")) {
                            Thread.interrupted();
                            java.util.concurrent.locks.LockSupport.parkNanos(50_000_000L);
                        }
                        return java.util.List.of();""".formatted(RELEASE))
                .check("Sleepy", 1008, """
                        try {
                            Thread.sleep(600_000);
                        } catch (InterruptedException e) {
                            throw new IllegalStateException("woken", e);
                        }
                        return java.util.List.of();""")
                .writeTo(plugins);
        long start = System.nanoTime();

        ShellRun r = kbsh("-c", "check --env env.json --check-timeout 1");

        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
        assertTrue(seconds < 60, "two 1 s deadlines and their grace took " + seconds + " s");
        assertEquals(1, r.status(), r.err());
        assertTrue(
                r.out().contains("Q1001 test article 1001\n  on server:S1 (error, plugin good)"),
                "the other check still reports: " + r.out());
        List<String> failed = lines(r.out(), "check failed: ");
        assertEquals(2, failed.size(), r.out());
        assertTrue(
                failed.get(0)
                        .matches("check failed: Q1007 \\(plugin slow\\): timed out after 1 s; it ignores interruption,"
                                + " so its thread 'kbsh-check-\\d+' is left running \\(a daemon: it ends with kbsh\\)"),
                failed.get(0));
        assertEquals(
                "check failed: Q1008 (plugin slow): timed out after 1 s; it stopped when interrupted", failed.get(1));
        assertTrue(
                Thread.getAllStackTraces().keySet().stream()
                        .anyMatch(t -> t.isDaemon() && t.getName().endsWith("-abandoned-Q1007")),
                "the stuck thread is left, marked");
    }
}
