package io.kbsh.shell.builtin;

import io.kbsh.model.command.CommandContext;
import io.kbsh.model.command.ExitStatus;
import io.kbsh.model.command.ShellCommand;
import io.kbsh.model.command.Suggestions;
import io.kbsh.model.command.UsageException;
import io.kbsh.shell.exec.CommandRegistry;
import io.kbsh.shell.help.CommandSyntax;
import io.kbsh.shell.help.HelpText;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;

/**
 * {@code help} lists the commands; {@code help NAME [SUB]} shows one command's (or sub-command's) usage,
 * options and examples, generated from what the command declares ({@link HelpText}).
 */
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
        return "help [COMMAND [SUBCOMMAND]]";
    }

    @Override
    public List<String> examples() {
        return List.of("help check", "help ini apply", "check --help");
    }

    @Override
    public List<String> candidates(CommandContext context, List<String> precedingWords) {
        if (precedingWords.isEmpty()) {
            return registry.get().names();
        }
        if (precedingWords.size() == 1) {
            return registry.get()
                    .find(precedingWords.get(0))
                    .map(e -> e.command().subcommands())
                    .orElse(List.of());
        }
        return List.of();
    }

    @Override
    public int run(CommandContext context, List<String> arguments) throws UsageException {
        PrintWriter out = context.out();
        if (arguments.isEmpty()) {
            int width = registry.get().names().stream()
                    .mapToInt(String::length)
                    .max()
                    .orElse(8);
            out.println("Commands (help COMMAND, or COMMAND --help, for details):");
            for (CommandRegistry.Entry e : registry.get().all()) {
                String origin = e.plugin().isPresent() ? "  [" + e.origin() + "]" : "";
                out.printf(
                        "  %-" + width + "s  %s%s%n",
                        e.command().name(),
                        e.command().description(),
                        origin);
            }
            return ExitStatus.OK;
        }
        if (arguments.size() > 2) {
            throw new UsageException("help takes a command name and at most one sub-command");
        }
        String name = arguments.get(0);
        ShellCommand command = registry.get()
                .find(name)
                .orElseThrow(() -> new UsageException("no command named '" + name + "'"
                        + Suggestions.didYouMean(name, registry.get().names())))
                .command();
        CommandSyntax syntax = CommandSyntax.of(command);
        Optional<String> sub = Optional.empty();
        if (arguments.size() == 2) {
            String word = arguments.get(1);
            sub = syntax.subcommand(word);
            if (sub.isEmpty()) {
                throw new UsageException(
                        command.subcommands().isEmpty()
                                ? name + " has no sub-commands"
                                : "no sub-command '" + word + "' of " + name
                                        + Suggestions.didYouMean(word, command.subcommands()) + "; it has "
                                        + String.join(", ", command.subcommands()));
            }
        }
        out.print(HelpText.of(syntax, sub));
        out.flush();
        return ExitStatus.OK;
    }
}
