package io.kbsh.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kbsh.model.plugin.ApiVersion;
import io.kbsh.shell.plugin.TestPluginJar;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kbsh in batch mode, run in process: exit statuses, error lines, scripts, standard input, plugins. */
class KbshBatchTest {

    @TempDir
    Path dir;

    record Result(int status, String out, String err) {}

    private Result kbsh(String stdin, Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> all = new ArrayList<>();
        if (!env.containsKey("KBSH_HOME")) {
            all.addAll(List.of("--home", dir.resolve("home").toString()));
        }
        all.addAll(List.of(args));
        int status = Kbsh.run(new Kbsh.Launch(
                all.toArray(String[]::new),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                env,
                false,
                Optional.empty(),
                dir));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Result kbsh(String... args) {
        return kbsh("", Map.of(), args);
    }

    @Test
    void versionPrintsTheKbshAndApiVersions() {
        Result r = kbsh("-c", "version");
        assertEquals(0, r.status());
        assertTrue(r.out().startsWith("kbsh ") && r.out().contains("API " + ApiVersion.current()), r.out());
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        Result r = kbsh("-c", "frobnicate");
        assertEquals(2, r.status());
        assertEquals(
                "kbsh: unknown command 'frobnicate' (type help for the list)",
                r.err().strip());
    }

    @Test
    void aFailingCommandGivesStatusOneAndOneErrorLine() {
        Result r = kbsh("-c", "which nosuch");
        assertEquals(1, r.status());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    @Test
    void aUsageErrorWinsOverAFailureWhateverTheOrder() {
        assertEquals(2, kbsh("-c", "which nosuch; help a b").status());
        assertEquals(2, kbsh("-c", "help a b; which nosuch").status());
    }

    @Test
    void exitStopsTheBatchWithItsStatus() {
        Result r = kbsh("-c", "exit 7; version");
        assertEquals(7, r.status());
        assertFalse(r.out().contains("kbsh "), "nothing after exit runs");
    }

    @Test
    void quotesGroupWordsAndKeepSemicolonsAndBackslashes() {
        Result r = kbsh("-c", "help 'version; exit 3'; which \"C:\\Exchsrvr\\Bin\"");
        assertEquals(2, r.status(), "the quoted ; must not have run exit 3");
        assertTrue(r.err().contains("no command named 'version; exit 3'"), r.err());
        assertTrue(r.err().contains("no command named 'C:\\Exchsrvr\\Bin'"), r.err());
    }

    @Test
    void anUnterminatedQuoteIsAUsageErrorNamingTheColumn() {
        Result r = kbsh("-c", "help 'version");
        assertEquals(2, r.status());
        assertTrue(r.err().contains("unterminated quote at column 6"), r.err());
    }

    @Test
    void aScriptRunsOneCommandPerLineSkippingComments() throws Exception {
        Path script = dir.resolve("run.kbsh");
        Files.writeString(script, "# a comment\n\nversion\n   # indented comment\nwhich help # trailing comment\n");
        Result r = kbsh(script.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("kbsh ") && r.out().contains("help: built in"), r.out());
    }

    @Test
    void aScriptSavedWithAByteOrderMarkRuns() throws Exception {
        Path script = dir.resolve("notepad.kbsh");
        Files.writeString(script, "\uFEFFversion\r\nwhich help\r\n", StandardCharsets.UTF_8);
        Result r = kbsh(script.toString());
        assertEquals(0, r.status(), r.err());
        assertEquals("", r.err());
        assertTrue(r.out().startsWith("kbsh ") && r.out().contains("help: built in"), r.out());

        Result piped = kbsh("\uFEFFversion\n", Map.of());
        assertEquals(0, piped.status(), piped.err());
        assertTrue(piped.out().startsWith("kbsh "), piped.out());
    }

    @Test
    void anErrorInAScriptNamesTheFileAndLine() throws Exception {
        Path script = dir.resolve("fail.kbsh");
        Files.writeString(script, "# first\nversion\nwhich nosuch\n");
        Result r = kbsh(script.toString());
        assertEquals(1, r.status());
        assertEquals(script + ":3: which: no command named 'nosuch'", r.err().strip());

        Result piped = kbsh("version\nfrobnicate\n", Map.of());
        assertEquals(
                "<stdin>:2: kbsh: unknown command 'frobnicate' (type help for the list)",
                piped.err().strip());
    }

    @Test
    void aMissingScriptIsAUsageError() {
        Result r = kbsh(dir.resolve("absent.kbsh").toString());
        assertEquals(2, r.status());
        assertTrue(r.err().contains("script not found"), r.err());
    }

    @Test
    void commandsAreReadFromStandardInputWhenItIsNotATerminal() {
        Result r = kbsh("version\nwhich nosuch\n", Map.of());
        assertEquals(1, r.status());
        assertTrue(r.out().contains("kbsh "), r.out());
    }

    @Test
    void anUnknownLaunchOptionIsAUsageError() {
        Result r = kbsh("--colour");
        assertEquals(2, r.status());
        assertEquals(
                "kbsh: unknown option --colour (kbsh --help lists them)",
                r.err().strip());
    }

    @Test
    void aPluginBuiltOutsideTheReactorRunsFromAPluginsDirectory() {
        Path plugins = dir.resolve("plugins");
        TestPluginJar.plugin("hello", ApiVersion.BUILT_AGAINST)
                .command("Hello", "hello", "\"hello from \" + getClass().getClassLoader().getName()")
                .writeTo(plugins);

        Result r = kbsh("--plugins", plugins.toString(), "-c", "hello; which hello");

        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("hello from plugin:hello.jar"), r.out());
        assertTrue(
                r.out().contains("hello: plugin hello 1.2.3") && r.out().contains("loader plugin:hello.jar"), r.out());
        assertFalse(isOnClassPath("ext.hello.Hello"));
    }

    @Test
    void aPluginBuiltAgainstApi1IsRefusedWithTheVersionMessage() {
        Path plugins = dir.resolve("plugins");
        TestPluginJar.plugin("veteran", "1.0")
                .command("Veteran", "veteran", "\"old\"")
                .writeTo(plugins);

        Result r = kbsh("--plugins", plugins.toString(), "-c", "veteran");

        assertEquals(2, r.status(), "the command does not exist: " + r.out());
        assertTrue(
                r.err()
                        .contains("plugin veteran was built against kbsh API 1.0, but this kbsh provides API "
                                + ApiVersion.current() + " (a different major version)"),
                r.err());
    }

    @Test
    void aPluginCommandReadsTheSessionThroughTypedAccessorsAndServiceReachesNothingInternal(@TempDir Path dir)
            throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Files.writeString(
                dir.resolve("site.json"),
                "{\"schemaVersion\": 2, \"servers\": [{\"id\": \"EXCH1\", \"exchange\": \"5.5\"}]}");
        // The plugin names internal classes by reflection, as hostile code would: the class loader that
        // loaded the shell's context can load them, the API must still not hand their instances out.
        TestPluginJar.plugin("session", ApiVersion.BUILT_AGAINST)
                .commandRunning("Peek", "peek", """
                ClassLoader shell = c.getClass().getClassLoader();
                for (String name : java.util.List.of("com.google.inject.Injector", "io.kbsh.shell.check.CheckSession",
                        "io.kbsh.shell.plugin.Contributions")) {
                    try {
                        c.out().println(name + " reached: " + c.service(Class.forName(name, false, shell)).isPresent());
                    } catch (ClassNotFoundException e) {
                        c.out().println(name + " not loadable");
                    }
                }
                c.out().println("store: " + c.service(io.kbsh.model.article.ArticleStore.class).isPresent());
                c.out().println("servers: " + c.environment().map(e -> e.servers().size()).orElse(-1));
                c.addFacts(java.util.List.of(new io.kbsh.model.fact.EndpointFact("tcp", "192.0.2.7", 25,
                        io.kbsh.model.fact.ProbeStatus.OK, "connect", java.time.Duration.ZERO,
                        io.kbsh.model.fact.Evidence.none(), java.time.Instant.parse("2026-12-01T00:00:00Z"))));
                c.out().println("facts: " + c.facts().all().size() + ", waivers: " + c.waivers().size());
                return 0;""")
                .writeTo(plugins);

        Result r = kbsh(
                "--plugins", plugins.toString(), "-c", "env load " + dir.resolve("site.json") + "; peek; env facts");

        assertEquals(0, r.status(), r.err() + r.out());
        assertTrue(r.out().contains("com.google.inject.Injector reached: false"), r.out());
        assertTrue(r.out().contains("io.kbsh.shell.check.CheckSession reached: false"), r.out());
        assertTrue(r.out().contains("io.kbsh.shell.plugin.Contributions reached: false"), r.out());
        assertTrue(r.out().contains("store: true"), r.out());
        assertTrue(r.out().contains("servers: 1"), r.out());
        assertTrue(r.out().contains("facts: 1, waivers: 0"), r.out());
        assertTrue(r.out().contains("192.0.2.7"), "the plugin's fact is in the session: " + r.out());
    }

