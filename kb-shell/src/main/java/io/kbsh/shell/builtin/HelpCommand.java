package io.kbsh.shell.builtin;

import io.kbsh.model.command.CommandContext;
import io.kbsh.model.command.ExitStatus;
import io.kbsh.model.command.OptionSpec;
import io.kbsh.model.command.ShellCommand;
import io.kbsh.model.command.UsageException;
import io.kbsh.shell.exec.CommandRegistry;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.io.PrintWriter;
import java.util.List;

/** {@code help} lists the commands; {@code help NAME} shows one command's usage and options. */
public final class HelpCommand implements ShellCommand {

    private final Provider<CommandRegistry> registry;

    @Inject
    HelpCommand(Provider<CommandRegistry> registry) {
        this.registry = registry;
    }

    @Override
    public String name() {
        return "help";
    }

    @Override
    public String description() {
        return "list the commands, or show how to use one";
    }

    @Override
    public String usage() {
        return "help [COMMAND]";
    }

    @Override
    public List<String> candidates(CommandContext context, List<String> precedingWords) {
        return precedingWords.isEmpty() ? registry.get().names() : List.of();
    }

    @Override
    public int run(CommandContext context, List<String> arguments) throws UsageException {
        PrintWriter out = context.out();
        if (arguments.isEmpty()) {
            int width = registry.get().names().stream().mapToInt(String::length).max().orElse(8);
            out.println("Commands (help COMMAND for details):");
            for (CommandRegistry.Entry e : registry.get().all()) {
                String origin = e.plugin().isPresent() ? "  [" + e.origin() + "]" : "";
                out.printf("  %-" + width + "s  %s%s%n", e.command().name(), e.command().description(), origin);
            }
            return ExitStatus.OK;
        }
        if (arguments.size() > 1) {
            throw new UsageException("help takes one command name");
        }
        ShellCommand command = registry.get().find(arguments.get(0))
                .orElseThrow(() -> new UsageException("no command named '" + arguments.get(0) + "'"))
                .command();
        out.println(command.name() + " - " + command.description());
        out.println("Usage:");
        command.usage().lines().forEach(line -> out.println("  " + line));
        if (!command.options().isEmpty()) {
            out.println("Options:");
            for (OptionSpec o : command.options()) {
                String spelling = o.spelling() + (o.takesValue() ? " " + valueName(o) : "");
                out.printf("  %-22s %s%s%n", spelling, o.description(), o.repeatable() ? " (repeatable)" : "");
            }
        }
        return ExitStatus.OK;
    }

    /** How an option's value is shown: {@code --file FILE}, {@code --limit LIMIT}, {@code --param PARAM}. */
    private static String valueName(OptionSpec o) {
        return switch (o.kind()) {
            case FILE -> "FILE";
            case ARTICLE -> "QNNNNNN";
            default -> o.name().toUpperCase(java.util.Locale.ROOT).replace('-', '_');
        };
    }
}
