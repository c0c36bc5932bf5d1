package io.kbsh.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a stranger does with the SDK, end to end: generate a plugin project from the archetype in a directory
 * outside the reactor, build it with Maven against installed artifacts only (target/it-repo, where
 * maven-invoker-plugin installed this build's; everything else comes from the outer build's local
 * repository through a file:// mirror, so nothing touches the network), let its own tests run on the test
 * kit, then drop the JAR into a plugins directory and run the packaged {@code bin/kbsh --plugins DIR}: the
 * plugin loads, its command answers and its check reports on an environment.
 */
class TemplatePluginIT {

    private static final String ARTICLE = "Q999999";
    private static final String TITLE = "XFOR: Template Plugin Works";

    @TempDir
    Path work;

    record Run(int status, String output) {}

    private static Path property(String name) {
        String value = System.getProperty(name);
        assertTrue(value != null && !value.isBlank(), "system property " + name + " is set by the POM");
        return Path.of(value);
    }

    private Run run(Path directory, List<String> command) throws IOException, InterruptedException {
        Path log = Files.createTempFile(work, "run", ".log");
        Process p = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError(command + " did not finish within 5 minutes:\n" + Files.readString(log));
        }
        return new Run(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    private List<String> maven(Path settings, String... args) {
        Path mvn = property("maven.home").resolve("bin/mvn");
        List<String> command = new ArrayList<>(List.of(
                mvn.toString(),
                "-B",
                "-ntp",
                "-s",
                settings.toString(),
                "-Dmaven.repo.local=" + property("kbsh.it.repo")));
        command.addAll(List.of(args));
        return command;
    }

    /** Settings for the stranger's builds: the private repository, and every remote mirrored to the outer local repository. */
    private Path settings() throws IOException {
        Path settings = work.resolve("settings.xml");
        Files.writeString(settings, """
                <settings>
                  <localRepository>%s</localRepository>
                  <offline>false</offline>
                  <mirrors>
                    <mirror>
                      <id>outer-local</id>
                      <mirrorOf>*</mirrorOf>
                      <url>%s</url>
                    </mirror>
                  </mirrors>
                </settings>
                """.formatted(
                        property("kbsh.it.repo"), property("kbsh.outer.repo").toUri()));
        return settings;
    }

    @Test
    void aPluginFromTheTemplateBuildsTestsAndLoadsInThePackagedKbsh() throws Exception {
        Path settings = settings();
        String version = System.getProperty("kbsh.version");

        // 1. One command makes the project, outside the reactor.
        Run generate = run(
                work,
                maven(
                        settings,
                        System.getProperty("kbsh.archetype.plugin") + ":generate",
                        "-DarchetypeGroupId=io.kbsh",
                        "-DarchetypeArtifactId=kbsh-plugin-archetype",
                        "-DarchetypeVersion=" + version,
                        "-DarchetypeCatalog=local",
                        "-DgroupId=com.example.kb",
                        "-DartifactId=q999999",
                        "-Dversion=1.0.0",
                        "-Dpackage=com.example.kb.q999999",
                        "-Darticle=" + ARTICLE,
                        "-Dtitle=" + TITLE,
                        "-DinteractiveMode=false"));
        assertEquals(0, generate.status(), generate.output());
        Path project = work.resolve("q999999");
        assertTrue(
                Files.isRegularFile(project.resolve("src/main/java/com/example/kb/q999999/check/Q999999Check.java")),
                generate.output());
        assertTrue(
                Files.readString(project.resolve("pom.xml")).contains("<version>" + version + "</version>"),
                "the template's parent is this kbsh's version");

        // 2. It builds against the installed SDK and passes its own tests, run on the test kit.
        Run build = run(project, maven(settings, "verify"));
        assertEquals(0, build.status(), build.output());
        assertTrue(build.output().contains("kbsh plugin services: 1 descriptor and 2 contribution(s)"), build.output());
        Matcher tests = Pattern.compile("Tests run: (\\d+), Failures: 0, Errors: 0, Skipped: 0\\s*$", Pattern.MULTILINE)
                .matcher(build.output());
        assertTrue(
                tests.find() && Integer.parseInt(tests.group(1)) == 4,
                "the template's four tests ran:\n" + build.output());
        Path jar = project.resolve("target/q999999-1.0.0.jar");
        assertTrue(Files.isRegularFile(jar), build.output());

        // 3. Dropped into a plugins directory, the packaged kbsh loads it; the command and the check work.
        Path plugins = Files.createDirectory(work.resolve("plugins"));
        Files.setPosixFilePermissions(plugins, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path dropped = Files.copy(jar, plugins.resolve(jar.getFileName()));
        Files.setPosixFilePermissions(dropped, PosixFilePermissions.fromString("rw-r--r--"));
        Path site = work.resolve("site.json");
        Files.writeString(site, """
                {"schemaVersion": 1,
                 "servers": [{"id": "EXCH1", "exchange": "5.5 SP2"}, {"id": "EXCH2", "exchange": "5.5 SP4"}]}
                """);
        Path kbsh = property("kbsh.distribution").resolve("bin/kbsh");
        Run shell = run(
                work,
                List.of(
                        kbsh.toString(),
                        "--home",
                        work.resolve("home").toString(),
                        "--strict",
                        "--plugins",
                        plugins.toString(),
                        "-c",
                        "plugins; q999999; which q999999; env load '" + site + "'; check " + ARTICLE));
        assertEquals(0, shell.status(), shell.output());
        assertTrue(shell.output().contains("7 plugin(s) loaded"), shell.output());
        assertTrue(shell.output().contains(dropped.toString()), shell.output());
        assertTrue(
                shell.output().contains(ARTICLE + ": " + TITLE + "\nfixed in: Exchange Server 5.5 SP4"),
                shell.output());
        assertTrue(shell.output().contains("q999999: plugin q999999"), shell.output());
        assertTrue(shell.output().contains("EXCH1 runs Exchange Server 5.5 SP2, which 5.5 SP4 fixes"), shell.output());
        assertTrue(!shell.output().contains("EXCH2 runs"), shell.output());
    }
}
