package io.kbsh.shell.builtin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kbsh.model.command.Arguments;
import io.kbsh.model.command.CommandContext;
import io.kbsh.model.command.ExitStatus;
import io.kbsh.model.command.OptionSpec;
import io.kbsh.model.command.ShellCommand;
import io.kbsh.model.command.UsageException;
import io.kbsh.shell.json.JsonOutput;
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
    public List<OptionSpec> options() {
        return List.of(OptionSpec.flag("json", "print JSON (schema kbsh.plugins, docs/json.md)"));
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
        return "plugins [--json]";
    }

    @Override
    public int run(CommandContext context, List<String> arguments) throws UsageException {
        Arguments args = Arguments.parse(arguments, options());
        if (!args.positional().isEmpty()) {
            throw new UsageException("plugins takes no arguments");
        }
        PrintWriter out = context.out();
        List<LoadedPlugin> loaded = plugins.plugins();
        if (args.has("json")) {
            JsonOutput.print(context, json(loaded));
            return ExitStatus.OK;
        }
        out.println(loaded.size() + " plugin(s) loaded" + (loaded.isEmpty() ? "" : ":"));
        for (LoadedPlugin p : loaded) {
            out.printf(
                    "  %-10s %-8s API %-4s %s%n",
                    p.descriptor().id(),
                    p.descriptor().version(),
                    p.descriptor().apiVersion(),
                    p.source());
            out.println("             " + p.descriptor().name());
            out.println("             provides: " + contributions(p));
        }
        List<PluginFailure> failures = plugins.failures();
        if (!failures.isEmpty()) {
            out.println(failures.size() + " plugin(s) failed:");
            failures.forEach(f -> out.println("  " + f.describe()));
        }
        List<String> overlaps = plugins.overlaps();
        if (!overlaps.isEmpty()) {
            out.println(overlaps.size() + " check(s) not run, their article checked by one loaded before:");
            overlaps.forEach(o -> out.println("  " + o));
        }
        return ExitStatus.OK;
    }

    private ObjectNode json(List<LoadedPlugin> loaded) {
        ObjectNode doc = JsonOutput.document("plugins", 1);
        ArrayNode list = doc.putArray("plugins");
        for (LoadedPlugin p : loaded) {
            ObjectNode n = list.addObject();
            n.put("id", p.descriptor().id());
            n.put("name", p.descriptor().name());
            n.put("version", p.descriptor().version());
            n.put("apiVersion", p.descriptor().apiVersion().toString());
            n.put("source", p.source().toString());
            ObjectNode provides = n.putObject("provides");
            for (Class<?> spi : PluginLoader.SPIS) {
                List<?> items = plugins.contributed(p, spi);
                if (!items.isEmpty()) {
                    ArrayNode names = provides.putArray(spi.getSimpleName());
                    for (Object o : items) {
                        names.add(name(o));
                    }
                }
            }
        }
        ArrayNode failures = doc.putArray("failures");
        for (PluginFailure f : plugins.failures()) {
            failures.addObject().put("source", f.source().toString()).put("reason", f.reason());
        }
        ArrayNode notRun = doc.putArray("checksNotRun");
        plugins.overlaps().forEach(notRun::add);
        return doc;
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

    private String describe(List<?> items) {
        List<String> names = new ArrayList<>();
        for (Object o : items) {
            names.add(name(o) + (plugins.runs(o) ? "" : " (not run)"));
        }
        return String.join(" ", names);
    }

    /** A command by its name, a rule by its article, anything else by its class. */
    private static String name(Object o) {
        if (o instanceof ShellCommand c) {
            return c.name();
        }
        if (o instanceof io.kbsh.shell.rules.pack.RuleCheck r) {
            return "rule " + r.rule().article();
        }
        if (o instanceof io.kbsh.ini.writer.IniWriter w && w.id().endsWith("-rule")) {
            return w.id();
        }
        return o.getClass().getSimpleName();
    }
}
