package io.kbsh.shell.plugin;

import io.kbsh.ini.writer.IniWriter;
import io.kbsh.model.article.ArticleBrief;
import io.kbsh.model.article.ArticleId;
import io.kbsh.model.command.ShellCommand;
import io.kbsh.net.probe.Probe;
import io.kbsh.rules.ArticleCheck;
import io.kbsh.shell.rules.pack.RuleCheck;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Which of the plugins that loaded are admitted, decided in one pass in load order against what is taken
 * already. A command name, an INI writer id or a probe id is a name people type and findings refer to, so it
 * is never shared: the later plugin is refused whole (a plugin loads whole or not at all), naming the
 * plugin (or the built-in) that holds the name. Two checks for one article are not a reason to refuse a
 * plugin — a pack of thirty rules must not be lost for one overlap — but only one of them runs: the first
 * loaded (a built-in first); the other is recorded as an {@link Overlap} that start-up and {@code plugins}
 * report. A rule that is not run takes its INI writer ({@code qNNNNNN-rule}) with it.
 *
 * <p>The identities were read from each contribution when its plugin loaded, so no plugin code runs here.
 */
final class Settlement {

    /** A check that is not run because an earlier one checks its article. */
    record Overlap(ArticleId article, String runs, String notRun, Object instance) {

        /** The line start-up prints and {@code plugins} lists. */
        String describe() {
            return "two checks for " + article + ": " + runs + " runs, " + notRun
                    + " is not run (the first loaded wins)";
        }
    }

    private final Map<LoadedPlugin, Map<Class<?>, List<?>>> admitted;
    private final List<PluginFailure> refusals;
    private final List<Overlap> overlaps;
    private final Set<Object> notRun;

    private Settlement(
            Map<LoadedPlugin, Map<Class<?>, List<?>>> admitted,
            List<PluginFailure> refusals,
            List<Overlap> overlaps,
            Set<Object> notRun) {
        this.admitted = admitted;
        this.refusals = refusals;
        this.overlaps = overlaps;
        this.notRun = notRun;
    }

    Map<LoadedPlugin, Map<Class<?>, List<?>>> admitted() {
        return admitted;
    }

    List<PluginFailure> refusals() {
        return refusals;
    }

    List<Overlap> overlaps() {
        return overlaps;
    }

    boolean runs(Object check) {
        return !notRun.contains(check);
    }

