package io.kbsh.plugin.q178532.writer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kbsh.ini.document.IniDocument;
import io.kbsh.ini.document.IniEncoding;
import io.kbsh.ini.plan.IniPlan;
import io.kbsh.ini.writer.IniWriter;
import io.kbsh.ini.writer.IniWriterException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProxyBindingWriterTest {

    @TempDir
    Path dir;

    private final IniWriter writer = new ProxyBindingWriter();

    private Path wspcfg() {
        return dir.resolve("Wspcfg.ini");
    }

    private static String text(IniPlan plan) {
        return new String(plan.after().toBytes(), StandardCharsets.ISO_8859_1);
    }

    @Test
    void isFoundAsAnIniWriterService() {
        assertTrue(ServiceLoader.load(IniWriter.class).stream().anyMatch(p -> p.type() == ProxyBindingWriter.class));
    }

    @Test
    void createsTheStoreSectionForPopAndImapByDefault() throws Exception {
        IniPlan plan = writer.plan(wspcfg(), Map.of());
        assertFalse(plan.exists());
        assertEquals("[STORE]\r\nServerBindTcpPorts=110,143\r\nPersistent=1\r\nKillOldSession=1\r\n", text(plan));
        assertTrue(plan.warnings().stream().noneMatch(w -> w.contains("Q232588")));
    }

    @Test
    void ldapGoesToTheDirectorySectionInTheSameFile() throws Exception {
        IniPlan plan = writer.plan(wspcfg(), Map.of("protocols", "pop3,ldap,nntp"));
        assertEquals(
                "[STORE]\r\nServerBindTcpPorts=110,119\r\nPersistent=1\r\nKillOldSession=1\r\n"
                        + "[DSAMAIN]\r\nServerBindTcpPorts=389\r\nPersistent=1\r\nKillOldSession=1\r\n",
                text(plan));
    }

    @Test
    void sslPortsGetProxyBindIpAndThePlanNamesSp1AndQ232588() throws Exception {
        IniPlan plan = writer.plan(wspcfg(), Map.of("protocols", "imap4s,pop3s,ldaps", "proxy-address", "192.0.2.7"));
        IniDocument after = plan.after();
        assertEquals(Optional.of("993,995"), after.get("STORE", "ServerBindTcpPorts"));
        assertEquals(Optional.of("993:192.0.2.7,995:192.0.2.7"), after.get("STORE", "ProxyBindIP"));
        assertEquals(Optional.of("636:192.0.2.7"), after.get("DSAMAIN", "ProxyBindIP"));
        assertTrue(
                plan.warnings().stream().anyMatch(w -> w.contains("Service Pack 1") && w.contains("Q232588")),
                plan.warnings().toString());
    }

    @Test
    void anExistingFileIsEditedInPlaceKeepingEverythingElse() throws Exception {
        String existing = "; made by hand\r\n[Store]\r\nServerBindTcpPorts = 110\r\nPersistent=1\r\n[MSEXCIMC]\r\n"
                + "ServerBindTcpPorts=25\r\n";
        Files.writeString(wspcfg(), existing, StandardCharsets.ISO_8859_1);
        IniPlan plan = writer.plan(wspcfg(), Map.of("protocols", "pop3,imap4"));
        assertEquals(
                "; made by hand\r\n[Store]\r\nServerBindTcpPorts = 110,143\r\nPersistent=1\r\nKillOldSession=1\r\n"
                        + "[MSEXCIMC]\r\nServerBindTcpPorts=25\r\n",
                text(plan));
    }

    @Test
    void protocolNamesDoNotDependOnTheDefaultLocale() throws Exception {
        Locale saved = Locale.getDefault();
        Locale.setDefault(Locale.forLanguageTag("tr-TR"));
        try {
            assertTrue(
                    writer.parameters().get(0).choices().contains("imap4s"),
                    writer.parameters().toString());
            IniPlan plan = writer.plan(wspcfg(), Map.of("protocols", "imap4,imap4s", "proxy-address", "192.0.2.7"));
            assertEquals(Optional.of("143,993"), plan.after().get("STORE", "ServerBindTcpPorts"));
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void refusesLdapUnderTheStore() {
        IniWriterException e = assertThrows(
                IniWriterException.class, () -> writer.validate(Map.of("protocols", "ldap", "process", "store")));
        assertTrue(e.getMessage().contains("ldap is served by DSAMAIN, not STORE"), e.getMessage());
        assertThrows(
                IniWriterException.class, () -> writer.validate(Map.of("protocols", "pop3", "process", "DSAMAIN")));
    }

    @Test
    void refusesAnSslPortWithoutAProxyAddress() {
        IniWriterException e =
                assertThrows(IniWriterException.class, () -> writer.validate(Map.of("protocols", "pop3s")));
        assertTrue(e.getMessage().contains("proxy-address"), e.getMessage());
    }

    @Test
    void refusesAProxyAddressNoClientCouldReach() throws Exception {
        for (String address : new String[] {"0.0.0.0", "127.0.0.1", "255.255.255.255"}) {
            IniWriterException e = assertThrows(
                    IniWriterException.class,
                    () -> writer.validate(Map.of("protocols", "pop3s", "proxy-address", address)));
            assertTrue(e.getMessage().contains("external address"), e.getMessage());
        }
        writer.validate(Map.of("protocols", "pop3s", "proxy-address", "198.51.100.1"));
    }

    @Test
    void refusesAProxyAddressWithoutSslAndAnEmptyProtocolList() {
        assertThrows(
                IniWriterException.class,
                () -> writer.validate(Map.of("protocols", "pop3", "proxy-address", "192.0.2.7")));
        assertThrows(IniWriterException.class, () -> writer.validate(Map.of("protocols", "")));
    }

    @Test
    void refusesAUnicodeTarget() throws Exception {
        Files.write(
                wspcfg(),
                IniDocument.empty(IniEncoding.utf16le())
                        .set("STORE", "Persistent", "1")
                        .toBytes());
        IniWriterException e = assertThrows(IniWriterException.class, () -> writer.plan(wspcfg(), Map.of()));
        assertTrue(e.getMessage().contains("Unicode"), e.getMessage());
    }

    @Test
    void aPlanForAFileWithAnotherNameSaysSo() throws Exception {
        IniPlan plan = writer.plan(dir.resolve("wspcfg.txt"), Map.of());
        assertTrue(
                plan.warnings().get(0).contains("targets Wspcfg.ini"),
                plan.warnings().toString());
        assertFalse(writer.plan(dir.resolve("WSPCFG.INI"), Map.of())
                .warnings()
                .get(0)
                .contains("targets"));
    }
}
