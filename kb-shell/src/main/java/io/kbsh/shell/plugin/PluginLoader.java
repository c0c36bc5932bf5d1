package io.kbsh.shell.plugin;

import io.kbsh.ini.writer.IniWriter;
import io.kbsh.model.command.ShellCommand;
import io.kbsh.model.env.EnvironmentExtension;
import io.kbsh.model.plugin.ApiVersion;
import io.kbsh.model.plugin.KbshPlugin;
import io.kbsh.model.plugin.PluginDescriptor;
import io.kbsh.net.probe.Probe;
import io.kbsh.rules.ArticleCheck;
import io.kbsh.shell.env.ExtensionRegistry;
import io.kbsh.shell.rules.RuleException;
import io.kbsh.shell.rules.pack.RuleCache;
import io.kbsh.shell.rules.pack.RulePack;
import io.kbsh.shell.rules.pack.RulePackReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Finds plugins in directories and loads each into its own class loader. A plugin is a {@code *.jar} in a
 * plugins directory, or a sub-directory of JARs; a rule pack (a directory with a {@code kbsh-pack.yaml}, or
 * a JAR with one under {@code META-INF/kbsh/rules/}) is a plugin whose rules are its checks. A plugin either loads whole or not at all: every failure
 * (an untrusted file, a corrupt JAR, a provider that cannot be created, an API version it was not built
 * for, bundled API classes) becomes a {@link PluginFailure} and the other plugins load regardless.
 *
 * <p>The order is fixed, because it decides who keeps a name two plugins want: the directories in the order
 * given (the shell passes the installation's {@code plugins/}, then the home's, then each {@code --plugins}
 * directory), and within a directory the entries by file name. A plugin id or environment field that is
 * taken refuses the later plugin here; command names, INI writer ids, probe ids and checks of one article
 * are settled over the loaded plugins in the same order by {@link PluginSet} ({@link Settlement}).
 */
public final class PluginLoader {

    /** The SPIs the shell looks for in every plugin. */
    public static final List<Class<?>> SPIS =
            List.of(ShellCommand.class, ArticleCheck.class, IniWriter.class, Probe.class, EnvironmentExtension.class);

    private static final List<String> API_PATHS =
            List.of("io/kbsh/model/", "io/kbsh/rules/", "io/kbsh/ini/", "io/kbsh/net/", "io/kbsh/shell/");

    private final ApiVersion running;
    private final PluginTrust trust;
    private final ClassLoader application;
    private final ApiClassLoader apiLoader;
    private RuleCache ruleCache = RuleCache.none();

    public PluginLoader(ApiVersion running) {
        this(running, PluginTrust.forCurrentUser(), PluginLoader.class.getClassLoader());
    }

    PluginLoader(ApiVersion running, PluginTrust trust, ClassLoader application) {
        this.running = running;
        this.trust = trust;
        this.application = application;
        this.apiLoader = new ApiClassLoader(application);
    }

    /**
     * Takes rule files validated before from {@code cache} instead of compiling them at start-up (the shell
     * passes the cache in its home); without it every rule is compiled as its pack loads.
     */
    public PluginLoader withRuleCache(RuleCache cache) {
        this.ruleCache = cache;
        return this;
    }

    /** Loads the plugins of every existing directory, in order; a directory that does not exist is skipped. */
    public PluginSet load(List<Path> directories) {
        try {
            return loadAll(directories);
        } finally {
            ruleCache.save();
        }
    }

    private PluginSet loadAll(List<Path> directories) {
        Map<LoadedPlugin, Map<Class<?>, List<?>>> loaded = new LinkedHashMap<>();
        Map<Object, Object> identities = new IdentityHashMap<>();
        Map<String, LoadedPlugin> byId = new HashMap<>();
        ExtensionRegistry fields = ExtensionRegistry.empty();
        List<PluginFailure> failures = new ArrayList<>();
        for (Path directory : directories) {
            if (!Files.isDirectory(directory)) {
                continue;
            }
            try {
                Optional<String> distrust = trust.distrust(directory);
                if (distrust.isPresent()) {
                    failures.add(new PluginFailure(directory, "plugins directory " + distrust.get(), Optional.empty()));
                    continue;
                }
                for (Path candidate : candidates(directory)) {
                    try {
                        Candidate c = load(candidate);
                        LoadedPlugin earlier = byId.get(c.plugin.descriptor().id());
                        if (earlier != null) {
                            throw new PluginException("plugin id '"
                                    + c.plugin.descriptor().id() + "' is already loaded from " + earlier.source());
                        }
                        fields = withFields(fields, c);
                        byId.put(c.plugin.descriptor().id(), c.plugin);
                        loaded.put(c.plugin, c.contributions);
                        identities.putAll(c.identities);
                    } catch (PluginException e) {
                        failures.add(new PluginFailure(candidate, e.getMessage(), Optional.ofNullable(e.getCause())));
                    }
                }
            } catch (IOException | UncheckedIOException e) {
                failures.add(new PluginFailure(
                        directory, "cannot read the plugins directory: " + e.getMessage(), Optional.of(e)));
            }
        }
        return new PluginSet(loaded, identities, failures, application);
    }