    @Test
    void aPluginBuiltAgainstAnOlderMinorOfThisMajorLoadsAndRuns() {
        ApiVersion running = ApiVersion.current();
        assertTrue(running.minor() > 0, "this test needs a running API with an older minor: " + running);
        Path plugins = dir.resolve("plugins");
        String older = running.major() + ".0";
        TestPluginJar.plugin("elder", older)
                .command("Elder", "elder", "\"still here\"")
                .writeTo(plugins);

        Result r = kbsh("--plugins", plugins.toString(), "--strict", "-c", "elder");

        assertEquals(0, r.status(), "a plugin built against " + older + " runs on " + running + ": " + r.err());
        assertEquals("still here", r.out().strip());
    }

    @Test
    void aPluginBuiltAgainstTheNextMajorIsRefusedWithTheVersionMessage() {
        Path plugins = dir.resolve("plugins");
        String next = (ApiVersion.current().major() + 1) + ".0";
        TestPluginJar.plugin("herald", next)
                .command("Herald", "herald", "\"too soon\"")
                .writeTo(plugins);

        Result r = kbsh("--plugins", plugins.toString(), "-c", "herald");

        assertEquals(2, r.status(), "the command does not exist: " + r.out());
        assertTrue(
                r.err()
                        .contains("plugin herald was built against kbsh API " + next + ", but this kbsh provides API "
                                + ApiVersion.current() + " (a different major version)"),
                r.err());
    }

