package io.kbsh.shell.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kbsh.model.command.CommandContext;
import io.kbsh.model.command.OptionSpec;
import io.kbsh.model.command.ShellCommand;
import io.kbsh.model.command.UsageException;
import io.kbsh.model.command.ValueKind;
import io.kbsh.shell.exec.CommandRegistry;
import io.kbsh.shell.plugin.PluginSet;
import io.kbsh.testkit.RecordingContext;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HelpCommandTest {

    @TempDir
    Path dir;

    private static final class Fetch implements ShellCommand {
        public String name() {
            return "fetch";
        }

        public String description() {
            return "fetch things";
        }

        public String usage() {
            return "fetch [--limit N] WHAT\nfetch --file FILE";
        }

        public List<OptionSpec> options() {
            return List.of(
                    OptionSpec.value("limit", ValueKind.TEXT, "how many"),
                    OptionSpec.value("file", ValueKind.FILE, "from a file"),
                    OptionSpec.repeatable("max-age", ValueKind.TEXT, "how old"),
                    OptionSpec.flag("yes", "do not ask"));
        }

        public int run(CommandContext c, List<String> a) {
            return 0;
        }
    }

    private final CommandRegistry registry =
            CommandRegistry.build(List.of(new Fetch(), new VersionCommand()), PluginSet.empty());
    private final HelpCommand help = new HelpCommand(() -> registry);

    @Test
    void listsEveryCommandWithItsDescription() throws Exception {
        RecordingContext c = new RecordingContext(dir);
        help.run(c, List.of());
        assertTrue(c.output().contains("  fetch    fetch things"), c.output());
        assertTrue(c.output().contains("  version  show the kbsh, API and Java versions"), c.output());
    }

    @Test
    void showsUsageLinesAndOptionsWithTheirValueNames() throws Exception {
        RecordingContext c = new RecordingContext(dir);
        help.run(c, List.of("fetch"));
        List<String> lines = c.output().lines().toList();
        assertEquals("fetch - fetch things", lines.get(0));
        assertTrue(
                lines.contains("  fetch [--limit N] WHAT") && lines.contains("  fetch --file FILE"), lines.toString());
        // The placeholder is the one the usage lines use, not one made up from the option's name.
        assertTrue(
                lines.stream().anyMatch(l -> l.startsWith("  --limit N ") && l.endsWith("how many")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("  --file FILE ")), lines.toString());
        assertTrue(
                lines.stream().anyMatch(l -> l.startsWith("  --max-age MAX_AGE ") && l.endsWith("(repeatable)")),
                lines.toString());
        assertTrue(
                lines.stream().anyMatch(l -> l.startsWith("  --yes ") && l.endsWith("do not ask")), lines.toString());
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        UsageException e =
                assertThrows(UsageException.class, () -> help.run(new RecordingContext(dir), List.of("nope")));
        assertEquals("no command named 'nope'", e.getMessage());
        UsageException typo =
                assertThrows(UsageException.class, () -> help.run(new RecordingContext(dir), List.of("fecth")));
        assertEquals("no command named 'fecth' (did you mean fetch?)", typo.getMessage());
    }

    private static final class Store implements ShellCommand {
        public String name() {
            return "store";
        }

        public String description() {
            return "keep things";
        }

        public String usage() {
            return "store put KEY VALUE [--ttl SECONDS]  remember a value\n"
                    + "store list [--json]\n"
                    + "store drop KEY [--force]";
        }

        public List<String> subcommands() {
            return List.of("put", "list", "drop");
        }

        public List<String> examples() {
            return List.of("store put colour blue --ttl 60", "store list --json");
        }

        public List<OptionSpec> options() {
            return List.of(
                    OptionSpec.value("ttl", ValueKind.TEXT, "how long"),
                    OptionSpec.flag("json", "as JSON"),
                    OptionSpec.flag("force", "even when in use"),
                    OptionSpec.flag("quiet", "say nothing"));
        }

        public int run(CommandContext c, List<String> a) {
            return 0;
        }
    }

    @Test
    void aSubcommandsHelpShowsItsOwnUsageOptionsAndExamples() throws Exception {
        CommandRegistry withStore = CommandRegistry.build(List.of(new Store()), PluginSet.empty());
        RecordingContext c = new RecordingContext(dir);
        new HelpCommand(() -> withStore).run(c, List.of("store", "put"));
        String text = c.output();
        assertTrue(text.startsWith("store put - remember a value\n"), text);
        assertTrue(text.contains("  store put KEY VALUE [--ttl SECONDS]\n"), text);
        assertFalse(text.contains("store list"), text);
        assertTrue(text.contains("  --ttl SECONDS"), text);
        assertTrue(text.contains("  --quiet"), "an option no usage line names applies to every sub-command: " + text);
        assertFalse(text.contains("--force") || text.contains("--json"), text);
        assertTrue(text.contains("Examples:\n  store put colour blue --ttl 60\n"), text);

        RecordingContext whole = new RecordingContext(dir);
        new HelpCommand(() -> withStore).run(whole, List.of("store"));
        assertTrue(
                whole.output()
                        .contains(
                                "Sub-commands (store SUB --help for one):\n  put   remember a value\n  list  [--json]\n"),
                whole.output());
        UsageException e = assertThrows(
                UsageException.class,
                () -> new HelpCommand(() -> withStore).run(new RecordingContext(dir), List.of("store", "lsit")));
        assertTrue(e.getMessage().contains("(did you mean list?)"), e.getMessage());
    }
}
