package io.kbsh.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kbsh.shell.testing.PackagedKbsh;
import io.kbsh.shell.testing.PseudoTerminal;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kbsh at the OS prompt, from the packaged distribution: {@code kbsh help}, the manual page (read by the
 * real {@code man} and {@code groff}) and the bash and zsh completion scripts, typed at with Tab in a real
 * bash and zsh on a pseudo-terminal. Each also checks the files against {@code kbsh --help}, so that an
 * option added to kbsh and not to them fails here.
 */
class OutsideTheShellIT {

    private static final Path DIST = PackagedKbsh.DIST;
    private static final Path MAN = DIST.resolve("share/man/man1/kbsh.1");
    private static final Path BASH = DIST.resolve("share/bash-completion/completions/kbsh");
    private static final Path ZSH = DIST.resolve("share/zsh/site-functions/_kbsh");
    /** An option line of {@code kbsh --help}: two spaces, then the option. */
    private static final Pattern OPTION_LINE = Pattern.compile("(?m)^  (-[-a-z]+)");

    @TempDir
    Path dir;

    private String usage;

    @BeforeEach
    void usage() throws Exception {
        usage = run(List.of(DIST.resolve("bin/kbsh").toString(), "--help")).out();
    }

    private List<String> options() {
        List<String> options = new ArrayList<>();
        Matcher m = OPTION_LINE.matcher(usage);
        while (m.find()) {
            options.add(m.group(1));
        }
        assertTrue(options.size() >= 9 && options.contains("--home") && options.contains("-c"), usage);
        return options;
    }

    @Test
    void helpAtTheOsPromptIsHelpNotAScript() throws Exception {
        Result help = kbsh("help");
        assertEquals(0, help.status(), help.err());
        assertEquals(usage, help.out());
        assertTrue(help.out().startsWith("Usage: kbsh"), help.out());
        assertEquals("", help.err());

        Result topic = kbsh("help", "ini", "apply");
        assertEquals(0, topic.status(), topic.err());
        assertEquals(kbsh("-c", "help ini apply").out(), topic.out());
        assertTrue(topic.out().contains("--file"), topic.out());

        Result plugin = kbsh("help", "exchange-ports");
        assertEquals(0, plugin.status(), "a bundled plugin's command has help too: " + plugin.err());

        Result unknown = kbsh("help", "chek");
        assertEquals(2, unknown.status());
        assertTrue(unknown.err().startsWith("help: no command named 'chek' (did you mean check?)\n"), unknown.err());
        assertFalse(unknown.err().contains("Exception"), unknown.err());
    }

    @Test
    void theManualPageReadsCleanlyInManAndHoldsEveryOptionAndCommand() throws Exception {
        String source = Files.readString(MAN);
        assertFalse(source.contains("${"), "the build filled in the version");
        assertTrue(
                source.contains("\"kbsh " + System.getProperty("kbsh.version") + "\""),
                source.lines().limit(6).toList().toString());
        assumeTrue(
                onPath("groff") && onPath("man"), "groff and man (man-db) are needed to read the page; not installed");

        Result groff = run(List.of("groff", "-man", "-ww", "-z", "-Tutf8", MAN.toString()));
        assertEquals(0, groff.status(), groff.err());
        assertEquals("", groff.err(), "groff warns about nothing");

        Result man = run(
                List.of("man", "--warnings", "-l", MAN.toString()),
                Map.of("MANWIDTH", "80", "MANPAGER", "cat", "PAGER", "cat", "LC_ALL", "C.UTF-8"));
        assertEquals(0, man.status(), man.err());
        assertEquals("", man.err());
        // Plain text: man leaves out bold and underline when its output is not a terminal, col -b style.
        String page = man.out().replaceAll(".\b", "");
        for (String heading : List.of(
                "NAME",
                "SYNOPSIS",
                "DESCRIPTION",
                "OPTIONS",
                "COMMANDS",
                "ENVIRONMENT",
                "FILES",
                "EXIT STATUS",
                "EXAMPLES",
                "SEE ALSO")) {
            assertTrue(page.contains("\n" + heading + "\n"), heading + " missing:\n" + page);
        }
        page.lines().forEach(line -> assertTrue(line.length() <= 80, "wider than 80 columns: " + line));
        String optionsSection = section(page, "OPTIONS", "COMMANDS");
        for (String option : options()) {
            assertTrue(
                    Pattern.compile("(?m)^ {7}" + Pattern.quote(option) + "\\b")
                            .matcher(optionsSection)
                            .find(),
                    option + " is not described under OPTIONS:\n" + optionsSection);
        }
        String commandsSection = section(page, "COMMANDS", "WORDS AND QUOTES");
        for (String command : builtInCommands()) {
            assertTrue(
                    Pattern.compile("(?m)^ {7}(\\S+, )?" + Pattern.quote(command) + "\\b")
                            .matcher(commandsSection)
                            .find(),
                    "the built-in command " + command + " is not under COMMANDS:\n" + commandsSection);
        }
        for (String variable : List.of("KBSH_HOME", "NO_COLOR", "JAVA_HOME", "KBSH_JAVA_OPTS", "KBSH_NO_CDS")) {
            assertTrue(section(page, "ENVIRONMENT", "FILES").contains(variable), variable);
        }
    }

