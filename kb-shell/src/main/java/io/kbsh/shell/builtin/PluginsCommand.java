package io.kbsh.shell.builtin;

import io.kbsh.model.command.CommandContext;
import io.kbsh.model.command.ExitStatus;
import io.kbsh.model.command.ShellCommand;
import io.kbsh.model.command.UsageException;
import io.kbsh.shell.plugin.LoadedPlugin;
import io.kbsh.shell.plugin.PluginFailure;
import io.kbsh.shell.plugin.PluginLoader;
import io.kbsh.shell.plugin.PluginSet;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** {@code plugins}: every loaded plugin with what it contributes, and every plugin that failed, with why. */
public final class PluginsCommand implements ShellCommand {

    private final PluginSet plugins;

    @Inject
    PluginsCommand(PluginSet plugins) {
        this.plugins = plugins;
    }

    @Override
    public String name() {
        return "plugins";
    }

    @Override
    public String description() {
        return "list the loaded plugins and the ones that failed";
    }

    @Override
    public List<String> examples() {
        return List.of("plugins");
    }

    @Override
    public String usage() {
        return "plugins";
    }

    @Override
    public int run(CommandContext context, List<String> arguments) throws UsageException {
        if (!arguments.isEmpty()) {
            throw new UsageException("plugins takes no arguments");
        }
        PrintWriter out = context.out();
        List<LoadedPlugin> loaded = plugins.plugins();
        out.println(loaded.size() + " plugin(s) loaded" + (loaded.isEmpty() ? "" : ":"));
        for (LoadedPlugin p : loaded) {
            out.printf("  %-10s %-8s API %-4s %s%n", p.descriptor().id(), p.descriptor().version(),
                    p.descriptor().apiVersion(), p.source());
            out.println("             " + p.descriptor().name());
            out.println("             provides: " + contributions(p));
        }
        List<PluginFailure> failures = plugins.failures();
        if (!failures.isEmpty()) {
            out.println(failures.size() + " plugin(s) failed:");
            failures.forEach(f -> out.println("  " + f.describe()));
        }
        return ExitStatus.OK;
    }

    private String contributions(LoadedPlugin p) {
        List<String> parts = new ArrayList<>();
        for (Class<?> spi : PluginLoader.SPIS) {
            List<?> items = plugins.contributed(p, spi);
            if (!items.isEmpty()) {
                parts.add(items.size() + " " + spi.getSimpleName() + " (" + describe(items) + ")");
            }
        }
        return parts.isEmpty() ? "nothing" : String.join(", ", parts);
    }

    private static String describe(List<?> items) {
        List<String> names = new ArrayList<>();
        for (Object o : items) {
            names.add(o instanceof ShellCommand c ? c.name() : o.getClass().getSimpleName());
        }
        return String.join(" ", names);
    }
}