    /**
     * Settles {@code candidates} (in load order) against the built-in contributions and the built-in command
     * names; {@code identity} gives what each contribution was known by at load time.
     */
    static Settlement of(
            Map<LoadedPlugin, Map<Class<?>, List<?>>> candidates,
            Function<Class<?>, List<?>> builtins,
            Collection<String> builtinCommands,
            Function<Object, Object> identity) {
        Map<Class<?>, Map<String, String>> taken = new HashMap<>();
        for (Class<?> spi : List.of(ShellCommand.class, IniWriter.class, Probe.class)) {
            Map<String, String> owners = taken.computeIfAbsent(spi, s -> new HashMap<>());
            for (Object builtin : builtins.apply(spi)) {
                owners.putIfAbsent(key(spi, builtinIdentity(spi, builtin)), "built-in");
            }
        }
        builtinCommands.forEach(name -> taken.get(ShellCommand.class).putIfAbsent(name, "built-in"));
        Map<ArticleId, String> checkers = new HashMap<>();
        for (Object builtin : builtins.apply(ArticleCheck.class)) {
            checkers.putIfAbsent(((ArticleCheck) builtin).article().id(), "kbsh's built-in check");
        }

        Map<LoadedPlugin, Map<Class<?>, List<?>>> admitted = new LinkedHashMap<>();
        List<PluginFailure> refusals = new ArrayList<>();
        List<Overlap> overlaps = new ArrayList<>();
        Set<Object> notRun = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Map.Entry<LoadedPlugin, Map<Class<?>, List<?>>> e : candidates.entrySet()) {
            LoadedPlugin plugin = e.getKey();
            Map<Class<?>, List<?>> contributions = e.getValue();
            // Which of its checks an earlier plugin (or one of its own, listed before) already covers.
            List<Overlap> own = new ArrayList<>();
            Set<String> droppedWriters = new java.util.HashSet<>();
            Map<ArticleId, String> mine = new HashMap<>();
            for (Object check : contributions.getOrDefault(ArticleCheck.class, List.of())) {
                ArticleId article = ((ArticleBrief) identity.apply(check)).id();
                String source = checkSource(plugin, check);
                String first = checkers.getOrDefault(article, mine.get(article));
                if (first != null) {
                    own.add(new Overlap(article, first, source, check));
                    if (check instanceof RuleCheck rule) {
                        droppedWriters.add(key(IniWriter.class, rule.rule().writerId()));
                    }
                } else {
                    mine.put(article, source);
                }
            }
            Optional<String> conflict = conflict(plugin, contributions, taken, droppedWriters, identity);
            if (conflict.isPresent()) {
                refusals.add(new PluginFailure(plugin.source(), conflict.get()));
                continue;
            }
            String owner = owner(plugin);
            for (Class<?> spi : List.of(ShellCommand.class, IniWriter.class, Probe.class)) {
                for (Object o : contributions.getOrDefault(spi, List.of())) {
                    taken.get(spi).putIfAbsent(key(spi, identity.apply(o)), owner);
                }
            }
            checkers.putAll(mine);
            overlaps.addAll(own);
            own.forEach(o -> notRun.add(o.instance()));
            Map<Class<?>, List<?>> kept = new LinkedHashMap<>(contributions);
            List<?> writers = contributions.getOrDefault(IniWriter.class, List.of());
            kept.put(
                    IniWriter.class,
                    writers.stream()
                            .filter(w -> !droppedWriters.contains(key(IniWriter.class, identity.apply(w)))
                                    || !isRuleWriter(w))
                            .toList());
            admitted.put(plugin, kept);
        }
        return new Settlement(admitted, refusals, overlaps, notRun);
    }

    /** The first name of {@code plugin} that is taken, or that it contributes twice, as one line naming both owners. */
    private static Optional<String> conflict(
            LoadedPlugin plugin,
            Map<Class<?>, List<?>> contributions,
            Map<Class<?>, Map<String, String>> taken,
            Set<String> droppedWriters,
            Function<Object, Object> identity) {
        String id = plugin.descriptor().id();
        for (Class<?> spi : List.of(ShellCommand.class, IniWriter.class, Probe.class)) {
            List<String> seen = new ArrayList<>();
            for (Object o : contributions.getOrDefault(spi, List.of())) {
                String name = String.valueOf(identity.apply(o));
                String key = key(spi, name);
                if (spi == IniWriter.class && droppedWriters.contains(key) && isRuleWriter(o)) {
                    continue;
                }
                if (spi == ShellCommand.class && !name.matches("[a-z][a-z0-9-]*")) {
                    return Optional.of("plugin " + id + ": command name '" + name + "' is not a lower-case word");
                }
                String holder = taken.get(spi).get(key);
                if (holder != null) {
                    return Optional.of("plugin " + id + ": " + what(spi) + " '" + name + "' is already taken by "
                            + (holder.equals("built-in") ? "a built-in " + noun(spi) + " of kbsh" : holder));
                }
                if (seen.contains(key)) {
                    return Optional.of("plugin " + id + " contributes two " + noun(spi) + "s with "
                            + (spi == ShellCommand.class ? "the name" : "the id") + " '" + name + "'");
                }
                seen.add(key);
            }
        }
        return Optional.empty();
    }

    private static boolean isRuleWriter(Object writer) {
        return writer.getClass().getPackageName().startsWith("io.kbsh.shell.rules");
    }

    /** INI writers are found ignoring case ({@code ini plan Q254909-MSPCLNT}), so their ids clash ignoring case. */
    private static String key(Class<?> spi, Object identity) {
        String name = String.valueOf(identity);
        return spi == IniWriter.class ? name.toLowerCase(Locale.ROOT) : name;
    }

    private static Object builtinIdentity(Class<?> spi, Object builtin) {
        if (builtin instanceof ShellCommand c) {
            return c.name();
        }
        if (builtin instanceof IniWriter w) {
            return w.id();
        }
        return ((Probe) builtin).id();
    }

    private static String what(Class<?> spi) {
        return spi == ShellCommand.class ? "command name" : spi == IniWriter.class ? "INI writer id" : "probe id";
    }

    private static String noun(Class<?> spi) {
        return spi == ShellCommand.class ? "command" : spi == IniWriter.class ? "INI writer" : "probe";
    }

    /** {@code plugin q254909 (q254909.jar)}: the id people know and the file to look for. */
    static String owner(LoadedPlugin plugin) {
        return "plugin " + plugin.descriptor().id() + " (" + plugin.source().getFileName() + ")";
    }

    private static String checkSource(LoadedPlugin plugin, Object check) {
        return check instanceof RuleCheck
                ? "the rule of pack " + plugin.descriptor().id() + " ("
                        + plugin.source().getFileName() + ")"
                : "the check " + check.getClass().getName() + " of " + owner(plugin);
    }
}
