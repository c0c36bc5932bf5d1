package io.kbsh.shell.plugin;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kbsh.model.command.CommandContext;
import io.kbsh.model.command.ShellCommand;
import io.kbsh.model.plugin.ApiVersion;
import io.kbsh.model.plugin.KbshPlugin;
import io.kbsh.shell.exec.CommandRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.Mockito;

class PluginLoaderTest {

    @TempDir
    Path dir;

    private final PluginLoader loader = new PluginLoader(ApiVersion.parse("1.0"));

    private static String run(ShellCommand command) {
        StringWriter out = new StringWriter();
        CommandContext context = Mockito.mock(CommandContext.class);
        Mockito.when(context.out()).thenReturn(new PrintWriter(out, true));
        try {
            command.run(context, List.of());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        return out.toString().trim();
    }

    private PluginFailure onlyFailure(PluginSet set) {
        assertEquals(List.of(), set.plugins(), "no plugin should have loaded");
        assertEquals(1, set.failures().size(), () -> "failures: " + set.failures());
        return set.failures().get(0);
    }

    @Test
    void aPluginCompiledOutsideTheReactorLoadsInItsOwnClassLoader() throws Exception {
        TestPluginJar.plugin("hello", "1.0")
                .command("Hello", "hello", "\"hi from \" + getClass().getClassLoader().getName()")
                .writeTo(dir);

        PluginSet set = loader.load(List.of(dir));

        assertEquals(List.of(), set.failures());
        LoadedPlugin plugin = set.plugins().get(0);
        assertEquals("hello", plugin.descriptor().id());
        assertEquals("1.2.3", plugin.descriptor().version());
        ShellCommand hello = set.contributed(plugin, ShellCommand.class).get(0);
        assertEquals("hi from plugin:hello.jar", run(hello));
        assertInstanceOf(PluginClassLoader.class, hello.getClass().getClassLoader());
        assertTrue(hello.getClass().getClassLoader() == plugin.classLoader());
        assertThrows(
                ClassNotFoundException.class,
                () -> Class.forName("ext.hello.Hello"),
                "the plugin's class must not be on the application class path");
        // The API type it implements is the application's own, so the shell can call it.
        assertTrue(ShellCommand.class.isAssignableFrom(hello.getClass()));
    }

    @Test
    void aPluginSeesTheCheckSpiButNotTheShellsRunnerOrReportWriters() {
        TestPluginJar.plugin("peek", "1.0").writeTo(dir);
        ClassLoader plugin = loader.load(List.of(dir)).plugins().get(0).classLoader();

        for (String internal : List.of(
                "io.kbsh.shell.check.report.JsonReport",
                "io.kbsh.shell.check.run.CheckRunner",
                "io.kbsh.shell.check.waiver.Waivers")) {
            assertThrows(ClassNotFoundException.class, () -> plugin.loadClass(internal), internal);
        }
        assertDoesNotThrow(() -> plugin.loadClass("io.kbsh.rules.ArticleCheck"));
        assertDoesNotThrow(() -> plugin.loadClass("io.kbsh.model.finding.Waiver"));
    }

    @Test
    void aPluginCannotLoadInternalPackagesNorJacksonButSeesTheApiBesideThem() {
        TestPluginJar.plugin("nosy", "1.0").writeTo(dir);
        ClassLoader plugin = loader.load(List.of(dir)).plugins().get(0).classLoader();

        // On the application class path (the test proves it can see them) yet hidden from plugins.
        for (String hidden : List.of(
                "io.kbsh.net.internal.tls.ServerHello",
                "io.kbsh.net.internal.tls.LegacyClientHello",
                "com.fasterxml.jackson.databind.ObjectMapper",
                "com.fasterxml.jackson.annotation.JsonProperty",
                "io.kbsh.shell.Kbsh",
                "org.xbill.DNS.Message")) {
            assertDoesNotThrow(() -> Class.forName(hidden, false, PluginLoaderTest.class.getClassLoader()), hidden);
            assertThrows(ClassNotFoundException.class, () -> plugin.loadClass(hidden), hidden);
        }
        for (String api : List.of(
                "io.kbsh.net.probe.Wire",
                "io.kbsh.net.dns.DnsResolver",
                "io.kbsh.ini.document.IniDocument",
                "io.kbsh.model.env.Environment")) {
            assertDoesNotThrow(() -> plugin.loadClass(api), api);
        }
        assertTrue(ApiClassLoader.isShared("io.kbsh.ini.plan.IniPlan"));
        assertFalse(ApiClassLoader.isShared("io.kbsh.ini.internal.Anything"), "internal anywhere in the name hides it");
        assertFalse(ApiClassLoader.isShared("io.kbsh.netty.Thing"), "a prefix is a whole package name");
    }

    @Test
    void aDirectoryOfJarsIsOnePluginThatSeesClassesFromAllItsJars() {
        Path root = dir.resolve("root");
        Path bundle = root.resolve("greeter");
        Path lib = TestPluginJar.library("greeter-lib")
                .source(
                        "lib.greeter",
                        "Other",
                        "public class Other { public static String value() { return \"from the library jar\"; } }")
                .writeTo(bundle);
        TestPluginJar.plugin("greeter", "1.0")
                .compileAgainst(lib)
                .command("Greet", "greet", "lib.greeter.Other.value()")
                .writeTo(bundle);

        PluginSet set = loader.load(List.of(root));

        assertEquals(List.of(), set.failures());
        assertEquals(1, set.plugins().size());
        assertEquals(bundle, set.plugins().get(0).source());
        ShellCommand greet =
                set.contributed(set.plugins().get(0), ShellCommand.class).get(0);
        assertEquals("from the library jar", run(greet));
    }

    @Test
    void aDirectoryWithTwoDescriptorsIsRefusedAsAmbiguous() {
        Path root = dir.resolve("root");
        TestPluginJar.plugin("first", "1.0").writeTo(root.resolve("both"));
        TestPluginJar.plugin("second", "1.0").writeTo(root.resolve("both"));

        PluginFailure f = onlyFailure(loader.load(List.of(root)));

        assertTrue(f.reason().contains("more than one plugin descriptor"), f.reason());
    }

    @Test
    void twoPluginsMayBundleClashingVersionsOfOneLibrary() {
        for (String v : List.of("one", "two")) {
            TestPluginJar.plugin(v, "1.0")
                    .source(
                            "lib",
                            "Shared",
                            "public class Shared { public static String version() { return \"version " + v + "\"; } }")
                    .command("Cmd", "cmd-" + v, "lib.Shared.version()")
                    .writeTo(dir);
        }
        PluginSet set = loader.load(List.of(dir));

        assertEquals(List.of(), set.failures());
        assertEquals(
                "version one",
                run(set.contributed(set.plugins().get(0), ShellCommand.class).get(0)));
        assertEquals(
                "version two",
                run(set.contributed(set.plugins().get(1), ShellCommand.class).get(0)));
    }

    @Test
    void aCorruptJarIsRefusedAndTheOthersStillLoad() throws Exception {
        Files.write(dir.resolve("broken.jar"), new byte[] {'P', 'K', 3, 4, 0, 0, 1, 2, 3});
        TestPluginJar.plugin("good", "1.0").command("Good", "good", "\"fine\"").writeTo(dir);

        PluginSet set = loader.load(List.of(dir));

        assertEquals(
                List.of("good"),
                set.plugins().stream().map(p -> p.descriptor().id()).toList());
        assertEquals(1, set.failures().size());
        assertTrue(set.failures().get(0).source().endsWith("broken.jar"));
        assertTrue(
                set.failures().get(0).reason().startsWith("not a valid JAR"),
                set.failures().get(0).reason());
    }

    @Test
    void aMissingProviderClassIsRefused() throws Exception {
        TestPluginJar.plugin("missing", "1.0")
                .service("io.kbsh.model.command.ShellCommand", "NotThere")
                .writeTo(dir);

        PluginFailure f = onlyFailure(loader.load(List.of(dir)));

        assertTrue(
                f.reason().contains("cannot create its ShellCommand provider")
                        && f.reason().contains("NotThere"),
                f.reason());
    }

    @Test
    void aProviderThatThrowsInItsConstructorIsRefused() throws Exception {
        TestPluginJar.plugin("thrower", "1.0")
                .source("Boom", """
                        public class Boom implements io.kbsh.model.command.ShellCommand {
                            public Boom() { throw new IllegalStateException("no database here"); }
                            public String name() { return "boom"; }
                            public String description() { return ""; }
                            public String usage() { return ""; }
                            public int run(io.kbsh.model.command.CommandContext c, java.util.List<String> a) { return 0; }
                        }""")
                .service("io.kbsh.model.command.ShellCommand", "Boom")
                .writeTo(dir);

        PluginFailure f = onlyFailure(loader.load(List.of(dir)));

        assertTrue(f.reason().contains("no database here"), f.reason());
    }

    @Test
    void aPluginBuiltForAnotherMajorApiVersionIsRefusedNamingBothVersions() {
        TestPluginJar.plugin("future", "2.0").writeTo(dir);

        PluginFailure f = onlyFailure(loader.load(List.of(dir)));

        assertTrue(
                f.reason().contains("built against kbsh API 2.0") && f.reason().contains("provides API 1.0"),
                f.reason());
    }

    @Test
    void aPluginBuiltForANewerMinorApiVersionIsRefused() {
        TestPluginJar.plugin("newer", "1.1").writeTo(dir);

        PluginFailure f = onlyFailure(loader.load(List.of(dir)));

        assertTrue(f.reason().contains("1.1") && f.reason().contains("newer minor"), f.reason());
    }

    @Test
    void anOlderMinorApiVersionIsAccepted() {
        TestPluginJar.plugin("older", "1.0").writeTo(dir);

        PluginSet set = new PluginLoader(ApiVersion.parse("1.3")).load(List.of(dir));

        assertEquals(List.of(), set.failures());
        assertEquals(1, set.plugins().size());
    }

    @Test
    void aPluginThatBundlesTheApiIsRefused() throws IOException {
        byte[] apiClass;
        try (InputStream in = KbshPlugin.class.getResourceAsStream("KbshPlugin.class")) {
            apiClass = in.readAllBytes();
        }
        TestPluginJar.plugin("fat", "1.0")
                .entry("io/kbsh/model/plugin/KbshPlugin.class", apiClass)
                .writeTo(dir);

        PluginFailure f = onlyFailure(loader.load(List.of(dir)));

        assertTrue(f.reason().contains("bundles its own copy of the kbsh API"), f.reason());
    }

    @Test
    void aJarWithoutDescriptorIsRefused() {
        TestPluginJar.library("nodesc").command("Cmd", "orphan", "\"x\"").writeTo(dir);

        PluginFailure f = onlyFailure(loader.load(List.of(dir)));

        assertTrue(f.reason().contains("no plugin descriptor"), f.reason());
    }

    @Test
    void twoPluginsContributingOneCommandNameRefuseTheSecond() {
        TestPluginJar.plugin("alpha", "1.0")
                .command("Same", "same", "\"alpha\"")
                .writeTo(dir);
        TestPluginJar.plugin("beta", "1.0").command("Same", "same", "\"beta\"").writeTo(dir);
        PluginSet set = loader.load(List.of(dir));
        assertEquals(1, set.plugins().size(), "settled as it loads, before any built-in is known");

        CommandRegistry registry = CommandRegistry.build(List.of(), set);

        assertEquals("alpha", registry.find("same").orElseThrow().origin());
        assertEquals(
                List.of("alpha"),
                set.plugins().stream().map(p -> p.descriptor().id()).toList());
        PluginFailure f = set.failures().get(0);
        assertTrue(f.source().endsWith("beta.jar"));
        assertEquals("plugin beta: command name 'same' is already taken by plugin alpha (alpha.jar)", f.reason());
    }

    static String fields(String kind, String name) {
        return """
                public class Fields implements io.kbsh.model.env.EnvironmentExtension {
                    public java.util.List<io.kbsh.model.env.ExtensionField> fields() {
                        return java.util.List.of(new io.kbsh.model.env.ExtensionField(io.kbsh.model.env.ObjectKind.%s, "%s",
                                io.kbsh.model.env.FieldType.STRING_LIST, "services holding port 25"));
                    }
                }""".formatted(kind, name);
    }

    @Test
    void environmentFieldsAreRegisteredAndATakenFieldRefusesTheLaterPlugin() {
        TestPluginJar.plugin("alpha", "1.0")
                .source("Fields", fields("PROXY", "portOwners"))
                .service("io.kbsh.model.env.EnvironmentExtension", "Fields")
                .writeTo(dir);
        TestPluginJar.plugin("beta", "1.0")
                .source("Fields", fields("PROXY", "portOwners"))
                .service("io.kbsh.model.env.EnvironmentExtension", "Fields")
                .writeTo(dir);
        TestPluginJar.plugin("gamma", "1.0")
                .source("Fields", fields("PROXY", "services"))
                .service("io.kbsh.model.env.EnvironmentExtension", "Fields")
                .writeTo(dir);
        TestPluginJar.plugin("delta", "1.0")
                .source("Fields", fields("SERVER", "portOwners"))
                .service("io.kbsh.model.env.EnvironmentExtension", "Fields")
                .writeTo(dir);

        PluginSet set = loader.load(List.of(dir));

        assertEquals(
                List.of("alpha", "delta"),
                set.plugins().stream().map(p -> p.descriptor().id()).toList(),
                "the same name on another kind of object is another field");
        assertTrue(
                set.failures().stream()
                        .anyMatch(f -> f.source().endsWith("beta.jar")
                                && f.reason().contains("proxies[].portOwners")
                                && f.reason().contains("plugin alpha declared already")),
                set.failures().toString());
        assertTrue(
                set.failures().stream()
                        .anyMatch(f -> f.source().endsWith("gamma.jar")
                                && f.reason().contains("the environment schema already has")),
                set.failures().toString());
        List<String> declared = set.of(io.kbsh.model.env.EnvironmentExtension.class).stream()
                .flatMap(c -> c.call(io.kbsh.model.env.EnvironmentExtension::fields).stream())
                .map(io.kbsh.model.env.ExtensionField::path)
                .toList();
        assertEquals(List.of("proxies[].portOwners", "servers[].portOwners"), declared);
    }

    @Test
    void aContributionThatCannotNameItselfRefusesItsPluginAtLoadTime() {
        TestPluginJar.plugin("nameless", "1.0")
                .source("Nameless", """
                        public class Nameless implements io.kbsh.model.command.ShellCommand {
                            public String name() { throw new IllegalStateException("no name yet"); }
                            public String description() { return ""; }
                            public String usage() { return ""; }
                            public int run(io.kbsh.model.command.CommandContext c, java.util.List<String> a) { return 0; }
                        }""")
                .service("io.kbsh.model.command.ShellCommand", "Nameless")
                .writeTo(dir);
        TestPluginJar.plugin("nullwriter", "1.0")
                .source("NoId", """
                        public abstract class NoId implements io.kbsh.ini.writer.IniWriter {
                            public String id() { return null; }
                        }""")
                .source("Writer", "public class Writer extends NoId { " + IniWriterStub.BODY + " }")
                .service("io.kbsh.ini.writer.IniWriter", "Writer")
                .writeTo(dir);
        TestPluginJar.plugin("named", "1.0").command("Named", "named", "\"ok\"").writeTo(dir);

        PluginSet set = loader.load(List.of(dir));

        assertEquals(
                List.of("named"),
                set.plugins().stream().map(p -> p.descriptor().id()).toList());
        assertEquals(2, set.failures().size(), set.failures().toString());
        assertTrue(
                set.failures().stream()
                        .anyMatch(f -> f.reason().contains("failed to describe itself")
                                && f.reason().contains("no name yet")),
                set.failures().toString());
        assertTrue(
                set.failures().stream().anyMatch(f -> f.reason().contains("ext.nullwriter.Writer has no name")),
                set.failures().toString());
    }

    @Test
    void aPluginCommandCannotReplaceABuiltInOne() {
        TestPluginJar.plugin("usurper", "1.0")
                .command("Help", "help", "\"mine\"")
                .writeTo(dir);
        PluginSet set = loader.load(List.of(dir));
        ShellCommand builtin = Mockito.mock(ShellCommand.class);
        Mockito.when(builtin.name()).thenReturn("help");

        CommandRegistry registry = CommandRegistry.build(List.of(builtin), set);

        assertTrue(registry.find("help").orElseThrow().plugin().isEmpty());
        assertEquals(
                "plugin usurper: command name 'help' is already taken by a built-in command of kbsh",
                set.failures().get(0).reason());
    }

    @Test
    void aTakenWriterOrProbeIdRefusesTheLaterPluginWholeNamingBothAndTheRestLoad() {
        TestPluginJar.plugin("alpha", "1.0")
                .writer("Writer", "test-mspclnt", 1001)
                .probe("Probe", "echo")
                .writeTo(dir);
        // A writer id clashes ignoring case, as ini plan finds writers; beta's command goes with it.
        TestPluginJar.plugin("beta", "1.0")
                .writer("Writer", "Test-MSPCLNT", 1002)
                .command("Mine", "beta-only", "\"beta\"")
                .writeTo(dir);
        TestPluginJar.plugin("delta", "1.0").probe("Probe", "echo").writeTo(dir);
        TestPluginJar.plugin("gamma", "1.0").probe("Smtp", "smtp").writeTo(dir);
        TestPluginJar.plugin("omega", "1.0")
                .probe("One", "twice")
                .probe("Two", "twice")
                .writeTo(dir);
        TestPluginJar.plugin("zeta", "1.0").writer("Writer", "zeta-ini", 1003).writeTo(dir);

        PluginSet set = loader.load(List.of(dir));
        CommandRegistry registry = CommandRegistry.build(List.of(), set);

        assertEquals(
                List.of("alpha", "zeta"),
                set.plugins().stream().map(p -> p.descriptor().id()).toList());
        assertEquals(
                List.of(
                        "beta.jar: plugin beta: INI writer id 'Test-MSPCLNT' is already taken by plugin alpha (alpha.jar)",
                        "delta.jar: plugin delta: probe id 'echo' is already taken by plugin alpha (alpha.jar)",
                        "gamma.jar: plugin gamma: probe id 'smtp' is already taken by a built-in probe of kbsh",
                        "omega.jar: plugin omega contributes two probes with the id 'twice'"),
                set.failures().stream()
                        .map(f -> f.source().getFileName() + ": " + f.reason())
                        .toList());
        assertTrue(registry.find("beta-only").isEmpty(), "a refused plugin contributes nothing");
        assertEquals(
                List.of("alpha"),
                set.of(io.kbsh.net.probe.Probe.class).stream()
                        .filter(c -> c.plugin().isPresent())
                        .map(Contribution::origin)
                        .toList());
    }

    @Test
    void aPluginRefusedForABuiltInCommandNameFreesItsOtherNamesForTheNext() {
        TestPluginJar.plugin("alpha", "1.0")
                .command("Help", "help", "\"mine\"")
                .writer("Writer", "shared-id", 1001)
                .writeTo(dir);
        TestPluginJar.plugin("beta", "1.0").writer("Writer", "shared-id", 1002).writeTo(dir);
        PluginSet set = loader.load(List.of(dir));
        assertEquals(
                List.of("alpha"),
                set.plugins().stream().map(p -> p.descriptor().id()).toList());
        ShellCommand builtin = Mockito.mock(ShellCommand.class);
        Mockito.when(builtin.name()).thenReturn("help");

        CommandRegistry.build(List.of(builtin), set);

        assertEquals(
                List.of("beta"),
                set.plugins().stream().map(p -> p.descriptor().id()).toList());
        assertEquals(1, set.failures().size(), set.failures().toString());
        assertTrue(set.failures().get(0).reason().startsWith("plugin alpha: command name 'help'"));
    }

    @Test
    void ofTwoChecksForOneArticleOnlyTheFirstLoadedRunsAndTheOverlapIsSaid() {
        TestPluginJar.plugin("alpha", "1.0")
                .check("First", 1001, "return finding(env);")
                .writeTo(dir.resolve("a"));
        TestPluginJar.plugin("beta", "1.0")
                .check("Second", 1001, "return finding(env);")
                .check("Own", 1002, "return finding(env);")
                .check("Again", 1002, "return finding(env);")
                .writeTo(dir.resolve("b"));

        PluginSet set = loader.load(List.of(dir.resolve("a"), dir.resolve("b")));

        assertEquals(List.of(), set.failures(), "an overlap refuses nothing");
        assertEquals(
                List.of(
                        "two checks for Q1001: the check ext.alpha.First of plugin alpha (alpha.jar) runs,"
                                + " the check ext.beta.Second of plugin beta (beta.jar) is not run (the first loaded wins)",
                        "two checks for Q1002: the check ext.beta.Own of plugin beta (beta.jar) runs,"
                                + " the check ext.beta.Again of plugin beta (beta.jar) is not run (the first loaded wins)"),
                set.overlaps());
        assertEquals(
                List.of("alpha Q1001", "beta Q1002"),
                set.of(io.kbsh.rules.ArticleCheck.class).stream()
                        .filter(c -> c.plugin().isPresent())
                        .map(c -> c.origin() + " " + c.call(ch -> ch.article().id()))
                        .toList());
        LoadedPlugin beta = set.plugins().get(1);
        assertEquals(3, set.contributed(beta, io.kbsh.rules.ArticleCheck.class).size(), "listed, marked not run");
    }

    @Test
    void theSamePluginIdTwiceLoadsOnlyTheFirst() throws Exception {
        TestPluginJar.plugin("twin", "1.0").writeTo(dir.resolve("a"));
        TestPluginJar.plugin("twin", "1.0").writeTo(dir.resolve("b"));

        PluginSet set = loader.load(List.of(dir.resolve("a"), dir.resolve("b")));

        assertEquals(1, set.plugins().size());
        assertTrue(set.failures().get(0).reason().contains("already loaded from"));
    }

    @Test
    void aGroupWritableJarIsRefused() throws Exception {
        Path jar = TestPluginJar.plugin("loose", "1.0").writeTo(dir);
        assumeTrue(Files.getFileAttributeView(jar, java.nio.file.attribute.PosixFileAttributeView.class) != null);
        Files.setPosixFilePermissions(jar, PosixFilePermissions.fromString("rw-rw-r--"));

        PluginFailure f = onlyFailure(loader.load(List.of(dir)));

        assertTrue(f.reason().contains("writable by its group"), f.reason());
    }

    @Test
    void aWorldWritablePluginsDirectoryIsRefusedWhole() throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        TestPluginJar.plugin("inside", "1.0").writeTo(plugins);
        Files.setPosixFilePermissions(plugins, PosixFilePermissions.fromString("rwxrwxrwx"));

        PluginSet set = loader.load(List.of(plugins));

        assertEquals(List.of(), set.plugins());
        assertTrue(
                set.failures().get(0).reason().contains("writable by others"),
                set.failures().toString());
    }

