package io.kbsh.shell.plugin;

import io.kbsh.model.article.ArticleId;
import io.kbsh.rules.ArticleCheck;
import io.kbsh.shell.rules.pack.RulePack;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The plugins that loaded, the ones that failed, and everything they contribute; also what the
 * application class path itself provides under the same SPIs (built-in probes, for instance). Which loaded
 * plugins are admitted is settled in load order ({@link Settlement}): a plugin whose command name, INI writer
 * id or probe id is taken is refused whole; of two checks for one article only the first loaded runs.
 */
public final class PluginSet implements Contributions {

    private final Map<LoadedPlugin, Map<Class<?>, List<?>>> candidates;
    private final Map<Object, Object> identities;
    private final List<PluginFailure> failures;
    private final ClassLoader application;
    private final Map<Class<?>, List<Contribution<?>>> builtins = new ConcurrentHashMap<>();
    private Settlement settlement;

    /**
     * {@code candidates} are the plugins that loaded, in load order; {@code identities} what each of their
     * contributions said it was when it loaded (a command's name, a writer's or probe's id, a check's article).
     */
    PluginSet(
            Map<LoadedPlugin, Map<Class<?>, List<?>>> candidates,
            Map<Object, Object> identities,
            List<PluginFailure> failures,
            ClassLoader application) {
        this.candidates = new LinkedHashMap<>(candidates);
        this.identities = new IdentityHashMap<>(identities);
        this.failures = new ArrayList<>(failures);
        this.application = application;
        this.settlement = settle(List.of());
    }

    /** A set with no plugins, for tests and library use. */
    public static PluginSet empty() {
        return new PluginSet(Map.of(), Map.of(), List.of(), PluginSet.class.getClassLoader());
    }

    /**
     * Settles the plugins again with the shell's built-in command names taken too: a plugin contributing one
     * is refused, and whatever its refusal frees (a writer id, a check) goes to the next plugin that wants it,
     * exactly as if it had never loaded. Called once, when the shell registers its commands.
     */
    public synchronized void reserveCommands(Collection<String> builtinCommands) {
        settlement = settle(builtinCommands);
    }

    private Settlement settle(Collection<String> builtinCommands) {
        return Settlement.of(
                candidates,
                spi -> builtins(spi).stream().map(Contribution::instance).toList(),
                builtinCommands,
                identities::get);
    }

    /** The plugins admitted, in load order. */
    public synchronized List<LoadedPlugin> plugins() {
        return List.copyOf(settlement.admitted().keySet());
    }

    /** Every plugin that did not load, or loaded and was refused for a name another holds, and why. */
    public synchronized List<PluginFailure> failures() {
        List<PluginFailure> all = new ArrayList<>(failures);
        all.addAll(settlement.refusals());
        return List.copyOf(all);
    }

    /** The checks that are not run because a plugin loaded before (or kbsh itself) checks their article. */
    public synchronized List<String> overlaps() {
        return settlement.overlaps().stream().map(Settlement.Overlap::describe).toList();
    }

    /** Why {@code plugin}'s check for {@code article} is not run, if it is not. */
    public synchronized Optional<String> notRun(LoadedPlugin plugin, ArticleId article) {
        for (Settlement.Overlap o : settlement.overlaps()) {
            if (o.article().equals(article)
                    && contributed(plugin, ArticleCheck.class).stream().anyMatch(c -> c == o.instance())) {
                return Optional.of("not run: " + o.runs() + " checks " + article + " and was loaded first");
            }
        }
        return Optional.empty();
    }

    /** The article {@code check} (as {@link #contributed} gives it) said it checks when its plugin loaded. */
    public Optional<ArticleId> article(Object check) {
        return identities.get(check) instanceof io.kbsh.model.article.ArticleBrief brief
                ? Optional.of(brief.id())
                : Optional.empty();
    }

    /** True unless {@code check} (as {@link #contributed} gives it) is not run for an {@link #overlaps() overlap}. */
    public synchronized boolean runs(Object check) {
        return settlement.runs(check);
    }

    /** What {@code plugin} contributes under {@code spi}. */
    public synchronized <T> List<T> contributed(LoadedPlugin plugin, Class<T> spi) {
        Map<Class<?>, List<?>> bySpi = settlement.admitted().get(plugin);
        if (bySpi == null) {
            return List.of();
        }
        List<?> list = bySpi.getOrDefault(spi, List.of());
        return list.stream().map(spi::cast).toList();
    }

    /** The rule packs of the loaded plugins, in load order (as they are: no context class loader to set for data). */
    public synchronized List<RulePack> rulePacks() {
        List<RulePack> packs = new ArrayList<>();
        for (LoadedPlugin p : plugins()) {
            packs.addAll(contributed(p, RulePack.class));
        }
        return Collections.unmodifiableList(packs);
    }

    /**
     * Built-in providers first, then each admitted plugin's; a check that is not run (an
     * {@link #overlaps() overlap}) is left out. A plugin's instances are wrapped so that every call into
     * them, on any thread, runs with the plugin's class loader as context class loader.
     */
    @Override
    public <T> List<Contribution<T>> of(Class<T> spi) {
        List<Contribution<T>> result = new ArrayList<>(builtins(spi));
        synchronized (this) {
            for (Map.Entry<LoadedPlugin, Map<Class<?>, List<?>>> e :
                    settlement.admitted().entrySet()) {
                for (Object o : e.getValue().getOrDefault(spi, List.of())) {
                    if (!settlement.runs(o)) {
                        continue;
                    }
                    T wrapped = ContextLoaderProxy.wrap(spi, spi.cast(o), e.getKey());
                    result.add(new Contribution<>(Optional.of(e.getKey()), wrapped));
                }
            }
        }
        return Collections.unmodifiableList(result);
    }

    @SuppressWarnings("unchecked")
    private <T> List<Contribution<T>> builtins(Class<T> spi) {
        return (List<Contribution<T>>) (List<?>) builtins.computeIfAbsent(spi, s -> {
            List<Contribution<?>> found = new ArrayList<>();
            for (Object provider : ServiceLoader.load(s, application)) {
                found.add(new Contribution<>(Optional.empty(), provider));
            }
            return List.copyOf(found);
        });
    }
}
