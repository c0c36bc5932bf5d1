package io.kbsh.shell.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kbsh.model.article.ArticleId;
import io.kbsh.model.article.ArticleStore;
import io.kbsh.model.command.CommandContext;
import io.kbsh.model.command.OptionSpec;
import io.kbsh.model.command.ShellCommand;
import io.kbsh.model.command.ValueKind;
import io.kbsh.shell.exec.CommandRegistry;
import io.kbsh.shell.plugin.PluginSet;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jline.reader.Candidate;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.Mockito;

/** Completion through the real JLine parser and completer, on a dumb terminal. */
class KbshCompleterTest {

    @TempDir
    Path dir;

    private Terminal terminal;
    private LineReader reader;
    private KbshCompleter completer;
    private final KbshParser parser = new KbshParser();

    /** A command with sub-commands, options of each kind and article arguments. */
    private static final class Demo implements ShellCommand {
        public String name() {
            return "ini";
        }

        public String description() {
            return "demo";
        }

        public String usage() {
            return "ini ...";
        }

        public List<String> subcommands() {
            return List.of("show", "get", "plan");
        }

        public List<OptionSpec> options() {
            return List.of(
                    OptionSpec.value("file", ValueKind.FILE, "f"),
                    OptionSpec.flag("yes", "y"),
                    OptionSpec.value("writer", ValueKind.TEXT, "w"));
        }

        public ValueKind argumentKind(List<String> preceding) {
            return preceding.get(0).equals("plan") ? ValueKind.ARTICLE : ValueKind.FILE;
        }

        public int run(CommandContext c, List<String> a) {
            return 0;
        }
    }

    /** Sub-commands with their own options in their usage lines, options with shell-wide values. */
    private static final class Waive implements ShellCommand {
        public String name() {
            return "waive";
        }

        public String description() {
            return "demo";
        }

        public String usage() {
            return "waive add ARTICLE KIND:ID --until YYYY-MM-DD [--fail-on SEVERITY]  accept a finding\n"
                    + "waive list [--json]\nwaive remove ARTICLE KIND:ID [--object KIND:ID]";
        }

        public List<String> subcommands() {
            return List.of("add", "list", "remove");
        }

        public List<OptionSpec> options() {
            return List.of(
                    OptionSpec.value("until", ValueKind.TEXT, "u"),
                    OptionSpec.flag("json", "j"),
                    OptionSpec.value("fail-on", ValueKind.TEXT, "f"),
                    OptionSpec.value("object", ValueKind.TEXT, "o"),
                    OptionSpec.value("file", ValueKind.FILE, "every sub-command"));
        }

        public ValueKind argumentKind(List<String> preceding) {
            return preceding.size() == 1 ? ValueKind.ARTICLE : ValueKind.TEXT;
        }

        public int run(CommandContext c, List<String> a) {
            return 0;
        }
    }

    private List<Candidate> candidates(String line) {
        ParsedLine parsed = parser.parse(line, line.length(), Parser.ParseContext.COMPLETE);
        List<Candidate> candidates = new ArrayList<>();
        completer.complete(reader, parsed, candidates);
        return candidates;
    }

    @Test
    void onlyTheOptionsOfTheSubcommandTypedAreOffered() {
        assertEquals(List.of("--file", "--json"), complete("waive list --"));
        assertEquals(List.of("--fail-on", "--file", "--until"), complete("waive add Q1 server:X --"));
    }

    @Test
    void subcommandsComeWithWhatTheyDo() {
        Candidate add = candidates("waive ").stream()
                .filter(c -> c.value().equals("add"))
                .findFirst()
                .orElseThrow();
        assertEquals("accept a finding", add.descr());
    }

    @Test
    void optionValuesKbshKnows() {
        assertEquals(List.of("critical", "error", "info", "warning"), complete("waive add Q1 s:x --fail-on "));
        assertEquals(List.of("connector:x400-hq-plant", "server:NWMAIL1"), complete("waive remove Q1 s:x --object "));
    }

