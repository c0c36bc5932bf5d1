package io.kbsh.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kbsh.model.plugin.ApiVersion;
import io.kbsh.shell.plugin.TestPluginJar;
import io.kbsh.shell.testing.PackagedKbsh;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9's plugin faults (item 6), each through the packaged kbsh ({@code bin/kbsh} with its bundled plugins
 * and rule pack) and one set of third-party plugins compiled outside the reactor: a check that returns null or
 * throws is one line naming plugin, article and reason while the others report; {@code --debug} prints the
 * stack trace of a plugin that fails to load and of a check that throws; an INI writer id, probe id or command
 * name that is taken refuses the later plugin whole, naming both; two checks for one article are reported and
 * only the first loaded runs; every finding names its plugin; the text report never says "No findings" while a
 * check failed. Three runs of kbsh cover all of it.
 */
class PluginIsolationIT {

    @TempDir
    static Path dir;

    private static Path plugins;

    /** Loaded in this order (file names): alpha … golf, then the pack directory hotel. */
    @BeforeAll
    static void pluginsOfEveryKind() throws IOException {
        plugins = dir.resolve("plugins");
        Files.writeString(dir.resolve("env.json"), """
                {"schemaVersion": 1, "organisation": "Test",
                 "servers": [{"id": "S1", "exchange": "5.5", "windowsNt": "4.0 SP6"}]}""");
        TestPluginJar.plugin("alpha", ApiVersion.BUILT_AGAINST)
                .check("Fine", 1001, "return finding(env);")
                .writeTo(plugins);
        TestPluginJar.plugin("bravo", ApiVersion.BUILT_AGAINST)
                .check("Null", 1002, "return null;")
                .check("Throws", 1003, "throw new IllegalStateException(\"disk on fire\");")
                .check("Again", 1001, "return finding(env);")
                .check("Cluster", 169113, "return finding(env);")
                .writeTo(plugins);
        // Each takes a name someone loaded before holds; each also brings a command, to show nothing of it loads.
        TestPluginJar.plugin("charlie", ApiVersion.BUILT_AGAINST)
                .writer("Bypass", "MSPCLNT-bypass", 254909)
                .command("Hello", "charlie-hello", "\"charlie\"")
                .writeTo(plugins);
        TestPluginJar.plugin("delta", ApiVersion.BUILT_AGAINST)
                .probe("Smtp", "smtp")
                .command("Hello", "delta-hello", "\"delta\"")
                .writeTo(plugins);
        TestPluginJar.plugin("echo", ApiVersion.BUILT_AGAINST)
                .command("Ports", "exchange-ports", "\"mine\"")
                .writeTo(plugins);
        TestPluginJar.plugin("foxtrot", ApiVersion.BUILT_AGAINST)
                .command("Version", "version", "\"mine\"")
                .writeTo(plugins);
        TestPluginJar.library("golf")
                .source("ext.golf", "Descriptor", """
                public class Descriptor implements io.kbsh.model.plugin.KbshPlugin {
                    public io.kbsh.model.plugin.PluginDescriptor descriptor() {
                        throw new IllegalStateException("no descriptor today");
                    }
                }""")
                .entry(
                        "META-INF/services/io.kbsh.model.plugin.KbshPlugin",
                        "ext.golf.Descriptor\n".getBytes(StandardCharsets.UTF_8))
                .writeTo(plugins);
        Path pack = Files.createDirectories(plugins.resolve("hotel"));
        Files.writeString(pack.resolve("kbsh-pack.yaml"), """
                id: hotel-rules
                name: A second opinion on an article the bundled pack checks
                version: 1.0.0
                format: 1
                """);
        Files.writeString(pack.resolve("Q169113.yaml"), """
                article: Q169113
                title: "XCON: Using X.400 Connector with TCP/IP in Cluster Environment"
                summary: a rule for an article the bundled pack checks already
                for: connector
                outcomes:
                  - severity: info
                    summary: "a second opinion on {{connector.id}}"
                """);
    }

    record Run(int status, String out, String err) {}

