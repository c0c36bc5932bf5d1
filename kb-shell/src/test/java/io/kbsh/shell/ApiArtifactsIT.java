package io.kbsh.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kbsh.ini.document.IniDocument;
import io.kbsh.model.plugin.ApiVersion;
import io.kbsh.net.probe.Probe;
import io.kbsh.rules.ArticleCheck;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarFile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each of the four API modules ships what a library does: its JAR names a stable module
 * ({@code Automatic-Module-Name}), and beside it lie a sources JAR and a javadoc JAR built from the same
 * code. Run as an integration test, after the reactor has packaged the API modules: the JAR each API class
 * is loaded from is the module's packaged artifact, and the other two are looked for next to it.
 */
class ApiArtifactsIT {

    @ParameterizedTest
    @ValueSource(classes = {ApiVersion.class, ArticleCheck.class, IniDocument.class, Probe.class})
    void anApiModuleShipsSourcesJavadocAndAModuleName(Class<?> type) throws IOException, URISyntaxException {
        Path jar =
                Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertTrue(
                Files.isRegularFile(jar) && jar.getFileName().toString().endsWith(".jar"),
                type.getName() + " must come from its module's packaged JAR here, not from " + jar);
        String base = jar.getFileName().toString().replaceFirst("\\.jar$", "");
        String entry = type.getName().replace('.', '/');
        String module = type.getPackageName().replaceFirst("^(io\\.kbsh\\.[a-z]+).*", "$1");

        try (JarFile main = new JarFile(jar.toFile());
                JarFile sources =
                        new JarFile(jar.resolveSibling(base + "-sources.jar").toFile());
                JarFile javadoc =
                        new JarFile(jar.resolveSibling(base + "-javadoc.jar").toFile())) {
            assertEquals(
                    module, main.getManifest().getMainAttributes().getValue("Automatic-Module-Name"), jar.toString());
            assertNotNull(sources.getEntry(entry + ".java"), "the sources JAR holds " + entry + ".java");
            // Javadoc files a named module's pages under the module's name: MODULE/io/kbsh/....html.
            assertTrue(
                    javadoc.stream().anyMatch(e -> e.getName().equals(module + "/" + entry + ".html")),
                    "the javadoc JAR documents " + type.getName() + " under its module name");
            assertTrue(
                    javadoc.stream().noneMatch(e -> e.getName().contains("/internal/")),
                    "internal packages are not documented as API");
        }
    }
}
