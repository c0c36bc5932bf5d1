package io.kbsh.shell.plugin;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds a plugin JAR the way a third party would: Java sources compiled against the kbsh API on this
 * test's class path (outside the reactor), plus {@code META-INF/services} files.
 */
public final class TestPluginJar {

    private final String id;
    private final String pkg;
    private final Map<String, String> sources = new LinkedHashMap<>();
    private final Map<String, List<String>> services = new LinkedHashMap<>();
    private final Map<String, byte[]> entries = new LinkedHashMap<>();
    private final List<Path> classpath = new ArrayList<>();

    private TestPluginJar(String id) {
        this.id = id;
        this.pkg = "ext." + id.replace('-', '_');
    }

    /** A plugin with a descriptor built against {@code apiVersion}. */
    public static TestPluginJar plugin(String id, String apiVersion) {
        TestPluginJar jar = new TestPluginJar(id);
        jar.source("Descriptor", """
                public class Descriptor implements io.kbsh.model.plugin.KbshPlugin {
                    public io.kbsh.model.plugin.PluginDescriptor descriptor() {
                        return new io.kbsh.model.plugin.PluginDescriptor("%s", "Test plugin %s", "1.2.3", "%s");
                    }
                }""".formatted(id, id, apiVersion));
        jar.service("io.kbsh.model.plugin.KbshPlugin", "Descriptor");
        return jar;
    }

    /** A JAR of library classes only, with no descriptor. */
    public static TestPluginJar library(String name) {
        return new TestPluginJar(name);
    }

    /** Compiles against {@code jar} too (e.g. a library JAR of the same plugin). */
    public TestPluginJar compileAgainst(Path jar) {
        classpath.add(jar);
        return this;
    }

    /** Adds a command {@code name} that prints {@code expression} (Java, evaluated when it runs). */
    public TestPluginJar command(String className, String name, String expression) {
        source(className, """
                public class %s implements io.kbsh.model.command.ShellCommand {
                    public String name() { return "%s"; }
                    public String description() { return "test command"; }
                    public String usage() { return "%s"; }
                    public int run(io.kbsh.model.command.CommandContext c, java.util.List<String> args) {
                        c.out().println(%s);
                        return 0;
                    }
                }""".formatted(className, name, name, expression));
        return service("io.kbsh.model.command.ShellCommand", className);
    }

    /**
     * Adds a check of article Q{@code article} whose {@code evaluate} runs {@code body} (Java statements
     * ending in a return; {@code env}, {@code facts} and {@code store} are in scope). {@code finding(env)}
     * builds one warning finding about the first server, for a check that answers.
     */
    public TestPluginJar check(String className, int article, String body) {
        source(className, """
                public class %s implements io.kbsh.rules.ArticleCheck {
                    public io.kbsh.model.article.ArticleBrief article() {
                        return new io.kbsh.model.article.ArticleBrief(new io.kbsh.model.article.ArticleId(%d),
                                "test article %d", java.util.List.of("Exchange 5.5"), "test check");
                    }
                    java.util.List<io.kbsh.model.finding.Finding> finding(io.kbsh.model.env.Environment env) {
                        return java.util.List.of(io.kbsh.model.finding.Finding.builder(article().id(),
                                io.kbsh.model.finding.Severity.ERROR, "found by %s")
                                .affects(io.kbsh.model.finding.ObjectRef.server(env.servers().get(0).id()))
                                .evidence("a test").build());
                    }
                    public java.util.List<io.kbsh.model.finding.Finding> evaluate(io.kbsh.model.env.Environment env,
                            io.kbsh.model.fact.Facts facts, io.kbsh.model.article.ArticleStore store) {
                        %s
                    }
                }""".formatted(className, article, article, className, body));
        return service("io.kbsh.rules.ArticleCheck", className);
    }

    /** Adds an INI writer with {@code id} for article Q{@code article} that plans nothing. */
    public TestPluginJar writer(String className, String id, int article) {
        source(className, """
                public class %s implements io.kbsh.ini.writer.IniWriter {
                    public String id() { return "%s"; }
                    public io.kbsh.model.article.ArticleId article() { return new io.kbsh.model.article.ArticleId(%d); }
                    public String summary() { return "test writer %s"; }
                    public String targetFileName() { return "Test.ini"; }
                    public String targetLocation() { return "anywhere"; }
                    public java.util.List<io.kbsh.ini.writer.WriterParameter> parameters() { return java.util.List.of(); }
                    public io.kbsh.ini.plan.IniPlan plan(java.nio.file.Path file,
                            java.util.Optional<io.kbsh.ini.document.IniDocument> current,
                            io.kbsh.ini.writer.WriterArguments arguments) { throw new UnsupportedOperationException(); }
                }""".formatted(className, id, article, id));
        return service("io.kbsh.ini.writer.IniWriter", className);
    }

