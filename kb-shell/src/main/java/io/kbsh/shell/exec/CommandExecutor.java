package io.kbsh.shell.exec;

import io.kbsh.model.command.CommandException;
import io.kbsh.model.command.ExitStatus;
import io.kbsh.model.command.ShellCommand;
import io.kbsh.model.command.Suggestions;
import io.kbsh.model.command.UsageException;
import io.kbsh.shell.help.CommandSyntax;
import io.kbsh.shell.help.HelpText;
import io.kbsh.shell.plugin.PluginCalls;
import io.kbsh.shell.plugin.PluginError;
import io.kbsh.shell.plugin.PluginFaults;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;

/**
 * Runs command lines: splits them, finds each command, runs it with the plugin's class loader as context
 * loader, and turns every failure into one line on stderr (the stack trace only under {@code --debug}).
 */
public final class CommandExecutor {

    private final CommandRegistry registry;
    private final ShellContext context;
    /** Where the line being run comes from ({@code script.kbsh:12}), prefixed to its error lines. */
    private String location = "";

    public CommandExecutor(CommandRegistry registry, ShellContext context) {
        this.registry = registry;
        this.context = context;
    }

    public CommandRegistry registry() {
        return registry;
    }

    /**
     * Runs every command of {@code line} in turn, even after one fails, and returns their statuses
     * combined by {@link ExitStatus#combine}. {@code exit} ends the line (and the shell) by throwing
     * {@link ExitRequest}.
     */
    public int execute(String line) {
        return execute(line, null);
    }

    /**
     * Runs {@code line} as {@link #execute(String)} does; {@code where} (such as {@code checks.kbsh:12})
     * starts every error line it causes, so that a failing script names its line.
     */
    public int execute(String line, String where) {
        location = where == null ? "" : where + ": ";
        try {
            return executeLine(line);
        } finally {
            location = "";
        }
    }

    private int executeLine(String line) {
        List<List<String>> commands;
        try {
            commands = CommandLineSplitter.commands(line);
        } catch (UsageException e) {
            report("kbsh", e);
            return e.exitStatus();
        }
        int status = ExitStatus.OK;
        for (List<String> words : commands) {
            status = ExitStatus.combine(status, run(words));
        }
        return status;
    }

    /** Runs one command given as words (the first being its name). */
    public int run(List<String> words) {
        String name = words.get(0);
        CommandRegistry.Entry entry = registry.find(name).orElse(null);
        if (entry == null) {
            String suggestion = Suggestions.closest(name, registry.names())
                    .map(s -> " (did you mean " + s + "?)")
                    .orElse(" (type help for the list)");
            context.err().println(location + "kbsh: unknown command '" + name + "'" + suggestion);
            return ExitStatus.USAGE;
        }
        ShellCommand command = entry.command();
        List<String> arguments = words.subList(1, words.size());
        CommandSyntax syntax = null;
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(command.getClass().getClassLoader());
        try {
            // The command's syntax comes from plugin code too: a failure there is reported like any other.
            syntax = CommandSyntax.of(command);
            if (asksForHelp(arguments)) {
                Optional<String> sub = arguments.isEmpty() ? Optional.empty() : syntax.subcommand(arguments.get(0));
                context.out().print(HelpText.of(syntax, sub));
                context.out().flush();
                return ExitStatus.OK;
            }
            if (entry.plugin().isPresent()) {
                return PluginCalls.during(entry.origin(), "command " + name, () -> command.run(context, arguments));
            }
            return command.run(context, arguments);
        } catch (ExitRequest e) {
            throw e;
        } catch (UsageException e) {
            if (syntax == null) {
                report(name, e);
            } else {
                reportUsage(syntax, arguments, e);
            }
            return e.exitStatus();
        } catch (CommandException e) {
            report(name, e);
            return e.exitStatus();
        } catch (Throwable e) {
            // Any Throwable the JVM survives (a plugin's StackOverflowError or AssertionError included) is one
            // line, and the shell goes on.
            if (!PluginFaults.survivable(e)) {
                throw e;
            }
            if (isInterruption(e)) {
                context.err().println(location + name + ": interrupted");
            } else {
                Throwable shown = e instanceof PluginError && e.getCause() != null ? e.getCause() : e;
                context.err()
                        .println(location + name + ": "
                                + (entry.plugin().isPresent()
                                        ? "plugin " + entry.origin() + " failed: " + PluginFaults.describe(shown)
                                        : "internal error: " + (e instanceof PluginError ? e.getMessage() : e))
                                + (context.debug() ? "" : " (run with --debug for details)"));
                printTrace(shown);
            }
            return ExitStatus.FAILED;
        } finally {
            thread.setContextClassLoader(previous);
            context.out().flush();
            // A Ctrl-C that arrived as the command finished must not leak into the next one.
            Thread.interrupted();
        }
    }

    /**
     * {@code --help} or {@code -h} among the words before {@code --}: the command's help, whatever else
     * was typed (as git and the AWS CLI do).
     */
    private static boolean asksForHelp(List<String> arguments) {
        for (String a : arguments) {
            if (a.equals("--")) {
                return false;
            }
            if (a.equals("--help") || a.equals("-h")) {
                return true;
            }
        }
        return false;
    }

    /**
     * A usage error: its line, "did you mean" when the first word is a mistyped sub-command, then the
     * usage lines of the sub-command typed (or of the command), so that nobody has to ask for them.
     */
    private void reportUsage(CommandSyntax syntax, List<String> arguments, UsageException e) {
        ShellCommand command = syntax.command();
        String message = e.getMessage();
        Optional<String> sub = Optional.empty();
        if (!arguments.isEmpty() && !command.subcommands().isEmpty()) {
            String first = arguments.get(0);
            sub = syntax.subcommand(first);
            if (sub.isEmpty() && !first.startsWith("-") && !message.contains("did you mean")) {
                message += Suggestions.didYouMean(first, command.subcommands());
            }
        }
        context.err().println(location + command.name() + ": " + message);
        context.err().print(HelpText.usage(syntax, sub));
        context.err().flush();
        printTrace(e);
    }

    private void report(String name, CommandException e) {
        context.err().println(location + name + ": " + e.getMessage());
        printTrace(e);
    }

    private void printTrace(Throwable e) {
        if (context.debug()) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            context.err().print(trace);
            context.err().flush();
        }
    }

    private static boolean isInterruption(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InterruptedException
                    || t instanceof java.io.InterruptedIOException
                    || t instanceof java.nio.channels.ClosedByInterruptException) {
                return true;
            }
        }
        return false;
    }
}
