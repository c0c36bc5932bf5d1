package io.kbsh.shell.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kbsh.model.command.CommandContext;
import io.kbsh.model.command.OptionSpec;
import io.kbsh.model.command.ShellCommand;
import io.kbsh.model.command.UsageException;
import io.kbsh.model.command.ValueKind;
import io.kbsh.shell.RecordingContext;
import io.kbsh.shell.exec.CommandRegistry;
import io.kbsh.shell.plugin.PluginSet;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HelpCommandTest {

    @TempDir
    Path dir;

    private static final class Fetch implements ShellCommand {
        public String name() { return "fetch"; }
        public String description() { return "fetch things"; }
        public String usage() { return "fetch [--limit N] WHAT\nfetch --file FILE"; }
        public List<OptionSpec> options() {
            return List.of(OptionSpec.value("limit", ValueKind.TEXT, "how many"),
                    OptionSpec.value("file", ValueKind.FILE, "from a file"),
                    OptionSpec.repeatable("max-age", ValueKind.TEXT, "how old"),
                    OptionSpec.flag("yes", "do not ask"));
        }
        public int run(CommandContext c, List<String> a) { return 0; }
    }

    private final CommandRegistry registry = CommandRegistry.build(List.of(new Fetch(), new VersionCommand()), PluginSet.empty());
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
        assertTrue(lines.contains("  fetch [--limit N] WHAT") && lines.contains("  fetch --file FILE"), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("  --limit LIMIT ") && l.endsWith("how many")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("  --file FILE ")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("  --max-age MAX_AGE ") && l.endsWith("(repeatable)")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("  --yes ") && l.endsWith("do not ask")), lines.toString());
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        UsageException e = assertThrows(UsageException.class, () -> help.run(new RecordingContext(dir), List.of("nope")));
        assertEquals("no command named 'nope'", e.getMessage());
    }
}