    @Test
    void aPluginBuiltAgainstANewerMinorIsRefusedWithTheVersionMessage() {
        Path plugins = dir.resolve("plugins");
        ApiVersion running = ApiVersion.current();
        String newer = running.major() + "." + (running.minor() + 1);
        TestPluginJar.plugin("eager", newer)
                .command("Eager", "eager", "\"early\"")
                .writeTo(plugins);

        Result r = kbsh("--plugins", plugins.toString(), "-c", "eager");

        assertEquals(2, r.status(), "the command does not exist: " + r.out());
        assertTrue(
                r.err()
                        .contains("plugin eager was built against kbsh API " + newer + ", but this kbsh provides API "
                                + running + " (a newer minor version than this kbsh has)"),
                r.err());
    }

    @Test
    void anExplicitPluginsDirectoryMustExist() {
        Result r = kbsh("--plugins", dir.resolve("typo").toString(), "-c", "version");
        assertEquals(2, r.status());
        assertEquals(
                "kbsh: option --plugins: not a directory: " + dir.resolve("typo"),
                r.err().strip());
    }

    @Test
    void pluginsInTheHomeDirectoryLoadAndKbshHomeRelocatesIt() {
        Path home = dir.resolve("elsewhere");
        TestPluginJar.plugin("homely", ApiVersion.BUILT_AGAINST)
                .command("Homely", "homely", "\"at home\"")
                .writeTo(home.resolve("plugins"));

        Result r = kbsh("", Map.of("KBSH_HOME", home.toString()), "-c", "homely");

        assertEquals(0, r.status(), r.err());
        assertEquals("at home", r.out().strip());
    }

    @Test
    void aBrokenPluginIsReportedOnceAndOnlyStrictTurnsItIntoStatusThree() throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Files.write(plugins.resolve("broken.jar"), new byte[] {1, 2, 3});

        Result lenient = kbsh("--plugins", plugins.toString(), "-c", "version");
        Result strict = kbsh("--plugins", plugins.toString(), "--strict", "-c", "version");
        Result strictUsage = kbsh("--plugins", plugins.toString(), "--strict", "-c", "help a b");
        Result strictFailure = kbsh("--plugins", plugins.toString(), "--strict", "-c", "which nosuch");

