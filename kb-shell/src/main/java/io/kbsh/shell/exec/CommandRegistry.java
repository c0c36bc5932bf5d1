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
 * silently replaced: a plugin whose command name is taken is refused whole, with the reason recorded in
 * the {@link PluginSet}.
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
     * Registers {@code builtins}, then the commands of every loaded plugin. A built-in duplicate is a
     * programming error; a plugin duplicate refuses that plugin.
     */
    public static CommandRegistry build(Collection<ShellCommand> builtins, PluginSet plugins) {
        Map<String, Entry> commands = new TreeMap<>();
        for (ShellCommand c : builtins) {
            Entry previous = commands.put(c.name(), new Entry(c, Optional.empty()));
            if (previous != null) {
                throw new IllegalStateException("two built-in commands are named '" + c.name() + "'");
            }
        }
        for (LoadedPlugin plugin : plugins.plugins()) {
            List<ShellCommand> own = plugins.contributed(plugin, ShellCommand.class);
            Optional<String> conflict = conflict(commands, own);
            if (conflict.isPresent()) {
                plugins.refuse(plugin, conflict.get());
                continue;
            }
            for (ShellCommand c : own) {
                commands.put(c.name(), new Entry(c, Optional.of(plugin)));
            }
        }
        return new CommandRegistry(commands);
    }

    private static Optional<String> conflict(Map<String, Entry> taken, List<ShellCommand> own) {
        for (int i = 0; i < own.size(); i++) {
            // The plugin loader has already made sure that every command names itself.
            String name = own.get(i).name();
            if (name == null || !name.matches("[a-z][a-z0-9-]*")) {
                return Optional.of("command name '" + name + "' is not a lower-case word");
            }
            Entry existing = taken.get(name);
            if (existing != null) {
                return Optional.of("command '" + name + "' is already provided by " + existing.origin()
                        + existing.plugin()
                                .map(p -> " (" + p.source().getFileName() + ")")
                                .orElse(""));
            }
            for (int j = 0; j < i; j++) {
                if (own.get(j).name().equals(name)) {
                    return Optional.of("contributes two commands named '" + name + "'");
                }
            }
        }
        return Optional.empty();
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
