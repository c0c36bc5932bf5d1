package io.kbsh.shell.env;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kbsh.model.env.Environment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writing version 2: every example reads back to the same environment, v1 fields come out as v2 ones. */
class EnvironmentWriterTest {

    static Environment asVersion2(Environment e) {
        return new Environment(
                Environment.SCHEMA_VERSION,
                e.organisation(),
                e.sites(),
                e.servers(),
                e.connectors(),
                e.proxies(),
                e.publications(),
                e.firewalls(),
                e.domains(),
                e.dnsServers(),
                e.windowsDomains(),
                e.mailHosts(),
                e.collected(),
                e.extensions());
    }

    @Test
    void everyExampleReadsBackTheSameAndWritingIsStable() throws Exception {
        Path dir = EnvironmentV2Test.EXAMPLES.toAbsolutePath().normalize();
        EnvironmentWriter writer = new EnvironmentWriter(Optional.of(dir));
        for (Path example : EnvironmentSchemaTest.examples()) {
            Environment read = EnvironmentReader.read(example);
            byte[] written = writer.write(read);
            Environment back = EnvironmentReader.parse(written, "written.json", dir);
            assertEquals(asVersion2(read), back, example.toString());
            assertArrayEquals(
                    written, writer.write(back), "writing what was read back gives the same bytes: " + example);
            assertEquals(
                    java.util.List.of(),
                    EnvironmentSchemaTest.errors(
                            EnvironmentSchemaTest.SHIPPED, new String(written, StandardCharsets.UTF_8)),
                    example + " as written is valid");
        }
    }

    /**
     * The rules' view is built from the records, not from the file: it must be exactly what reading the file
     * back gives (the same names, values, number and flag types, and order) for every example, the v2 one with
     * plugin fields, registry values, events and provenance included.
     */
    @Test
    void theValuesAreWhatReadingTheWrittenFileGives() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper()
                .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_LONG_FOR_INTS);
        EnvironmentWriter writer = new EnvironmentWriter(Optional.empty());
        List<Environment> environments = new java.util.ArrayList<>();
        for (Path example : EnvironmentSchemaTest.examples()) {
            environments.add(EnvironmentReader.read(example));
        }
        String withPlugins = EnvironmentV2Test.v2Text()
                .replace(
                        "\"clientsConnectBy\": \"name\",",
                        "\"clientsConnectBy\": \"name\", \"portOwners\": [\"SMTPSVC\"],")
                .replace(
                        "\"site\": \"hq\",",
                        "\"site\": \"hq\", \"relayTestHost\": \"outside.example\", \"smtpMaxSessions\": 20,")
                .replace("\"vendor\": \"Cisco\",", "\"vendor\": \"Cisco\", \"inspected\": true,")
                .replace("\"product\": \"BIND\",", "\"product\": \"BIND\", \"transferPorts\": [53],");
        environments.add(EnvironmentV2Test.parse(withPlugins, EnvironmentV2Test.SERVICES));
        for (Environment env : environments) {
            java.util.Map<String, Object> values = writer.values(env);
            @SuppressWarnings("unchecked")
            java.util.Map<String, Object> read = mapper.readValue(writer.write(env), java.util.Map.class);
            assertEquals(read, values);
            assertEquals(read.toString(), values.toString(), "the same order of fields");
        }
        assertTrue(
                writer.values(environments.get(environments.size() - 1))
                        .toString()
                        .contains("smtpMaxSessions=20"),
                "plugin fields are among the values");
        assertTrue(EnvironmentSchemaTest.examples().size() >= 4, "the examples are found");
    }

    @Test
    void versionOneFieldsComeOutAsVersionTwoOnes() throws Exception {
        Environment v1 = EnvironmentReader.read(EnvironmentV2Test.EXAMPLES.resolve("site-q254909-q187225.json"));
        String out = new String(
                new EnvironmentWriter(Optional.of(EnvironmentV2Test.EXAMPLES.toAbsolutePath())).write(v1),
                StandardCharsets.UTF_8);
        assertTrue(out.startsWith("{\n  \"schemaVersion\": 2,"), out);
        assertTrue(out.contains("\"os\": \"Windows NT 4.0 SP4\""), out);
        assertTrue(out.contains("\"cluster\": {}"), out);
        assertTrue(out.contains("\"wspClient\": {}"), out);
        assertFalse(out.contains("windowsNt") || out.contains("clustered") || out.contains("winsockProxyClient"), out);
        assertTrue(out.contains("\"localCopy\": \"collected/NWMAIL1/Mspclnt.ini\""), out);
    }

    @Test
    void copiesAreWrittenRelativeToWhereTheFileGoes(@TempDir Path elsewhere) throws Exception {
        Environment v1 = EnvironmentReader.read(EnvironmentV2Test.EXAMPLES.resolve("site-healthy.json"));
        Path out = elsewhere.resolve("sub/site.json");
        Files.createDirectories(out.getParent());
        Files.write(out, new EnvironmentWriter(Optional.of(out.getParent())).write(v1));
        Environment moved = EnvironmentReader.read(out, List.of(EnvironmentV2Test.EXAMPLES));
        assertEquals(asVersion2(v1), moved, "the copies are found from the new place");
        Path copy = moved.servers().stream()
                .flatMap(s -> s.iniFiles().stream())
                .flatMap(i -> i.localCopy().stream())
                .findFirst()
                .orElseThrow();
        assertTrue(Files.isRegularFile(copy), copy.toString());
        assertFalse(copy.startsWith(out.getParent()), "the copy stays where it was collected");
    }
}