        assertEquals(0, lenient.status());
        assertTrue(
                lenient.err().startsWith("kbsh: plugin not loaded: ")
                        && lenient.err().contains("broken.jar"),
                lenient.err());
        assertEquals(1, lenient.err().strip().lines().count());
        assertEquals(3, strict.status());
        assertEquals(2, strictUsage.status(), "a usage error wins over a plugin failure");
        assertEquals(3, strictFailure.status(), "a plugin failure wins over a command failure");
        Result listing = kbsh("--plugins", plugins.toString(), "-c", "plugins");
        assertTrue(listing.out().contains("1 plugin(s) failed") && listing.out().contains("broken.jar"), listing.out());
    }

    @Test
    void aCommandThatThrowsGivesOneLineWithoutDebugAndAStackTraceWithIt() {
        Path plugins = dir.resolve("plugins");
        TestPluginJar.plugin("crash", ApiVersion.BUILT_AGAINST)
                .source("Crash", """
                        public class Crash implements io.kbsh.model.command.ShellCommand {
                            public String name() { return "crash"; }
                            public String description() { return "fails"; }
                            public String usage() { return "crash"; }
                            public int run(io.kbsh.model.command.CommandContext c, java.util.List<String> a) {
                                throw new IllegalStateException("disk on fire");
                            }
                        }""")
                .service("io.kbsh.model.command.ShellCommand", "Crash")
                .command("Four", "four", "\"findings\"")
                .writeTo(plugins);

        Result quiet = kbsh("--plugins", plugins.toString(), "-c", "crash");
        Result debug = kbsh("--plugins", plugins.toString(), "--debug", "-c", "crash");

        assertEquals(1, quiet.status());
        assertEquals(1, quiet.err().strip().lines().count(), quiet.err());
        assertTrue(quiet.err().contains("disk on fire") && !quiet.err().contains("\tat "), quiet.err());
        assertEquals(1, debug.status());
        assertTrue(debug.err().contains("\tat "), "--debug shows the stack trace");
    }

    private static boolean isOnClassPath(String className) {
        try {
            Class.forName(className);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    @Test
    void controlCharactersInAFileAndAnEnvironmentReachTheTerminalEscaped() throws Exception {
        Path ini = dir.resolve("Wspcfg.ini");
        Files.writeString(ini, "[Title]\r\nKey=clear\u001b[2Jscreen\u001b]0;owned\u0007\r\n", StandardCharsets.UTF_8);
        Result shown = kbsh("-c", "ini show '" + ini + "'");
        assertEquals(0, shown.status(), shown.err());
        assertFalse(shown.out().contains("\u001b") || shown.out().contains("\u0007"), shown.out());
        assertTrue(shown.out().contains("Key=clear^[[2Jscreen^[]0;owned^G"), shown.out());

        Path env = dir.resolve("site.json");
        Files.writeString(env, "{\"schemaVersion\": 1, \"organisation\": \"North\\u001b[31mwind\", \"servers\": []}");
        Result loaded = kbsh("-c", "env load '" + env + "'");
        String all = loaded.out() + loaded.err();
        assertFalse(all.contains("\u001b"), all);
        assertTrue(all.contains("North^[[31mwind"), all);
    }

    @Test
    void helpAsTheFirstWordIsHelpNotAScriptNamedHelp() throws Exception {
        Result help = kbsh("help");
        assertEquals(0, help.status(), help.err());
        assertEquals(kbsh("--help").out(), help.out());
        assertTrue(help.out().contains("kbsh help [COMMAND [SUBCOMMAND]]"), help.out());

        Result topic = kbsh("--home", dir.resolve("h2").toString(), "help", "ini", "apply");
        assertEquals(0, topic.status(), topic.err());
        assertEquals(kbsh("-c", "help ini apply").out(), topic.out());

        Result unknown = kbsh("help", "inii");
        assertEquals(2, unknown.status());
        assertTrue(unknown.err().startsWith("help: no command named 'inii' (did you mean ini?)"), unknown.err());

        // A script that is called help still runs, written as a path.
        Files.writeString(dir.resolve("help"), "version\n");
        Result script = kbsh("./help");
        assertEquals(0, script.status(), script.err());
        assertTrue(script.out().startsWith("kbsh "), script.out());
    }

    @Test
    void helpOptionOnEveryCommandAndSubcommand() {
        Result check = kbsh("-c", "check --help");
        assertEquals(0, check.status(), check.err());
        assertTrue(check.out().startsWith("check - "), check.out());
        assertTrue(check.out().contains("  --fail-on SEVERITY"), check.out());
        assertEquals(check.out(), kbsh("-c", "check -h").out());
        assertEquals(check.out(), kbsh("-c", "help check").out());

        Result show = kbsh("-c", "ini show -h");
        assertTrue(show.out().startsWith("ini show - "), show.out());
        assertTrue(show.out().contains("  ini show FILE"), show.out());
        assertFalse(show.out().contains("ini apply") || show.out().contains("--yes"), show.out());
    }

    @Test
    void aMissingArgumentPrintsTheUsageLine() {
        Result r = kbsh("-c", "show");
        assertEquals(2, r.status());
        List<String> lines = r.err().lines().toList();
        assertEquals("show: missing argument QNNNNNN", lines.get(0));
        assertTrue(lines.get(1).startsWith("usage: show "), r.err());

        Result sub = kbsh("-c", "ini get");
        List<String> subLines = sub.err().lines().toList();
        assertEquals(2, subLines.size(), sub.err());
        assertTrue(subLines.get(1).startsWith("usage: ini get FILE SECTION KEY"), sub.err());
    }

    @Test
    void mistypedCommandsSubcommandsAndOptionsGetASuggestion() {
        assertEquals(
                "kbsh: unknown command 'chekc' (did you mean check?)",
                kbsh("-c", "chekc").err().strip());
        assertTrue(kbsh("-c", "ini shwo x.ini")
                .err()
                .lines()
                .findFirst()
                .orElseThrow()
                .contains("(did you mean show?)"));
        assertTrue(kbsh("-c", "check --fial-on error")
                .err()
                .startsWith("check: unknown option --fial-on (did you mean --fail-on?)"));
    }

    @Test
    void listingCommandsPrintVersionedJson() throws Exception {
        Path ini = dir.resolve("Mspclnt.ini");
        Files.writeString(ini, "[Common]\r\nSetupVersion=2.0\r\n[inetinfo]\r\nDisable=1\r\n");
        Path waivers = dir.resolve("waivers.json");
        Path site = Path.of(System.getProperty("user.dir")).getParent().resolve("examples/site-q254909-q187225.json");
        Result r = kbsh(
                "-c",
                "ini show '" + ini + "' --json; plugins --json; waive add Q187225 server:NWMAIL1 --until 2099-01-01"
                        + " --reason later --file '" + waivers + "'; waive list --json --file '" + waivers
                        + "'; env load '" + site
                        + "'; env show --json; env facts --json");
        assertEquals(0, r.status(), r.err());
        com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        List<com.fasterxml.jackson.databind.JsonNode> docs = new ArrayList<>();
        try (com.fasterxml.jackson.databind.MappingIterator<com.fasterxml.jackson.databind.JsonNode> it =
                mapper.readerFor(com.fasterxml.jackson.databind.JsonNode.class)
                        .readValues(
                                r.out().substring(r.out().indexOf('{')).replaceAll("(?m)^(Waived|Loaded).*$", ""))) {
            it.forEachRemaining(docs::add);
        }
        List<String> schemas = docs.stream()
                .map(d ->
                        d.get("schema").asText() + "/" + d.get("schemaVersion").asInt())
                .toList();
        assertEquals(
                List.of(
                        "kbsh.ini-document/1",
                        "kbsh.plugins/1",
                        "kbsh.waivers/1",
                        "kbsh.environment-view/2",
                        "kbsh.facts/1"),
                schemas,
                r.out());
        assertEquals(
                "Disable",
                docs.get(0)
                        .get("sections")
                        .get(1)
                        .get("entries")
                        .get(0)
                        .get("key")
                        .asText());
        assertEquals("Q187225", docs.get(2).get("waivers").get(0).get("article").asText());
        assertEquals(
                "NWMAIL1",
                docs.get(3).get("environment").get("servers").get(0).get("id").asText());
        assertTrue(docs.get(4).get("facts").isArray());
    }
}
