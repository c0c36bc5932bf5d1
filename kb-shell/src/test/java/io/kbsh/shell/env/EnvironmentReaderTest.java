package io.kbsh.shell.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kbsh.model.env.Component;
import io.kbsh.model.env.Connector;
import io.kbsh.model.env.Environment;
import io.kbsh.model.env.Server;
import io.kbsh.model.env.Transport;
import io.kbsh.model.version.ReleaseLevel;
import io.kbsh.shell.json.JsonInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvironmentReaderTest {

    static final String GOOD = """
            {
              "schemaVersion": 1,
              "organisation": "Contoso",
              "sites": [{"id": "hq"}],
              "servers": [{
                "id": "EXCH1", "site": "hq", "addresses": ["10.0.0.5"],
                "windowsNt": "4.0 SP6", "exchange": "5.5 SP1", "clustered": true,
                "components": ["mta", "information-store", "internet-mail"],
                "winsockProxyClient": true, "hotfixes": ["Q232588"],
                "iniFiles": [{"serverPath": "C:\\\\Mspclnt\\\\Mspclnt.ini", "localCopy": "ini/mspclnt.ini"}]
              }],
              "connectors": [{"id": "x1", "type": "x400", "server": "EXCH1", "transport": "tcpip",
                              "remoteMta": "branch.contoso.com", "path": ["px", "fw"]}],
              "proxies": [{"id": "px", "version": "2.0 SP1", "internalAddress": "10.0.0.1",
                           "externalAddress": "203.0.113.5", "dynamicPacketFiltering": true}],
              "publications": [{"proxy": "px", "server": "EXCH1", "protocol": "pop3", "ssl": true}],
              "firewalls": [{"id": "fw", "protects": ["EXCH1"]}],
              "domains": [{"name": "contoso.com", "mx": [{"preference": 20, "host": "b.contoso.com"},
                                                        {"preference": 10, "host": "a.contoso.com"}]}]
            }
            """;

    private static Environment parse(String json) throws JsonInputException {
        return EnvironmentReader.parse(json.getBytes(StandardCharsets.UTF_8), "env.json", null);
    }

    private static JsonInputException failure(String json) {
        return assertThrows(JsonInputException.class, () -> parse(json));
    }

    @Test
    void readsEveryPartOfTheModel() throws Exception {
        Environment env = parse(GOOD);
        Server s = env.server("EXCH1").orElseThrow();
        assertEquals(ReleaseLevel.parse("5.5 SP1"), s.exchange());
        assertTrue(s.clustered() && s.winsockProxyClient() && s.has(Component.MTA) && s.hasHotfix("q232588"));
        assertEquals("Mspclnt.ini", s.ini("MSPCLNT.INI").orElseThrow().fileName());
        Connector c = env.connectors().get(0);
        assertEquals(java.util.Optional.of(Transport.TCPIP), c.transport());
        assertEquals("px", env.proxiesOnPath(c).get(0).id());
        assertEquals("fw", env.firewallsOnPath(c).get(0).id());
        assertEquals(995, env.publications().get(0).effectivePort());
        assertEquals(
                "a.contoso.com",
                env.domain("CONTOSO.com").orElseThrow().byPreference().get(0).host());
        assertEquals(1, env.firewallsProtecting(s).size());
    }

    @Test
    void resolvesCollectedCopiesAgainstTheFilesDirectory(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("site.json");
        Files.writeString(file, GOOD);
        Environment env = EnvironmentReader.read(file);
        Path copy = env.servers().get(0).iniFiles().get(0).localCopy().orElseThrow();
        assertEquals(dir.resolve("ini/mspclnt.ini").toAbsolutePath().normalize(), copy);
    }

    @Test
    void unknownFieldIsNamedWithLineColumnAndPath() {
        JsonInputException e = failure(GOOD.replace("\"clustered\": true", "\"clustred\": true"));
        assertEquals("servers[0].clustred", e.fieldPath(), e.getMessage());
        assertEquals(7, e.line());
        assertTrue(e.column() > 1);
        assertTrue(e.getMessage().startsWith("env.json:7:"), e.getMessage());
        assertTrue(e.problem().contains("unknown field 'clustred'"), e.problem());
    }

    @Test
    void wrongTypesAreRefusedNotCoerced() {
        JsonInputException e = failure(GOOD.replace("\"clustered\": true", "\"clustered\": \"yes\""));
        assertEquals("servers[0].clustered", e.fieldPath());
        assertTrue(e.problem().contains("true or false"), e.problem());
        JsonInputException n = failure(GOOD.replace("\"id\": \"hq\"", "\"id\": 7"));
        assertEquals("sites[0].id", n.fieldPath());
        JsonInputException s = failure(GOOD.replace("\"schemaVersion\": 1", "\"schemaVersion\": \"1\""));
        assertEquals("schemaVersion", s.fieldPath());
    }

    @Test
    void impossiblePortIsLocated() {
        JsonInputException e = failure(GOOD.replace("\"ssl\": true}", "\"ssl\": true, \"port\": 70000}"));
        assertEquals("publications[0].port", e.fieldPath());
        assertEquals(16, e.line());
        assertTrue(e.problem().contains("70000"), e.problem());
    }

    @Test
    void impossibleVersionsAreLocated() {
        JsonInputException e = failure(GOOD.replace("\"exchange\": \"5.5 SP1\"", "\"exchange\": \"9.9\""));
        assertEquals("servers[0].exchange", e.fieldPath());
        assertEquals(7, e.line());
        assertTrue(e.problem().contains("no version 9.9"), e.problem());
        JsonInputException sp = failure(GOOD.replace("\"exchange\": \"5.5 SP1\"", "\"exchange\": \"5.0 SP3\""));
        assertTrue(sp.problem().contains("no service pack 3"), sp.problem());
        JsonInputException junk = failure(GOOD.replace("\"exchange\": \"5.5 SP1\"", "\"exchange\": \"latest\""));
        assertEquals("servers[0].exchange", junk.fieldPath());
        assertTrue(junk.problem().contains("release level"), junk.problem());
    }

    @Test
    void unknownEnumValueListsTheChoices() {
        JsonInputException e = failure(GOOD.replace("\"transport\": \"tcpip\"", "\"transport\": \"tcp\""));
        assertEquals("connectors[0].transport", e.fieldPath());
        assertTrue(e.problem().contains("tcpip, tp4, x25"), e.problem());
    }

    @Test
    void danglingReferencesAreLocated() {
        JsonInputException e = failure(GOOD.replace("\"path\": [\"px\", \"fw\"]", "\"path\": [\"px\", \"fw2\"]"));
        assertEquals("connectors[0].path[1]", e.fieldPath());
        assertEquals(13, e.line());
        assertTrue(e.problem().contains("fw2"));
    }

    @Test
    void missingRequiredFieldAndSchemaVersion() {
        JsonInputException e = failure(GOOD.replace("\"exchange\": \"5.5 SP1\",", ""));
        assertTrue(e.problem().contains("missing required field 'exchange'"), e.problem());
        JsonInputException v = failure(GOOD.replace("\"schemaVersion\": 1", "\"schemaVersion\": 3"));
        assertEquals("schemaVersion", v.fieldPath());
        assertEquals(2, v.line());
        assertTrue(v.problem().contains("reads versions 1 and 2"), v.problem());
    }

    @Test
    void malformedJsonHasALocation() {
        JsonInputException e = failure("{\n  \"schemaVersion\": 1,\n  \"servers\": [\n}");
        assertEquals(4, e.line());
        assertTrue(e.problem().startsWith("malformed JSON"), e.problem());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void emptyAndNullDocumentsAreRefused() {
        assertTrue(failure("  \n").problem().contains("empty"));
        assertTrue(failure("null").problem().contains("null"));
        assertTrue(
                failure("[]").problem().contains("expected an object"),
                failure("[]").problem());
    }

    @Test
    void nullsAreRefusedWhereAValueBelongs() {
        JsonInputException inList = failure(GOOD.replace("\"sites\": [{\"id\": \"hq\"}]", "\"sites\": [null]"));
        assertEquals("sites[0]", inList.fieldPath(), inList.getMessage());
        assertTrue(inList.problem().contains("null"), inList.problem());
        assertEquals(4, inList.line());
        JsonInputException address = failure(GOOD.replace("[\"10.0.0.5\"]", "[\"10.0.0.5\", null]"));
        assertEquals("servers[0].addresses[1]", address.fieldPath(), address.getMessage());
        JsonInputException id = failure(GOOD.replace("\"id\": \"EXCH1\"", "\"id\": null"));
        assertEquals("servers[0].id", id.fieldPath(), id.getMessage());
        assertEquals("'id' must not be null", id.problem());
        assertEquals(6, id.line());
    }

    @Test
    void syntaxErrorsStayOnOneLineWithoutTheSourceExcerpt() {
        JsonInputException open = failure("{\"schemaVersion\": 1, \"servers\": [");
        assertFalse(open.problem().contains("Source"), open.problem());
        assertTrue(open.problem().contains("opened at line 1, column 33"), open.problem());
        JsonInputException big = failure(GOOD.replace("\"ssl\": true}", "\"ssl\": true, \"port\": 99999999999}"));
        assertEquals("publications[0].port", big.fieldPath());
        assertTrue(big.problem().startsWith("number 99999999999 is out of range"), big.problem());
    }
}
