package io.kbsh.shell.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.kbsh.shell.json.JsonInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The JSON Schema shipped for editors, checked by a real JSON Schema validator (networknt) against every
 * example and fixture, and against the reader on bad files: what the reader refuses, the schema refuses.
 */
class EnvironmentSchemaTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static Schema schema(byte[] bytes) {
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(new String(bytes, StandardCharsets.UTF_8));
    }

    static final Schema SHIPPED = schema(EnvironmentSchema.bytes());

    static List<Error> errors(Schema schema, String json) throws IOException {
        return schema.validate(JSON.readTree(json));
    }

    static List<Path> examples() throws IOException {
        try (Stream<Path> files = Files.list(EnvironmentV2Test.EXAMPLES)) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    @Test
    void everyExampleAndFixtureIsValidAndReads() throws Exception {
        List<String> documents = new ArrayList<>();
        for (Path p : examples()) {
            documents.add(Files.readString(p));
        }
        assertTrue(documents.size() >= 4, "the three version 1 examples and the version 2 one");
        documents.add(EnvironmentReaderTest.GOOD);
        for (String doc : documents) {
            assertEquals(List.of(), errors(SHIPPED, doc), doc.substring(0, Math.min(80, doc.length())));
            EnvironmentReader.parse(doc.getBytes(StandardCharsets.UTF_8), "doc.json", null);
        }
    }

    @Test
    void theDistributionShipsTheSchemaTheReaderUses() throws Exception {
        Path dist = Path.of(System.getProperty("kbsh.dist", "target/kbsh"), "schema", EnvironmentSchema.RESOURCE);
        if (!Files.exists(dist)) {
            System.out.println("skipped: no distribution at " + dist + " (built by 'package')");
            return;
        }
        assertEquals(new String(EnvironmentSchema.bytes(), StandardCharsets.UTF_8), Files.readString(dist));
    }

    /** Bad files: each one the reader refuses is refused by the schema too. */
    @Test
    void theSchemaAgreesWithTheReaderOnBadFiles() throws Exception {
        String v2 = EnvironmentV2Test.v2Text();
        String v1 = Files.readString(EnvironmentV2Test.EXAMPLES.resolve("site-healthy.json"));
        List<String> bad = List.of(
                v2.replace("\"roles\":", "\"rolez\":"),
                v2.replace("\"os\": \"Windows NT 4.0 SP6\"", "\"windowsNt\": \"4.0 SP6\""),
                v2.replace("\"os\": \"Windows NT 4.0 SP6\"", "\"os\": \"Windows 98\""),
                v2.replace("\"mode\": \"pass-through\"", "\"mode\": \"transparent\""),
                v2.replace("\"value\": 4000", "\"value\": \"4000\""),
                v2.replace("\"value\": 4000", "\"value\": 4294967296"),
                v2.replace("\"event\": 48", "\"event\": 70000"),
                v2.replace("\"requiresTls\": true", "\"requiresTls\": \"yes\""),
                v2.replace("{\"id\": \"isp-relay\", ", "{"),
                v2.replace("\"schemaVersion\": 2", "\"schemaVersion\": 3"),
                v1.replace("\"exchange\":", "\"roles\": [], \"exchange\":"),
                v1.replace("\"winsockProxyClient\": true", "\"winsockProxyClient\": \"yes\""));
        for (String doc : bad) {
            assertThrows(
                    JsonInputException.class,
                    () -> EnvironmentReader.parse(doc.getBytes(StandardCharsets.UTF_8), "bad.json", null),
                    "the reader refuses it");
            assertFalse(
                    errors(SHIPPED, doc).isEmpty(), "the schema refuses what the reader refuses: " + diff(v2, v1, doc));
        }
    }

    /** An IPv6 address where a host goes (short, full, bracketed) is valid for the reader and the schema alike. */
    @Test
    void ipv6AddressesAreHostsForTheSchemaAsForTheReader() throws Exception {
        String v2 = EnvironmentV2Test.v2Text();
        for (String host : List.of("2001:db8::25", "[2001:db8::25]", "::1", "fd00:0:0:0:0:0:0:25")) {
            String doc = v2.replace("\"host\": \"relay.isp.example\"", "\"host\": \"" + host + "\"");
            assertFalse(doc.equals(v2), "the test changes the document");
            EnvironmentReader.parse(doc.getBytes(StandardCharsets.UTF_8), "v6.json", null);
            assertEquals(List.of(), errors(SHIPPED, doc), host);
        }
    }

    private static String diff(String v2, String v1, String doc) {
        String base = doc.startsWith(v2.substring(0, 30)) ? v2 : v1;
        int i = 0;
        while (i < Math.min(base.length(), doc.length()) && base.charAt(i) == doc.charAt(i)) {
            i++;
        }
        return doc.substring(Math.max(0, i - 30), Math.min(doc.length(), i + 40));
    }

    @Test
    void theGeneratedSchemaHasThePluginsFields() throws Exception {
        String v2 = EnvironmentV2Test.v2Text()
                .replace("\"site\": \"hq\",", "\"site\": \"hq\", \"relayTestHost\": \"outside.example\",")
                .replace("\"product\": \"BIND\",", "\"product\": \"BIND\", \"transferPorts\": [53],");
        assertFalse(errors(SHIPPED, v2).isEmpty(), "the shipped schema knows no plugin field");
        Schema withFields = schema(EnvironmentSchema.withFields(EnvironmentV2Test.SERVICES));
        assertEquals(List.of(), errors(withFields, v2));
        assertFalse(
                errors(withFields, v2.replace("\"transferPorts\": [53]", "\"transferPorts\": [\"53\"]"))
                        .isEmpty(),
                "the declared type is in the schema");
        assertFalse(errors(withFields, v2.replace("\"relayTestHost\"", "\"relayTestHst\""))
                .isEmpty());
    }
}