    @Test
    void aLinkToASafeJarIsFollowedAndLoaded() throws Exception {
        Path elsewhere = Files.createDirectories(dir.resolve("store"));
        Path jar = TestPluginJar.plugin("linked", "1.0").writeTo(elsewhere);
        assumeTrue(Files.getFileAttributeView(jar, java.nio.file.attribute.PosixFileAttributeView.class) != null);
        Files.setPosixFilePermissions(jar, PosixFilePermissions.fromString("rw-r--r--"));
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Files.createSymbolicLink(plugins.resolve("linked.jar"), jar);

        PluginSet set = loader.load(List.of(plugins));

        assertEquals(List.of(), set.failures());
        assertEquals(
                List.of("linked"),
                set.plugins().stream().map(p -> p.descriptor().id()).toList());
    }

    @Test
    void aLinkIsJudgedByItsTargetAndTheRefusalNamesIt() throws Exception {
        Path elsewhere = Files.createDirectories(dir.resolve("store"));
        Path jar = TestPluginJar.plugin("loose", "1.0").writeTo(elsewhere);
        assumeTrue(Files.getFileAttributeView(jar, java.nio.file.attribute.PosixFileAttributeView.class) != null);
        Files.setPosixFilePermissions(jar, PosixFilePermissions.fromString("rw-rw-rw-"));
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Files.createSymbolicLink(plugins.resolve("loose.jar"), jar);

        PluginFailure f = onlyFailure(loader.load(List.of(plugins)));

        Path target = jar.toRealPath();
        assertTrue(f.reason().contains("link to " + target), f.reason());
        assertTrue(
                f.reason().contains("chmod go-w " + target),
                "the advice names the file that can be fixed: " + f.reason());
    }

