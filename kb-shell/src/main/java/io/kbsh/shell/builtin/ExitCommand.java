package io.kbsh.shell.builtin;

import io.kbsh.model.command.CommandContext;
import io.kbsh.model.command.ShellCommand;
import io.kbsh.model.command.UsageException;
import io.kbsh.shell.exec.ExitRequest;
import java.util.List;

/** {@code exit [STATUS]} and its alias {@code quit}: leave the shell. */
public final class ExitCommand implements ShellCommand {

    private final String name;

    private ExitCommand(String name) {
        this.name = name;
    }

    public static ExitCommand exit() {
        return new ExitCommand("exit");
    }

    public static ExitCommand quit() {
        return new ExitCommand("quit");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return "leave kbsh (Ctrl-D does the same)";
    }

    @Override
    public String usage() {
        return name + " [STATUS]";
    }

    @Override
    public List<String> examples() {
        return List.of(name, name + " 4  end a script with status 4");
    }

    @Override
    public int run(CommandContext context, List<String> arguments) throws UsageException {
        if (arguments.size() > 1) {
            throw new UsageException(name + " takes at most one status");
        }
        int status = 0;
        if (!arguments.isEmpty()) {
            try {
                status = Integer.parseInt(arguments.get(0));
            } catch (NumberFormatException e) {
                throw new UsageException("exit status must be a number 0-255, got '" + arguments.get(0) + "'");
            }
            if (status < 0 || status > 255) {
                throw new UsageException("exit status must be a number 0-255, got " + status);
            }
        }
        throw new ExitRequest(status);
    }
}
