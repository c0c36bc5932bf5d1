package io.kbsh.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API compatibility gate, run as the build runs it: a small module that inherits the root POM (and so
 * its {@code kbsh-api} profile, switched on by an {@code api/} directory) is built by the same Maven, offline,
 * against a baseline JAR compiled here from an older source. A removal, and a new abstract method in an
 * interface (source-incompatible: every implementation breaks), fail the build naming what changed; an
 * addition (a method, a default method), a change in an {@code internal} package, and a removal at a new major
 * version pass.
 */
class ApiGateIT {

    private static final String OLD = """
            package io.kbsh.gateprobe;

            /**
             * A type of the probe API.
             *
             * @since 2.0
             */
            public final class Thing {
                /** @return a */
                public String a() { return "a"; }
                /** @return b */
                public String b() { return "b"; }
            }
            """;

    private static final String REMOVED_B =
            OLD.replace("    /** @return b */\n    public String b() { return \"b\"; }\n", "");

    private static final String SPI_OLD = """
            package io.kbsh.gateprobe;

            /**
             * An SPI of the probe API, implemented by plugins.
             *
             * @since 2.0
             */
            public interface Contribution {
                /** @return the id */
                String id();
            }
            """;

    private static final String INTERNAL_OLD = """
            package io.kbsh.gateprobe.internal;

            /** Not API. */
            public final class Helper {
                /** @return x */
                public static int x() { return 1; }
            }
            """;

    @TempDir
    Path dir;

    @Test
    void aRemovalFailsTheBuildNamingWhatWasRemoved() throws Exception {
        assertTrue(!REMOVED_B.equals(OLD), "the test must really remove b()");
        Path module = module(REMOVED_B, SPI_OLD, INTERNAL_OLD);

        Build build = maven(module);

        assertNotEquals(0, build.status(), build.output());
        assertTrue(
                build.output().contains("io.kbsh.gateprobe.Thing.b()")
                        && build.output().contains("METHOD_REMOVED"),
                build.output());
    }

    @Test
    void anAbstractMethodAddedToAnInterfaceFailsTheBuild() throws Exception {
        Path module = module(
                OLD,
                SPI_OLD.replace("String id();", "String id();\n    /** @return more @since 2.1 */\n    String more();"),
                INTERNAL_OLD);

        Build build = maven(module);

        assertNotEquals(0, build.status(), build.output());
        assertTrue(
                build.output().contains("io.kbsh.gateprobe.Contribution")
                        && build.output().contains("METHOD_ADDED_TO_INTERFACE"),
                build.output());
    }

    @Test
    void additionsAndAChangeInAnInternalPackagePassAndTheModuleShipsItsSourcesJavadocAndModuleName() throws Exception {
        Path module = module(
                OLD.replace(
                        "public String b() { return \"b\"; }",
                        "public String b() { return \"b\"; }\n    /** @return c @since 2.1 */\n    public String c() { return \"c\"; }"),
                SPI_OLD.replace(
                        "String id();",
                        "String id();\n    /** @return more @since 2.1 */\n    default String more() { return id(); }"),
                INTERNAL_OLD.replace("public static int x()", "public static long y()"));

        Build build = maven(module, true);

        assertEquals(0, build.status(), build.output());
        assertTrue(build.output().contains("api-gate"), "the gate ran: " + build.output());
        // What the kbsh-api profile adds to every API module: sources and javadoc JARs and a stable module name.
        Path target = module.resolve("target");
        try (JarFile sources = new JarFile(target.resolve("gate-probe-" + version() + "-sources.jar")
                        .toFile());
                JarFile javadoc = new JarFile(target.resolve("gate-probe-" + version() + "-javadoc.jar")
                        .toFile());
                JarFile jar = new JarFile(
                        target.resolve("gate-probe-" + version() + ".jar").toFile())) {
            assertTrue(sources.getEntry("io/kbsh/gateprobe/Thing.java") != null, "sources JAR holds the sources");
            // Javadoc files a named module's pages under the module's name.
            assertTrue(
                    javadoc.getEntry("io.kbsh.gateprobe/io/kbsh/gateprobe/Thing.html") != null,
                    "javadoc JAR documents the API");
            assertTrue(
                    javadoc.stream().noneMatch(e -> e.getName().contains("/internal/")),
                    "internal packages are not API");
            assertEquals(
                    "io.kbsh.gateprobe", jar.getManifest().getMainAttributes().getValue("Automatic-Module-Name"));
        }
    }

