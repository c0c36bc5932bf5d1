package io.kbsh.shell.exec;

import io.kbsh.model.command.ShellCommand;
import io.kbsh.shell.plugin.LoadedPlugin;
import io.kbsh.shell.plugin.PluginSet;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every command the shell knows by name: the built-in ones first, then each plugin's. A name is never
 * silently replaced: a plugin whose command name is taken (by a built-in or a plugin loaded before it) is
 * refused whole, with the reason recorded in the {@link PluginSet}.
 */
public final class CommandRegistry {

    /** A command and who provides it ({@code builtin} or a plugin id). */
    public record Entry(ShellCommand command, Optional<LoadedPlugin> plugin) {
        public String origin() {
            return plugin.map(p -> p.descriptor().id()).orElse("builtin");
        }
    }

    private final Map<String, Entry> commands;

    private CommandRegistry(Map<String, Entry> commands) {
        this.commands = Collections.unmodifiableMap(commands);
    }

    /**
     * Registers {@code builtins}, then the commands of every plugin {@code plugins} admits once the built-in
     * names are taken too ({@link PluginSet#reserveCommands}). A built-in duplicate is a programming error.
     */
    public static CommandRegistry build(Collection<ShellCommand> builtins, PluginSet plugins) {
        Map<String, Entry> commands = new TreeMap<>();
        for (ShellCommand c : builtins) {
            Entry previous = commands.put(c.name(), new Entry(c, Optional.empty()));
            if (previous != null) {
                throw new IllegalStateException("two built-in commands are named '" + c.name() + "'");
            }
        }
        plugins.reserveCommands(commands.keySet());
        for (LoadedPlugin plugin : plugins.plugins()) {
            for (ShellCommand c : plugins.contributed(plugin, ShellCommand.class)) {
                commands.putIfAbsent(c.name(), new Entry(c, Optional.of(plugin)));
            }
        }
        return new CommandRegistry(commands);
    }

    public Optional<Entry> find(String name) {
        return Optional.ofNullable(commands.get(name));
    }

    /** All commands, sorted by name. */
    public Collection<Entry> all() {
        return commands.values();
    }

    public List<String> names() {
        return List.copyOf(commands.keySet());
    }
}
