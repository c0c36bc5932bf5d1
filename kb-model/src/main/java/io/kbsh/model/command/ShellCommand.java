package io.kbsh.model.command;

import java.util.List;

/**
 * A command of the kbsh shell, in plain Java: the shell (JLine, Guice) is never visible to it.
 *
 * <p>Built-in commands and plugin commands implement the same interface; a plugin lists its commands in
 * {@code META-INF/services/io.kbsh.model.command.ShellCommand}. Command names are unique across the shell:
 * a second command with a taken name is reported and refused, never silently replaces the first.
 *
 * @since 2.0
 */
public interface ShellCommand {

    /** The word that runs the command, e.g. {@code ini}; lower case letters, digits and dashes. */
    String name();

    /** One line for the command list of {@code help}. */
    String description();

    /** Synopsis lines for {@code help NAME}, e.g. {@code ini get FILE SECTION KEY}. */
    String usage();

    /**
     * Command lines that show the command at work, one each, for {@code help NAME} and {@code NAME --help};
     * each may end with two spaces and what it does (as {@code usage} lines may).
     *
     * @since 2.1
     */
    default List<String> examples() {
        return List.of();
    }

    /** Sub-command words offered by completion right after the command name (e.g. {@code show}, {@code get}). */
    default List<String> subcommands() {
        return List.of();
    }

    /** The options the command understands, for parsing ({@link Arguments}), help and completion. */
    default List<OptionSpec> options() {
        return List.of();
    }

    /**
     * What kind of value the next positional argument is, given the words typed so far after the command
     * name; the shell completes file names, article ids or {@link #candidates} accordingly.
     */
    default ValueKind argumentKind(List<String> precedingWords) {
        return ValueKind.TEXT;
    }

    /** Completion candidates for a {@link ValueKind#TEXT} argument; empty when the command has none to offer. */
    default List<String> candidates(CommandContext context, List<String> precedingWords) {
        return List.of();
    }

    /**
     * Completion candidates for the value of option {@code option} (its name, without dashes), given the
     * positional words typed after the command name: the parameter names of the writer or probe typed
     * before {@code --param}, say. A candidate that ends in {@code =} or {@code :} is a prefix the person
     * goes on typing; one of the form {@code NAME=VALUE} is offered once {@code NAME=} is typed. Empty
     * (the default) leaves the option's {@link OptionSpec#kind() kind} to decide.
     *
     * @since 2.1
     */
    default List<String> optionCandidates(CommandContext context, String option, List<String> precedingWords) {
        return List.of();
    }

    /**
     * Runs the command. Returns an exit status ({@link ExitStatus}); throws {@link UsageException} for bad
     * arguments and {@link CommandException} for a failure that one line explains. Long-running commands
     * should check {@link Thread#interrupted()}: Ctrl-C interrupts the thread that runs them.
     */
    int run(CommandContext context, List<String> arguments) throws CommandException;
}