    @Test
    void articlesWithAChecksComeFirstWithTheirTitles() {
        List<Candidate> offered = candidates("waive add Q2");
        assertEquals("Q254909", offered.get(0).value());
        assertEquals("WinSock Proxy client captures the MTA", offered.get(0).descr());
        assertEquals("articles with a check", offered.get(0).group());
        assertEquals(
                List.of("Q200001", "Q254909"),
                offered.stream().map(Candidate::value).sorted().toList(),
                "each id once");
    }

    @BeforeEach
    void setUp() throws Exception {
        // Never the system terminal: Surefire talks to the test JVM over its standard input.
        terminal = new DumbTerminal(
                "test", "dumb", InputStream.nullInputStream(), OutputStream.nullOutputStream(), StandardCharsets.UTF_8);
        ArticleStore store = Mockito.mock(ArticleStore.class);
        Mockito.when(store.idsStartingWith("Q1870", 200))
                .thenReturn(List.of(new ArticleId(187025), new ArticleId(187030)));
        CommandContext context = Mockito.mock(CommandContext.class);
        Mockito.when(context.articles()).thenReturn(store);
        Mockito.when(store.idsStartingWith("Q2", 200))
                .thenReturn(List.of(new ArticleId(254909), new ArticleId(200001)));
        Mockito.when(store.find(new ArticleId(200001))).thenReturn(Optional.empty());
        io.kbsh.rules.ArticleCheck check = Mockito.mock(io.kbsh.rules.ArticleCheck.class);
        Mockito.when(check.article())
                .thenReturn(new io.kbsh.model.article.ArticleBrief(
                        new ArticleId(254909), "WinSock Proxy client captures the MTA", List.of(), "s"));
        CommandRegistry registry = CommandRegistry.build(
                List.of(new Demo(), new Waive(), new io.kbsh.shell.builtin.VersionCommand()), PluginSet.empty());
        completer = new KbshCompleter(
                registry,
                () -> context,
                new CompletionSources(
                        () -> List.of("server:NWMAIL1", "connector:x400-hq-plant"), () -> List.of(check)));
        reader = LineReaderBuilder.builder().terminal(terminal).parser(parser).build();
    }

    @AfterEach
    void tearDown() throws Exception {
        terminal.close();
    }

    private List<String> complete(String line) {
        ParsedLine parsed = parser.parse(line, line.length(), Parser.ParseContext.COMPLETE);
        List<Candidate> candidates = new ArrayList<>();
        completer.complete(reader, parsed, candidates);
        return candidates.stream().map(Candidate::value).sorted().toList();
    }

    @Test
    void completesCommandNamesInTheFirstWordOfEachCommand() {
        assertEquals(List.of("ini", "version", "waive"), complete(""));
        assertEquals(List.of("ini", "version", "waive"), complete("version; "));
    }

    @Test
    void completesSubcommandsThenOptions() {
        assertEquals(List.of("get", "plan", "show"), complete("ini "));
        assertEquals(List.of("--file", "--writer", "--yes"), complete("ini show --"));
    }

    @Test
    void completesFileNamesWhereAFileIsExpected() throws Exception {
        Files.createFile(dir.resolve("Wspcfg.ini"));
        String prefix = dir.resolve("Wsp").toString();
        assertEquals(List.of(dir.resolve("Wspcfg.ini").toString()), complete("ini show " + prefix));
        assertEquals(List.of(dir.resolve("Wspcfg.ini").toString()), complete("ini plan q1 --file " + prefix));
    }

    @Test
    void completesArticleIdsFromTheStore() {
        assertEquals(List.of("Q187025", "Q187030"), complete("ini plan Q1870"));
    }

    @Test
    void candidatesWithSpacesAreQuoted() {
        assertEquals("\"C:\\Program Files\\x.ini\"", KbshParser.quoteIfNeeded("C:\\Program Files\\x.ini"));
        assertEquals("'say \"hi\"'", KbshParser.quoteIfNeeded("say \"hi\""));
        assertEquals("plain", KbshParser.quoteIfNeeded("plain"));
    }
}