    /** Adds a probe with {@code id} that connects and records nothing. */
    public TestPluginJar probe(String className, String id) {
        source(className, """
                public class %s implements io.kbsh.net.probe.Probe {
                    public String id() { return "%s"; }
                    public String description() { return "test probe %s"; }
                    public int defaultPort(io.kbsh.net.probe.TlsMode tls) { return 7; }
                    public void run(io.kbsh.net.probe.ProbeContext context) {}
                }""".formatted(className, id, id));
        return service("io.kbsh.net.probe.Probe", className);
    }

    /** Adds a command {@code name} whose {@code run} executes {@code body} (statements; {@code c} is the context). */
    public TestPluginJar commandRunning(String className, String name, String body) {
        source(className, """
                public class %s implements io.kbsh.model.command.ShellCommand {
                    public String name() { return "%s"; }
                    public String description() { return "test command"; }
                    public String usage() { return "%s"; }
                    public int run(io.kbsh.model.command.CommandContext c, java.util.List<String> args) throws io.kbsh.model.command.CommandException {
                        %s
                    }
                }""".formatted(className, name, name, body));
        return service("io.kbsh.model.command.ShellCommand", className);
    }

    /** Adds a class in the plugin's package (simple name, body without the package line). */
    public TestPluginJar source(String simpleName, String code) {
        return source(pkg, simpleName, code);
    }

    /** Adds a class in package {@code packageName}. */
    public TestPluginJar source(String packageName, String simpleName, String code) {
        sources.put(packageName + "." + simpleName, "package " + packageName + ";\n" + code);
        return this;
    }

    /** Lists {@code simpleName} (in the plugin's package) as a provider of {@code spi}. */
    public TestPluginJar service(String spi, String simpleName) {
        services.computeIfAbsent(spi, k -> new ArrayList<>()).add(pkg + "." + simpleName);
        return this;
    }

    /** Adds a raw entry to the JAR. */
    public TestPluginJar entry(String name, byte[] content) {
        entries.put(name, content);
        return this;
    }

    /** Compiles the sources and writes {@code <dir>/<id>.jar}. */
    public Path writeTo(Path dir) {
        Path classes;
        try {
            classes = Files.createTempDirectory("kbsh-test-plugin-" + id);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Path src = classes.resolve("src");
            StringBuilder cp = new StringBuilder(System.getProperty("java.class.path"));
            classpath.forEach(p -> cp.append(java.io.File.pathSeparator).append(p));
            List<String> args = new ArrayList<>(List.of(
                    "--release",
                    "17",
                    "-proc:none",
                    "-classpath",
                    cp.toString(),
                    "-d",
                    classes.resolve("out").toString()));
            for (Map.Entry<String, String> e : sources.entrySet()) {
                Path file = src.resolve(e.getKey().replace('.', '/') + ".java");
                Files.createDirectories(file.getParent());
                Files.writeString(file, e.getValue());
                args.add(file.toString());
            }
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            java.io.ByteArrayOutputStream diagnostics = new java.io.ByteArrayOutputStream();
            int rc = javac.run(null, diagnostics, diagnostics, args.toArray(String[]::new));
            if (rc != 0) {
                throw new IllegalStateException("test plugin did not compile: " + diagnostics);
            }
            Files.createDirectories(dir);
            Path jar = dir.resolve(id + ".jar");
            try (OutputStream out = Files.newOutputStream(jar);
                    JarOutputStream jos = new JarOutputStream(out)) {
                Path outDir = classes.resolve("out");
                try (Stream<Path> files = Files.walk(outDir)) {
                    for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                        jos.putNextEntry(
                                new JarEntry(outDir.relativize(f).toString().replace('\\', '/')));
                        jos.write(Files.readAllBytes(f));
                        jos.closeEntry();
                    }
                }
                for (Map.Entry<String, List<String>> s : services.entrySet()) {
                    jos.putNextEntry(new JarEntry("META-INF/services/" + s.getKey()));
                    jos.write((String.join("\n", s.getValue()) + "\n").getBytes(StandardCharsets.UTF_8));
                    jos.closeEntry();
                }
                for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                    jos.putNextEntry(new JarEntry(e.getKey()));
                    jos.write(e.getValue());
                    jos.closeEntry();
                }
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            // The sources and classes were only the way to the JAR: a test run leaves nothing in the temporary
            // directory.
            deleteTree(classes);
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + root, e);
        }
    }
}
