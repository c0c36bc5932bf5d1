package io.kbsh.shell.builtin;

import io.kbsh.model.command.CommandContext;
import io.kbsh.model.command.CommandException;
import io.kbsh.model.command.ExitStatus;
import io.kbsh.model.command.ShellCommand;
import io.kbsh.model.command.UsageException;
import io.kbsh.shell.exec.CommandRegistry;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.util.ArrayList;
import java.util.List;

/** {@code which COMMAND}: where a command comes from (built in, or which plugin JAR and class loader). */
public final class WhichCommand implements ShellCommand {

    private final Provider<CommandRegistry> registry;

    @Inject
    WhichCommand(Provider<CommandRegistry> registry) {
        this.registry = registry;
    }

    @Override
    public String name() {
        return "which";
    }

    @Override
    public String description() {
        return "show where a command comes from";
    }

    @Override
    public List<String> examples() {
        return List.of("which exchange-ports", "which check ini");
    }

    @Override
    public String usage() {
        return "which COMMAND...";
    }

    @Override
    public List<String> candidates(CommandContext context, List<String> precedingWords) {
        return registry.get().names();
    }

    @Override
    public int run(CommandContext context, List<String> arguments) throws CommandException {
        if (arguments.isEmpty()) {
            throw new UsageException("which needs a command name");
        }
        List<String> unknown = new ArrayList<>();
        for (String name : arguments) {
            var entry = registry.get().find(name);
            if (entry.isEmpty()) {
                unknown.add("'" + name + "'");
                continue;
            }
            Class<?> type = entry.get().command().getClass();
            ClassLoader loader = type.getClassLoader();
            context.out()
                    .println(name + ": "
                            + entry.get()
                                    .plugin()
                                    .map(p -> "plugin " + p.descriptor().id() + " "
                                            + p.descriptor().version() + " (" + p.source() + ")")
                                    .orElse("built in")
                            + ", class " + type.getName()
                            + ", loader "
                            + (loader == null
                                    ? "bootstrap"
                                    : loader.getName() == null
                                            ? loader.getClass().getName()
                                            : loader.getName()));
        }
        if (!unknown.isEmpty()) {
            throw new CommandException("no command named " + String.join(", ", unknown));
        }
        return ExitStatus.OK;
    }
}
