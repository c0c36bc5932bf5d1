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
        public String name() { return "ini"; }
        public String description() { return "demo"; }
        public String usage() { return "ini ..."; }
        public List<String> subcommands() { return List.of("show", "get", "plan"); }
        public List<OptionSpec> options() {
            return List.of(OptionSpec.value("file", ValueKind.FILE, "f"), OptionSpec.flag("yes", "y"),
                    OptionSpec.value("writer", ValueKind.TEXT, "w"));
        }
        public ValueKind argumentKind(List<String> preceding) {
            return preceding.get(0).equals("plan") ? ValueKind.ARTICLE : ValueKind.FILE;
        }
        public int run(CommandContext c, List<String> a) { return 0; }
    }

    @BeforeEach
    void setUp() throws Exception {
        // Never the system terminal: Surefire talks to the test JVM over its standard input.
        terminal = new DumbTerminal("test", "dumb", InputStream.nullInputStream(), OutputStream.nullOutputStream(),
                StandardCharsets.UTF_8);
        ArticleStore store = Mockito.mock(ArticleStore.class);
        Mockito.when(store.idsStartingWith("Q1870", 200)).thenReturn(List.of(new ArticleId(187025), new ArticleId(187030)));
        CommandContext context = Mockito.mock(CommandContext.class);
        Mockito.when(context.articles()).thenReturn(store);
        CommandRegistry registry = CommandRegistry.build(List.of(new Demo(), new io.kbsh.shell.builtin.VersionCommand()), PluginSet.empty());
        completer = new KbshCompleter(registry, () -> context);
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
        assertEquals(List.of("ini", "version"), complete(""));
        assertEquals(List.of("ini", "version"), complete("version; "));
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