    @Test
    void aRemovalPassesWhenTheMajorVersionMoves() throws Exception {
        Path module = module(REMOVED_B, SPI_OLD, INTERNAL_OLD);

        Build build = maven(module, false, "-Dkbsh.api.version=3.0");

        assertEquals(0, build.status(), build.output());
    }

    record Build(int status, String output) {}

    private static String version() {
        return System.getProperty("kbsh.version", "2.0.0-SNAPSHOT");
    }

    /** A module whose baseline is {@link #OLD}, {@link #SPI_OLD} and {@link #INTERNAL_OLD}, with the given sources. */
    private Path module(String thing, String spi, String helper) throws IOException {
        Path root = Path.of(System.getProperty("kbsh.root", ""));
        assumeTrue(Files.isRegularFile(root.resolve("pom.xml")), "skipped: system property kbsh.root names no reactor");
        Path module = dir.toAbsolutePath().resolve("gate-probe");
        write(module.resolve("src/main/java/io/kbsh/gateprobe/Thing.java"), thing);
        write(module.resolve("src/main/java/io/kbsh/gateprobe/Contribution.java"), spi);
        write(module.resolve("src/main/java/io/kbsh/gateprobe/internal/Helper.java"), helper);
        write(module.resolve("pom.xml"), """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <parent>
                    <groupId>io.kbsh</groupId>
                    <artifactId>kbsh-parent</artifactId>
                    <version>%s</version>
                    <relativePath>%s</relativePath>
                  </parent>
                  <artifactId>gate-probe</artifactId>
                  <properties>
                    <kbsh.module.name>io.kbsh.gateprobe</kbsh.module.name>
                  </properties>
                </project>
                """.formatted(
                        version(), module.relativize(root.toAbsolutePath().resolve("pom.xml"))));
        baseline(module.resolve("api/baseline.jar"));
        return module;
    }

    private void baseline(Path jar) throws IOException {
        Path src = dir.resolve("old-src");
        Path classes = Files.createDirectories(dir.resolve("old-classes"));
        List<String> args = new ArrayList<>(List.of("--release", "17", "-d", classes.toString()));
        args.add(write(src.resolve("io/kbsh/gateprobe/Thing.java"), OLD).toString());
        args.add(write(src.resolve("io/kbsh/gateprobe/Contribution.java"), SPI_OLD)
                .toString());
        args.add(write(src.resolve("io/kbsh/gateprobe/internal/Helper.java"), INTERNAL_OLD)
                .toString());
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, javac.run(null, null, null, args.toArray(String[]::new)));
        Files.createDirectories(jar.getParent());
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
                Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(f));
                out.closeEntry();
            }
        }
    }

    private Build maven(Path module, String... extra) throws Exception {
        return maven(module, false, extra);
    }

    /** Maven, offline, on the probe module: {@code docs} also builds its sources and javadoc JARs. */
    private Build maven(Path module, boolean docs, String... extra) throws Exception {
        Path mvn = Path.of(System.getProperty("kbsh.maven.home", ""), "bin", "mvn");
        assumeTrue(Files.isExecutable(mvn), "skipped: no Maven at " + mvn + " (system property kbsh.maven.home)");
        List<String> command = new ArrayList<>(List.of(
                mvn.toString(),
                "-B",
                "-ntp",
                "-o",
                "verify",
                "-DskipTests",
                // The probe module's sources are the test's own snippets, not formatted code of the project.
                "-Dkbsh.format.skip=true",
                "-f",
                module.resolve("pom.xml").toString()));
        String repo = System.getProperty("kbsh.maven.repo", "");
        if (!repo.isBlank()) {
            command.add("-Dmaven.repo.local=" + repo);
        }
        if (!docs) {
            command.addAll(List.of("-Dmaven.javadoc.skip=true", "-Dmaven.source.skip=true"));
        }
        command.addAll(List.of(extra));
        Path log = dir.resolve("maven.log");
        Process p = new ProcessBuilder(command)
                .directory(module.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(devNull()))
                .start();
        if (!p.waitFor(8, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("Maven did not finish within 8 minutes:\n" + Files.readString(log));
        }
        return new Build(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    private static java.io.File devNull() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    private static Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }
}