    @Test
    void bashCompletesKbshsOptionsDirectoriesAndScripts() throws Exception {
        String script = Files.readString(BASH);
        for (String option : options()) {
            assertTrue(
                    script.contains(" " + option + " ")
                            || script.contains("'" + option + " ")
                            || script.contains(" " + option + "'"),
                    "the bash script offers " + option);
        }
        Files.createDirectories(dir.resolve("work/alpha"));
        Files.createDirectories(dir.resolve("work/plugins-extra"));
        Files.writeString(dir.resolve("work/site-check.kbsh"), "version\n");
        Files.writeString(dir.resolve("work/site-notes.txt"), "not a script\n");
        try (PseudoTerminal bash = PseudoTerminal.start(
                100,
                30,
                "xterm-256color",
                dir.resolve("work"),
                Map.of("PS1", "$ ", "HISTFILE", dir.resolve("bash-history").toString()),
                List.of("bash", "--norc", "--noprofile", "-i"))) {
            bash.await("$ ");
            bash.type("source '" + BASH.toAbsolutePath() + "'; echo sourced-$?\r")
                    .await("sourced-0");

            bash.awaitAnother("kbsh --home ", () -> bash.typeKeyByKey("kbsh --ho\t"));
            bash.awaitAnother("kbsh --home alpha/", () -> bash.typeKeyByKey("al\t"));
            bash.type("\u0015");
            bash.awaitAnother("--plugins alpha/", () -> bash.typeKeyByKey("kbsh --plugins a\t"));
            bash.type("\u0015");
            // A script: the .kbsh file, never the text file beside it.
            bash.awaitAnother("kbsh site-check.kbsh ", () -> bash.typeKeyByKey("kbsh si\t"));
            bash.type("\u0015");
            bash.awaitAnother("kbsh --strict --debug", () -> bash.typeKeyByKey("kbsh --st\t--de\t"));
            bash.type("\u0015");
            bash.awaitAnother("kbsh help", () -> bash.typeKeyByKey("kbsh he\t"));
            bash.type("\u0015exit\r");
            assertEquals(0, bash.exitStatus());
            assertFalse(bash.text().contains("site-notes.txt"), bash.text());
            assertFalse(bash.text().contains("command not found"), bash.text());
        }
    }

    @Test
    void zshCompletesKbshsOptionsWithWhatEachDoes() throws Exception {
        String script = Files.readString(ZSH);
        for (String option : options()) {
            assertTrue(
                    script.contains(option + "[") || script.contains(option + "}'["),
                    "the zsh script offers " + option);
        }
        assumeTrue(onPath("zsh"), "zsh is not installed (.ci/run installs Debian's zsh where it can)");
        Files.createDirectories(dir.resolve("work/alpha"));
        Files.writeString(dir.resolve("work/site-check.kbsh"), "version\n");
        Files.writeString(dir.resolve("work/site-notes.txt"), "not a script\n");
        try (PseudoTerminal zsh = PseudoTerminal.start(
                100,
                30,
                "xterm-256color",
                dir.resolve("work"),
                Map.of("HOME", dir.toString(), "PS1", "%% "),
                List.of("zsh", "-f", "-i"))) {
            zsh.await("% ");
            zsh.type("PS1='%% '; fpath=('" + ZSH.getParent().toAbsolutePath() + "' $fpath); autoload -Uz compinit;"
                            + " compinit -u -D; echo ready-$?\r")
                    .await("ready-0");
            // The list of options, each with what it does, as zsh shows described candidates.
            zsh.typeKeyByKey("kbsh --\t");
            zsh.await("--strict")
                    .await("exit with status 3 when any plugin fails to load")
                    .await("--no-color");
            zsh.type("\u0015");
            zsh.awaitAnother("kbsh --home alpha/", () -> zsh.typeKeyByKey("kbsh --home al\t"));
            zsh.type("\u0015");
            zsh.awaitAnother("kbsh site-check.kbsh", () -> zsh.typeKeyByKey("kbsh si\t"));
            zsh.type("\u0015exit\r");
            assertEquals(0, zsh.exitStatus());
            assertFalse(zsh.text().contains("site-notes.txt"), zsh.text());
            assertFalse(zsh.text().contains("command not found"), zsh.text());
        }
    }

    /** The built-in commands as {@code kbsh help} lists them (a plugin's carry their origin in brackets). */
    private List<String> builtInCommands() throws Exception {
        Result help = kbsh("-c", "help");
        List<String> names = help.out()
                .lines()
                .skip(1)
                .filter(l -> l.startsWith("  ") && !l.contains("  ["))
                .map(l -> l.strip().split("\\s+")[0])
                .toList();
        assertTrue(names.contains("check") && names.contains("search"), help.out());
        return names;
    }

    private static String section(String page, String from, String to) {
        int start = page.indexOf("\n" + from + "\n");
        int end = page.indexOf("\n" + to + "\n", start);
        assertTrue(start >= 0 && end > start, from + " .. " + to);
        return page.substring(start, end);
    }

    private Result kbsh(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                DIST.resolve("bin/kbsh").toString(),
                "--home",
                dir.resolve("home").toString()));
        command.addAll(List.of(args));
        return run(command);
    }

    record Result(int status, String out, String err) {}

    private Result run(List<String> command) throws Exception {
        return run(command, Map.of());
    }

    private Result run(List<String> command, Map<String, String> environment) throws Exception {
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().putAll(environment);
        Process p = builder.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), String.join(" ", command) + " did not finish");
        return new Result(
                p.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private static boolean onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(path.split(File.pathSeparator)).anyMatch(d -> Files.isExecutable(Path.of(d, program)));
    }
}