    @Test
    void aPluginsDirectoryBelowAWorldWritableDirectoryIsRefused() throws Exception {
        Path open = Files.createDirectories(dir.resolve("open"));
        Path plugins = Files.createDirectories(open.resolve("plugins"));
        TestPluginJar.plugin("inside", "1.0").writeTo(plugins);
        assumeTrue(Files.getFileAttributeView(open, java.nio.file.attribute.PosixFileAttributeView.class) != null);
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));

        PluginSet set = loader.load(List.of(plugins));

        assertEquals(List.of(), set.plugins());
        String reason = set.failures().get(0).reason();
        assertTrue(reason.contains("parent directory " + open.toRealPath() + " is writable by others"), reason);
    }

    @Test
    void aStickyWorldWritableDirectoryOwnedByRootIsFine() throws Exception {
        Path shared = Files.createDirectories(dir.resolve("shared"));
        Path plugins = Files.createDirectories(shared.resolve("plugins"));
        TestPluginJar.plugin("inside", "1.0").writeTo(plugins);
        assumeTrue(
                Files.getOwner(shared).getName().equals("root"),
                "needs a directory owned by root (tests run as root here)");
        // java.nio cannot set the sticky bit; chmod can.
        Process chmod = new ProcessBuilder("chmod", "1777", shared.toString())
                .inheritIO()
                .start();
        assertEquals(0, chmod.waitFor());

        PluginSet set = loader.load(List.of(plugins));

        assertEquals(List.of(), set.failures());
        assertEquals(
                List.of("inside"),
                set.plugins().stream().map(p -> p.descriptor().id()).toList());
    }

    @Test
    void aJarOwnedBySomeoneElseIsRefused() throws Exception {
        Path jar = TestPluginJar.plugin("foreign", "1.0").writeTo(dir);
        UserPrincipal nobody;
        try {
            nobody = jar.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
            Files.setOwner(jar, nobody);
        } catch (IOException e) {
            assumeTrue(false, "cannot change the owner of a file here (not root?): " + e);
            return;
        }

        PluginFailure f = onlyFailure(new PluginLoader(
                        ApiVersion.parse("1.0"),
                        new PluginTrust("kbsh-test-user"),
                        getClass().getClassLoader())
                .load(List.of(dir)));

        assertTrue(f.reason().contains("owned by nobody"), f.reason());
    }

    @Test
    void anAbsentDirectoryIsSkippedSilently() {
        PluginSet set = loader.load(List.of(dir.resolve("nope")));

        assertEquals(List.of(), set.plugins());
        assertEquals(List.of(), set.failures());
    }

    @Test
    void pluginCodeRunsWithItsOwnContextClassLoaderOnAnyThread() throws Exception {
        TestPluginJar.plugin("ctx", "1.0")
                .command("Ctx", "ctx", "Thread.currentThread().getContextClassLoader().getName()")
                .writeTo(dir);
        PluginSet set = loader.load(List.of(dir));
        Contribution<ShellCommand> c = set.of(ShellCommand.class).stream()
                .filter(x -> x.plugin().isPresent())
                .findFirst()
                .orElseThrow();

        String viaCall = c.call(PluginLoaderTest::run);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            String onAnotherThread = pool.submit(() -> run(c.instance())).get();
            assertEquals("plugin:ctx.jar", viaCall);
            assertEquals(
                    "plugin:ctx.jar", onAnotherThread, "a bare call on a pool thread runs in the plugin's loader too");
        } finally {
            pool.shutdownNow();
        }
        assertEquals("ctx", c.instance().name(), "the wrapper still delegates");
        assertEquals(Optional.of("ctx"), c.plugin().map(p -> p.descriptor().id()));
    }
}
