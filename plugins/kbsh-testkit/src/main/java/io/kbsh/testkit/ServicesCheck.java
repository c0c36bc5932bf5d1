package io.kbsh.testkit;

import io.kbsh.ini.writer.IniWriter;
import io.kbsh.model.command.ShellCommand;
import io.kbsh.model.plugin.KbshPlugin;
import io.kbsh.net.probe.Probe;
import io.kbsh.rules.ArticleCheck;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Checks a plugin's {@code META-INF/services} files the way kbsh's loader will read them, at build time:
 * the kbsh plugin parent POM runs it on {@code target/classes} (phase {@code process-test-classes}), so a
 * typo in a class name, a provider that does not implement its SPI, a missing descriptor or a contribution
 * nobody listed fails the build instead of the plugin's first start.
 *
 * <p>What it requires:
 * <ul>
 *   <li>exactly one {@code io.kbsh.model.plugin.KbshPlugin} provider — or, for a rule pack JAR (a
 *       {@code META-INF/kbsh/rules/kbsh-pack.yaml} and no descriptor), no code at all: kbsh reads such a
 *       JAR as data and would never load a class or a services file in it;</li>
 *   <li>every line of a services file named for a kbsh SPI names a class of this plugin's own classes that
 *       is public, not abstract, implements that SPI and has a public no-argument constructor (or a public
 *       static {@code provider()} method), and no class is listed twice;</li>
 *   <li>no services file names an {@code io.kbsh.} type that is not an SPI (a misspelt file name);</li>
 *   <li>every public concrete class of the plugin that implements an SPI is listed (an unlisted check
 *       never runs).</li>
 * </ul>
 * Classes are loaded without being initialised: no plugin code runs.
 *
 * <p>Thread-safe: it keeps no state.
 */
public final class ServicesCheck {

    /** Where a JAR carries a rule pack's manifest (docs/rules.md). */
    public static final String RULE_PACK_MANIFEST = "META-INF/kbsh/rules/kbsh-pack.yaml";

    /** The service types kbsh discovers in a plugin. */
    public static final List<Class<?>> SPIS =
            List.of(KbshPlugin.class, ShellCommand.class, ArticleCheck.class, IniWriter.class, Probe.class);

    private ServicesCheck() {}

    /**
     * Checks {@code args[0]} (a classes directory) with the thread's context class loader, which must see
     * those classes and the kbsh API; prints a summary, or fails with every problem, one a line. An optional
     * {@code args[1]} is the project's packaging: {@code pom} projects have no classes and pass.
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 2) {
            throw new IllegalArgumentException("usage: ServicesCheck CLASSES_DIRECTORY [PACKAGING]");
        }
        if (args.length == 2 && args[1].equals("pom")) {
            System.out.println("kbsh plugin services: a pom project has none to check");
            return;
        }
        Path classes = Path.of(args[0]);
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        List<String> problems = check(classes, loader);
        if (!problems.isEmpty()) {
            throw new IllegalStateException(
                    "kbsh plugin services in " + classes + ":\n  " + String.join("\n  ", problems));
        }
        System.out.println("kbsh plugin services: " + summary(classes));
    }

    /** The problems found in {@code classes}, each naming the file (and line) and what is wrong; empty when none. */
    public static List<String> check(Path classes, ClassLoader loader) throws IOException {
        List<String> problems = new ArrayList<>();
        Path services = classes.resolve("META-INF/services");
        Map<Class<?>, Set<String>> listed = new LinkedHashMap<>();
        for (Class<?> spi : SPIS) {
            listed.put(spi, new HashSet<>());
        }
        if (Files.isDirectory(services)) {
            try (Stream<Path> files = Files.list(services)) {
                for (Path file : files.sorted().toList()) {
                    String type = file.getFileName().toString();
                    Class<?> spi = SPIS.stream()
                            .filter(s -> s.getName().equals(type))
                            .findFirst()
                            .orElse(null);
                    if (spi == null) {
                        if (type.startsWith("io.kbsh.")) {
                            problems.add("META-INF/services/" + type + ": " + type + " is no kbsh SPI (one of "
                                    + String.join(
                                            ", ",
                                            SPIS.stream().map(Class::getName).toList()) + ")");
                        }
                        continue;
                    }
                    checkFile(classes, loader, file, spi, listed.computeIfAbsent(spi, k -> new HashSet<>()), problems);
                }
            }
        }
        int descriptors = listed.getOrDefault(KbshPlugin.class, Set.of()).size();
        if (descriptors == 0 && Files.isRegularFile(classes.resolve(RULE_PACK_MANIFEST))) {
            // A rule pack JAR: the loader takes it as data, so anything executable in it is dead weight.
            for (Class<?> spi : SPIS) {
                if (Files.exists(services.resolve(spi.getName()))) {
                    problems.add(
                            "META-INF/services/" + spi.getName() + ": a rule pack without a descriptor loads no code;"
                                    + " add a KbshPlugin descriptor (a Java plugin may carry rules) or remove the file");
                }
            }
            for (String className : classNames(classes)) {
                problems.add(className
                        + ": a rule pack without a descriptor loads no code; kbsh would never load this class");
            }
            return problems;
        }
        if (descriptors != 1) {
            problems.add("META-INF/services/" + KbshPlugin.class.getName()
                    + ": a plugin names exactly one descriptor, found " + descriptors + " (kbsh refuses the plugin)");
        }
        for (String className : classNames(classes)) {
            Optional<Class<?>> loaded = load(className, loader);
            if (loaded.isEmpty()) {
                continue;
            }
            Class<?> c = loaded.get();
            if (!Modifier.isPublic(c.getModifiers()) || Modifier.isAbstract(c.getModifiers()) || c.isInterface()) {
                continue;
            }
            for (Class<?> spi : SPIS) {
                if (spi.isAssignableFrom(c)
                        && !listed.getOrDefault(spi, Set.of()).contains(className)) {
                    problems.add(className + " implements " + spi.getName() + " but META-INF/services/" + spi.getName()
                            + " does not list it: kbsh would never load it");
                }
            }
        }
        return problems;
    }