    private static Run kbsh(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                PackagedKbsh.DIST.resolve("bin/kbsh").toAbsolutePath().toString(),
                "--home",
                dir.resolve("home").toString(),
                "--plugins",
                plugins.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process p = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        p.getOutputStream().close();
        boolean ended = p.waitFor(120, TimeUnit.SECONDS);
        if (!ended) {
            p.destroyForcibly();
        }
        assertTrue(ended, "kbsh did not finish within 120 s: " + Files.readString(err));
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    @Test
    void everyFaultIsOneLineNamingThePluginsAndTheRestLoadsAndReports() throws Exception {
        Run r = kbsh("-c", "plugins; which exchange-ports; show --no-pager Q169113; check --env env.json");

        List<String> refused = r.err()
                .lines()
                .filter(l -> l.startsWith("kbsh: plugin not loaded: "))
                .map(l -> l.substring(
                        l.indexOf(plugins.toString()) + plugins.toString().length() + 1))
                .toList();
        assertEquals(
                List.of(
                                "charlie.jar: plugin charlie: INI writer id 'MSPCLNT-bypass' is already taken by plugin q254909"
                                        + " (q254909.jar)",
                                "delta.jar: plugin delta: probe id 'smtp' is already taken by a built-in probe of kbsh",
                                "echo.jar: plugin echo: command name 'exchange-ports' is already taken by plugin q178532"
                                        + " (q178532.jar)",
                                "foxtrot.jar: plugin foxtrot: command name 'version' is already taken by a built-in command of kbsh",
                                "golf.jar: its descriptor failed: IllegalStateException no descriptor today")
                        .stream()
                        .sorted()
                        .toList(),
                refused.stream().sorted().toList(),
                r.err());
        List<String> overlaps = List.of(
                "kbsh: two checks for Q1001: the check ext.alpha.Fine of plugin alpha (alpha.jar) runs,"
                        + " the check ext.bravo.Again of plugin bravo (bravo.jar) is not run (the first loaded wins)",
                "kbsh: two checks for Q169113: the rule of pack rules-exchange (rules-exchange.jar) runs,"
                        + " the check ext.bravo.Cluster of plugin bravo (bravo.jar) is not run (the first loaded wins)",
                "kbsh: two checks for Q169113: the rule of pack rules-exchange (rules-exchange.jar) runs,"
                        + " the rule of pack hotel-rules (hotel) is not run (the first loaded wins)");
        assertEquals(
                overlaps,
                r.err().lines().filter(l -> l.startsWith("kbsh: two checks")).toList(),
                r.err());
        assertEquals(
                refused.size() + overlaps.size(),
                r.err().lines().filter(l -> l.startsWith("kbsh: ")).count(),
                "one line each: " + r.err());

        // The listing says the same, and the refused plugins contribute nothing.
        String out = r.out();
        assertTrue(out.contains("5 plugin(s) failed:"), out);
        assertTrue(out.contains("3 check(s) not run, their article checked by one loaded before:"), out);
        assertTrue(out.contains("  " + overlaps.get(2).substring("kbsh: ".length())), out);
        assertTrue(out.contains("4 ArticleCheck (Null Throws Again (not run) Cluster (not run))"), out);
        assertTrue(out.contains("1 ArticleCheck (rule Q169113 (not run))"), out);
        assertFalse(out.contains("charlie-hello") || out.contains("delta-hello"), out);
        assertTrue(out.contains("exchange-ports: plugin q178532"), "the first holder keeps its command: " + out);
        List<String> executable =
                out.lines().filter(l -> l.startsWith("executable: ")).toList();
        assertEquals(3, executable.size(), out);
        assertTrue(executable.get(0).startsWith("executable: rule in pack rules-exchange ("), executable.get(0));
        assertFalse(executable.get(0).contains("not run"), executable.get(0));
        String notRun =
                " — not run: the rule of pack rules-exchange (rules-exchange.jar) checks Q169113 and was loaded first";
        assertTrue(
                executable.get(1).startsWith("executable: check in plugin bravo (")
                        && executable.get(1).endsWith(notRun),
                executable.get(1));
        assertTrue(
                executable.get(2).startsWith("executable: rule in pack hotel-rules (")
                        && executable.get(2).endsWith(notRun),
                executable.get(2));

        // The check: the faults are one line each, the others report, each finding names its plugin.
        assertEquals(1, r.status(), r.err());
        assertEquals(
                List.of(
                        "check failed: Q1002 (plugin bravo): returned null instead of a list of findings",
                        "check failed: Q1003 (plugin bravo): IllegalStateException disk on fire"),
                out.lines().filter(l -> l.startsWith("check failed: ")).toList(),
                out);
        assertTrue(out.contains("Q1001 test article 1001\n  on server:S1 (error, plugin alpha)"), out);
        assertFalse(out.contains("found by Again"), "a check that is not run finds nothing: " + out);
        assertFalse(out.contains("No findings ("), out);
        assertFalse(out.contains("\tat ") || r.err().contains("\tat "), "no stack trace without --debug");
    }

    @Test
    void debugPrintsTheStackTraceOfAPluginThatFailedToLoadAndOfACheckThatThrew() throws Exception {
        Run r = kbsh("--debug", "-c", "check Q1003 --env env.json");

        assertEquals(1, r.status(), r.err());
        assertTrue(r.err().contains("\tat plugin:golf.jar//ext.golf.Descriptor.descriptor("), r.err());
        assertTrue(r.err().contains("\tat plugin:bravo.jar//ext.bravo.Throws.evaluate("), r.err());
        assertTrue(
                r.out().startsWith("No findings from the 0 check(s) that answered; 1 of 1 check(s) failed (below)."),
                "never 'No findings' alone while a check failed: " + r.out());
    }

    @Test
    void theJsonReportsNameThePluginOfEveryFindingAndFailureAndStrictCountsTheOverlaps() throws Exception {
        Run r = kbsh("--strict", "-c", "check --env env.json --json; plugins --json");

        assertEquals(3, r.status(), "--strict: refused plugins and checks not run: " + r.err());
        ObjectMapper json = new ObjectMapper();
        var documents =
                json.readerFor(JsonNode.class).<JsonNode>readValues(r.out()).readAll();
        JsonNode report = documents.get(0);
        List<String> findings = new ArrayList<>();
        report.get("findings")
                .forEach(f -> findings.add(
                        f.get("article").asText() + " " + f.get("plugin").asText()));
        assertTrue(findings.contains("Q1001 alpha"), findings.toString());
        assertFalse(findings.stream().anyMatch(f -> f.endsWith(" ")), findings.toString());
        List<String> failures = new ArrayList<>();
        report.get("failures")
                .forEach(f -> failures.add(f.get("article").asText() + " "
                        + f.get("plugin").asText() + " " + f.get("kind").asText()));
        assertEquals(List.of("Q1002 bravo null", "Q1003 bravo threw"), failures);

        JsonNode listing = documents.get(1);
        assertEquals(3, listing.get("checksNotRun").size(), listing.toString());
        assertEquals(5, listing.get("failures").size(), listing.toString());
    }
}