    /** {@code fields} with the candidate's environment fields; a field that is taken refuses the candidate. */
    private static ExtensionRegistry withFields(ExtensionRegistry fields, Candidate c) throws PluginException {
        ExtensionRegistry next = fields;
        for (Object provider : c.contributions.getOrDefault(EnvironmentExtension.class, List.of())) {
            try {
                next = next.with(c.plugin.descriptor().id(), ((EnvironmentExtension) provider).fields());
            } catch (IllegalArgumentException e) {
                if (c.plugin.classLoader() instanceof PluginClassLoader loader) {
                    closeQuietly(loader);
                }
                throw new PluginException(e.getMessage());
            }
        }
        return next;
    }

    private static List<Path> candidates(Path directory) throws IOException {
        // --plugins naming a rule pack's own directory (what 'rules init' makes) loads that pack: its YAML files
        // are not plugins, so the directory would otherwise load nothing, and say nothing.
        if (RulePackReader.isPackDirectory(directory)) {
            return List.of(directory);
        }
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.filter(p -> Files.isDirectory(p) || isJar(p))
                    .sorted()
                    .toList();
        }
    }

    private static boolean isJar(Path p) {
        return p.getFileName().toString().endsWith(".jar") && Files.isRegularFile(p);
    }

    /** A plugin that loaded, its contributions by SPI, and what each contribution said it was. */
    private record Candidate(
            LoadedPlugin plugin, Map<Class<?>, List<?>> contributions, Map<Object, Object> identities) {}

    private Candidate load(Path candidate) throws PluginException {
        if (Files.isDirectory(candidate) && RulePackReader.isPackDirectory(candidate)) {
            checkTrusted(candidate);
            try {
                return rulePack(
                        RulePackReader.directory(candidate, trust::distrust, ruleCache), candidate, Optional.empty());
            } catch (RuleException e) {
                throw new PluginException(e.firstAndCount());
            } catch (IOException e) {
                throw new PluginException("cannot read the rule pack: " + e.getMessage());
            }
        }
        if (isJar(candidate)) {
            checkTrusted(candidate);
            checkJar(candidate);
            try (ZipFile zip = new ZipFile(candidate.toFile())) {
                if (RulePackReader.hasRules(zip)
                        && zip.getEntry("META-INF/services/" + KbshPlugin.class.getName()) == null) {
                    return rulePack(RulePackReader.jar(candidate, zip, ruleCache), candidate, Optional.empty());
                }
            } catch (RuleException e) {
                throw new PluginException(e.firstAndCount());
            } catch (IOException e) {
                throw new PluginException("cannot read the JAR: " + e.getMessage());
            }
        }
        List<Path> jars = jarsOf(candidate);
        URL[] urls = new URL[jars.size()];
        for (int i = 0; i < jars.size(); i++) {
            Path jar = jars.get(i);
            checkTrusted(jar);
            checkJar(jar);
            try {
                urls[i] = jar.toUri().toURL();
            } catch (MalformedURLException e) {
                throw new PluginException("cannot form a URL for " + jar + ": " + e.getMessage());
            }
        }
        PluginClassLoader loader = new PluginClassLoader(candidate.getFileName().toString(), urls, apiLoader);
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            PluginDescriptor descriptor = descriptor(loader);
            if (!running.accepts(descriptor.apiVersion())) {
                throw new PluginException("plugin " + descriptor.id() + " was built against kbsh API "
                        + descriptor.apiVersion() + ", but this kbsh provides API " + running
                        + (descriptor.apiVersion().major() != running.major()
                                ? " (a different major version)"
                                : " (a newer minor version than this kbsh has)"));
            }
            Map<Class<?>, List<?>> contributions = new LinkedHashMap<>();
            Map<Object, Object> identities = new IdentityHashMap<>();
            for (Class<?> spi : SPIS) {
                List<?> providers = providers(spi, loader);
                for (Object provider : providers) {
                    identities.put(provider, validate(spi, provider));
                }
                contributions.put(spi, providers);
            }
            LoadedPlugin plugin = new LoadedPlugin(descriptor, candidate, loader);
            rulesOf(jars, descriptor).ifPresent(pack -> addRules(contributions, identities, pack));
            PluginCalls.register(plugin);
            return new Candidate(plugin, contributions, identities);
        } catch (PluginException e) {
            closeQuietly(loader);
            throw e;
        } catch (Throwable e) {
            // Any Throwable from a plugin's static initialisers, constructors or descriptor: the plugin is
            // not loaded, kbsh starts (a plugin in ~/.kbsh/plugins must never brick it).
            closeQuietly(loader);
            if (!PluginFaults.survivable(e)) {
                throw e;
            }
            throw new PluginException("failed while loading: " + describe(e), e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * A rule pack as a plugin: its manifest is its descriptor (built against the running API: it holds no
     * code), its rules are its checks, their INI edits its writers.
     */
    private Candidate rulePack(RulePack pack, Path candidate, Optional<ClassLoader> loader) {
        PluginDescriptor descriptor = new PluginDescriptor(
                pack.manifest().id(), pack.manifest().name(), pack.manifest().version(), running);
        Map<Class<?>, List<?>> contributions = new LinkedHashMap<>();
        for (Class<?> spi : SPIS) {
            contributions.put(spi, new ArrayList<>());
        }
        Map<Object, Object> identities = new IdentityHashMap<>();
        addRules(contributions, identities, pack);
        LoadedPlugin plugin = new LoadedPlugin(descriptor, candidate, loader.orElse(application));
        PluginCalls.register(plugin);
        return new Candidate(plugin, contributions, identities);
    }

    @SuppressWarnings("unchecked")
    private static void addRules(Map<Class<?>, List<?>> contributions, Map<Object, Object> identities, RulePack pack) {
        List<Object> checks = new ArrayList<>((List<Object>) contributions.getOrDefault(ArticleCheck.class, List.of()));
        List<Object> writers = new ArrayList<>((List<Object>) contributions.getOrDefault(IniWriter.class, List.of()));
        // kbsh's own classes over the pack's data: asking them their identity runs no plugin code.
        for (ArticleCheck check : RulePack.checks(pack)) {
            checks.add(check);
            identities.put(check, check.article());
        }
        for (IniWriter writer : RulePack.writers(pack)) {
            writers.add(writer);
            identities.put(writer, writer.id());
        }
        contributions.put(ArticleCheck.class, checks);
        contributions.put(IniWriter.class, writers);
        contributions.put(RulePack.class, List.of(pack));
    }

    /** The rules a Java plugin's JARs carry beside its code; the pack's id must be the plugin's. */
    private Optional<RulePack> rulesOf(List<Path> jars, PluginDescriptor descriptor) throws PluginException {
        for (Path jar : jars) {
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                if (RulePackReader.hasRules(zip)) {
                    RulePack pack = RulePackReader.jar(jar, zip, ruleCache);
                    if (!pack.id().equals(descriptor.id())) {
                        throw new PluginException("its rule pack '" + pack.id() + "' must carry the plugin's id '"
                                + descriptor.id() + "'");
                    }
                    return Optional.of(pack);
                }
            } catch (RuleException e) {
                throw new PluginException(e.firstAndCount());
            } catch (IOException e) {
                throw new PluginException("cannot read the JAR: " + e.getMessage());
            }
        }
        return Optional.empty();
    }

    private List<Path> jarsOf(Path candidate) throws PluginException {
        if (!Files.isDirectory(candidate)) {
            return List.of(candidate);
        }
        try {
            checkTrusted(candidate);
            try (Stream<Path> entries = Files.list(candidate)) {
                List<Path> jars = entries.filter(PluginLoader::isJar).sorted().toList();
                if (jars.isEmpty()) {
                    throw new PluginException("plugin directory holds no JAR");
                }
                return jars;
            }
        } catch (IOException e) {
            throw new PluginException("cannot read the plugin directory: " + e.getMessage());
        }
    }

    private void checkTrusted(Path path) throws PluginException {
        try {
            Optional<String> distrust = trust.distrust(path);
            if (distrust.isPresent()) {
                throw new PluginException(distrust.get());
            }
        } catch (IOException e) {
            throw new PluginException("cannot read its attributes: " + e.getMessage());
        }
    }

    /** A readable ZIP that does not carry its own copy of the kbsh API. */
    private static void checkJar(Path jar) throws PluginException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                String name = entries.nextElement().getName();
                for (String api : API_PATHS) {
                    if (name.startsWith(api) && name.endsWith(".class")) {
                        throw new PluginException(jar.getFileName() + " bundles its own copy of the kbsh API (" + name
                                + "); build the plugin with the kbsh API in provided scope");
                    }
                }
            }
        } catch (ZipException e) {
            throw new PluginException("not a valid JAR: " + e.getMessage());
        } catch (IOException e) {
            throw new PluginException("cannot read the JAR: " + e.getMessage());
        }
    }

    private static PluginDescriptor descriptor(ClassLoader loader) throws PluginException {
        List<?> plugins = providers(KbshPlugin.class, loader);
        if (plugins.isEmpty()) {
            throw new PluginException(
                    "no plugin descriptor: META-INF/services/" + KbshPlugin.class.getName() + " is missing");
        }
        if (plugins.size() > 1) {
            throw new PluginException("more than one plugin descriptor (" + plugins.size() + ") in one plugin");
        }
        KbshPlugin plugin = (KbshPlugin) plugins.get(0);
        PluginDescriptor descriptor;
        try {
            descriptor = PluginCalls.during(loaderName(loader), "KbshPlugin.descriptor", plugin::descriptor);
        } catch (Throwable e) {
            if (!PluginFaults.survivable(e)) {
                throw e;
            }
            throw new PluginException("its descriptor failed: " + describe(e), e);
        }
        if (descriptor == null) {
            throw new PluginException("its descriptor() returned null");
        }
        return descriptor;
    }

    private static List<?> providers(Class<?> spi, ClassLoader loader) throws PluginException {
        List<Object> found = new ArrayList<>();
        Iterator<?> it = ServiceLoader.load(spi, loader).iterator();
        while (true) {
            try {
                if (!it.hasNext()) {
                    return found;
                }
                Object provider = it.next();
                if (provider.getClass().getClassLoader() != loader) {
                    // Only what the plugin itself defines counts as its contribution.
                    continue;
                }
                found.add(provider);
            } catch (ServiceConfigurationError | LinkageError e) {
                throw new PluginException("cannot create its " + spi.getSimpleName() + " provider: " + describe(e), e);
            }
        }
    }

    /** What identifies each contribution; a plugin whose providers cannot say it is refused at load time. */
    private static final Map<Class<?>, java.util.function.Function<Object, Object>> IDENTITY = Map.of(
            ShellCommand.class, o -> ((ShellCommand) o).name(),
            ArticleCheck.class, o -> ((ArticleCheck) o).article(),
            IniWriter.class, o -> ((IniWriter) o).id(),
            Probe.class, o -> ((Probe) o).id(),
            // The fields are its identity: listing them also checks each is well formed (name, type, kind).
            EnvironmentExtension.class, o -> ((EnvironmentExtension) o).fields());

    /** What identifies {@code provider} (its name, id, article or fields); one that cannot say it is refused. */
    private static Object validate(Class<?> spi, Object provider) throws PluginException {
        Object identity;
        try {
            identity = IDENTITY.get(spi).apply(provider);
        } catch (Throwable e) {
            if (!PluginFaults.survivable(e)) {
                throw e;
            }
            throw new PluginException(
                    "its " + spi.getSimpleName() + " " + provider.getClass().getName() + " failed to describe itself: "
                            + describe(e),
                    e);
        }
        if (identity == null) {
            throw new PluginException("its " + spi.getSimpleName() + " "
                    + provider.getClass().getName() + " has no " + (spi == ArticleCheck.class ? "article" : "name"));
        }
        return identity;
    }

    private static String describe(Throwable e) {
        return PluginFaults.describe(e);
    }

    /** The plugin's name while its descriptor is not known yet: its file. */
    private static String loaderName(ClassLoader loader) {
        String name = loader.getName();
        return name == null ? "?" : name.substring(name.indexOf(':') + 1);
    }

    private static void closeQuietly(PluginClassLoader loader) {
        try {
            loader.close();
        } catch (IOException ignored) {
            // Nothing to recover: the plugin is refused either way.
        }
    }

    /** Why one plugin did not load. */
    private static final class PluginException extends Exception {
        private static final long serialVersionUID = 1L;

        PluginException(String message) {
            super(message);
        }

        PluginException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
