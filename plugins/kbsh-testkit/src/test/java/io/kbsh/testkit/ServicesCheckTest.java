package io.kbsh.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kbsh.model.plugin.KbshPlugin;
import io.kbsh.rules.ArticleCheck;
import io.kbsh.testkit.fixture.FixtureCheck;
import io.kbsh.testkit.fixture.FixturePlugin;
import io.kbsh.testkit.fixture.NotAnything;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build-time services check on a real classes directory: class files copied in, services files written. */
class ServicesCheckTest {

    @TempDir
    Path classes;

    private void copy(Class<?> c) throws IOException {
        String file = c.getName().replace('.', '/') + ".class";
        Path target = classes.resolve(file);
        Files.createDirectories(target.getParent());
        try (InputStream in = c.getClassLoader().getResourceAsStream(file)) {
            Files.copy(in, target);
        }
    }

    private void services(Class<?> spi, String... lines) throws IOException {
        Path file = classes.resolve("META-INF/services/" + spi.getName());
        Files.createDirectories(file.getParent());
        Files.writeString(file, String.join("\n", lines) + "\n");
    }

    private List<String> check() throws IOException {
        // The classes are also on the test class path: the check must look at the directory to tell them apart.
        try (URLClassLoader loader = new URLClassLoader(
                new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            return ServicesCheck.check(classes, loader);
        }
    }

    @Test
    void aWellFormedPluginPasses() throws IOException {
        copy(FixturePlugin.class);
        copy(FixtureCheck.class);
        services(KbshPlugin.class, "# the descriptor", FixturePlugin.class.getName());
        services(ArticleCheck.class, FixtureCheck.class.getName() + "  # trailing comment");
        assertEquals(List.of(), check());
    }

    @Test
    void eachMistakeIsOneLineNamingFileLineAndClass() throws IOException {
        copy(FixturePlugin.class);
        copy(FixtureCheck.class);
        copy(FixtureCheck.Hidden.class);
        copy(NotAnything.class);
        services(KbshPlugin.class, FixturePlugin.class.getName());
        services(
                ArticleCheck.class,
                FixtureCheck.class.getName(),
                "io.kbsh.testkit.fixture.FixtureChek",
                NotAnything.class.getName(),
                FixtureCheck.Hidden.class.getName(),
                FixtureCheck.class.getName(),
                ServicesCheckTest.class.getName());
        Files.writeString(classes.resolve("META-INF/services/io.kbsh.rules.ArticleChecks"), "x.Y\n");
        String spi = "META-INF/services/" + ArticleCheck.class.getName();
        assertEquals(
                List.of(
                        spi + ":2: io.kbsh.testkit.fixture.FixtureChek is not a class of this plugin",
                        spi + ":3: " + NotAnything.class.getName() + " does not implement "
                                + ArticleCheck.class.getName(),
                        spi + ":4: " + FixtureCheck.Hidden.class.getName()
                                + " needs a public no-argument constructor or a public static provider() method",
                        spi + ":5: " + FixtureCheck.class.getName() + " is listed twice",
                        spi + ":6: " + ServicesCheckTest.class.getName() + " is not a class of this plugin",
                        "META-INF/services/io.kbsh.rules.ArticleChecks: io.kbsh.rules.ArticleChecks is no kbsh SPI (one of "
                                + String.join(
                                        ", ",
                                        ServicesCheck.SPIS.stream()
                                                .map(Class::getName)
                                                .toList()) + ")"),
                check());
    }

    @Test
    void aMissingDescriptorAndAnUnlistedCheckAreReported() throws IOException {
        copy(FixtureCheck.class);
        List<String> problems = check();
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("exactly one descriptor, found 0"), problems.get(0));
        assertEquals(
                FixtureCheck.class.getName() + " implements " + ArticleCheck.class.getName() + " but META-INF/services/"
                        + ArticleCheck.class.getName() + " does not list it: kbsh would never load it",
                problems.get(1));
    }

    @Test
    void mainFailsTheBuildWithEveryProblemAndPassesPomProjects() throws IOException {
        Thread.currentThread().setContextClassLoader(getClass().getClassLoader());
        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> ServicesCheck.main(new String[] {classes.toString()}));
        assertTrue(e.getMessage().contains("exactly one descriptor, found 0"), e.getMessage());
        ServicesCheck.main(new String[] {classes.toString(), "pom"});
    }

    private void rulePackManifest() throws IOException {
        Path manifest = classes.resolve(ServicesCheck.RULE_PACK_MANIFEST);
        Files.createDirectories(manifest.getParent());
        Files.writeString(manifest, "id: some-rules\nname: Some rules\nversion: 1.0.0\nformat: 1\n");
    }

    @Test
    void aRulePackJarNeedsNoDescriptorButMayHoldNoCode() throws IOException {
        rulePackManifest();
        assertEquals(List.of(), check(), "rules only: nothing to check");
        ServicesCheck.main(new String[] {classes.toString(), "jar"});

        copy(FixtureCheck.class);
        services(ArticleCheck.class, FixtureCheck.class.getName());
        assertEquals(
                List.of(
                        "META-INF/services/" + ArticleCheck.class.getName()
                                + ": a rule pack without a descriptor loads no code;"
                                + " add a KbshPlugin descriptor (a Java plugin may carry rules) or remove the file",
                        FixtureCheck.class.getName()
                                + ": a rule pack without a descriptor loads no code; kbsh would never load this class"),
                check());
    }

    @Test
    void aJavaPluginCarryingRulesIsCheckedAsAPlugin() throws IOException {
        rulePackManifest();
        copy(FixturePlugin.class);
        copy(FixtureCheck.class);
        services(KbshPlugin.class, FixturePlugin.class.getName());
        assertEquals(
                List.of(FixtureCheck.class.getName() + " implements " + ArticleCheck.class.getName()
                        + " but META-INF/services/" + ArticleCheck.class.getName()
                        + " does not list it: kbsh would never load it"),
                check());
    }
}