    private static void checkFile(
            Path classes, ClassLoader loader, Path file, Class<?> spi, Set<String> listed, List<String> problems)
            throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int hash = line.indexOf('#');
            String name = (hash >= 0 ? line.substring(0, hash) : line).strip();
            if (name.isEmpty()) {
                continue;
            }
            String where = "META-INF/services/" + spi.getName() + ":" + (i + 1) + ": ";
            if (!listed.add(name)) {
                problems.add(where + name + " is listed twice");
                continue;
            }
            if (!Files.isRegularFile(classes.resolve(name.replace('.', '/') + ".class"))) {
                problems.add(where + name + " is not a class of this plugin");
                continue;
            }
            Optional<Class<?>> loaded = load(name, loader);
            if (loaded.isEmpty()) {
                problems.add(where + name + " cannot be loaded");
                continue;
            }
            Class<?> c = loaded.get();
            if (!spi.isAssignableFrom(c)) {
                problems.add(where + name + " does not implement " + spi.getName());
            } else if (!Modifier.isPublic(c.getModifiers())
                    || Modifier.isAbstract(c.getModifiers())
                    || c.isInterface()) {
                problems.add(where + name + " must be a public, concrete class");
            } else if (!instantiable(c)) {
                problems.add(
                        where + name + " needs a public no-argument constructor or a public static provider() method");
            }
        }
    }

    private static boolean instantiable(Class<?> c) {
        // ServiceLoader's two ways to make a provider: a public no-argument constructor, or public static provider().
        if (Arrays.stream(c.getConstructors()).anyMatch(k -> k.getParameterCount() == 0)) {
            return true;
        }
        try {
            Method provider = c.getMethod("provider");
            return Modifier.isStatic(provider.getModifiers());
        } catch (NoSuchMethodException none) {
            return false;
        }
    }

    private static Optional<Class<?>> load(String name, ClassLoader loader) {
        try {
            return Optional.of(Class.forName(name, false, loader));
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
    }

    private static List<String> classNames(Path classes) throws IOException {
        if (!Files.isDirectory(classes)) {
            return List.of();
        }
        try (Stream<Path> all = Files.walk(classes)) {
            return all.filter(f -> f.toString().endsWith(".class")
                            && !f.getFileName().toString().contains("$")
                            && !f.getFileName().toString().equals("module-info.class")
                            && !f.getFileName().toString().equals("package-info.class"))
                    .map(f -> {
                        String rel = classes.relativize(f).toString().replace('\\', '/');
                        return rel.substring(0, rel.length() - ".class".length())
                                .replace('/', '.');
                    })
                    .sorted()
                    .toList();
        }
    }

    private static String summary(Path classes) throws IOException {
        if (Files.isRegularFile(classes.resolve(RULE_PACK_MANIFEST))
                && !Files.exists(classes.resolve("META-INF/services/" + KbshPlugin.class.getName()))) {
            return "a rule pack (" + RULE_PACK_MANIFEST + "), no code";
        }
        Path services = classes.resolve("META-INF/services");
        int contributions = 0;
        for (Class<?> spi : SPIS) {
            Path file = services.resolve(spi.getName());
            if (Files.isRegularFile(file) && spi != KbshPlugin.class) {
                contributions += (int) Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                        .map(l -> l.replaceAll("#.*", "").strip())
                        .filter(l -> !l.isEmpty())
                        .count();
            }
        }
        return "1 descriptor and " + contributions + " contribution(s), each a public class implementing its SPI";
    }
}
