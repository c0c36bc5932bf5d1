package io.kbsh.shell.ini;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ini commands with the real Q254909 and Q178532 writers, loaded from the packaged distribution's
 * plugins directory as kbsh loads them: what an admin types, what lands on disk, and one clean line for
 * input the articles rule out.
 */
class IniDistributionIT {

    private static final Path DIST = Path.of(System.getProperty("kbsh.distribution", "target/kbsh"));

    /** A client file whose [Master Config] makes the proxy server's copy overwrite local edits. */
    private static final String MSPCLNT = "[Common]\r\nConfiguration Refresh Time (Hours)=6\r\n"
            + "[Master Config]\r\nPath1=\\\\PROXY-09\\mspclnt\\\r\n";

    @TempDir
    Path dir;

    private ShellRun kbsh(String commands) {
        return ShellRun.of(dir, Optional.of(DIST), commands);
    }

    private static void assertOneCleanErrorLine(ShellRun r, String expected) {
        assertEquals(1, r.status(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains(expected), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
    }

    @Test
    void bothArticlesWritersAreListedWithTheirParameters() throws Exception {
        ShellRun r = kbsh("ini writers");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("mspclnt-bypass  Q254909  Mspclnt.ini  (q254909)"), r.out());
        assertTrue(r.out().contains("wspcfg-bind  Q178532  Wspcfg.ini  (q178532)"), r.out());
        assertTrue(r.out().contains("--param proxy-address (ipv4-address, optional)"), r.out());
    }

    @Test
    void q254909PlansAppliesOnceAndUndoes() throws Exception {
        Path file = dir.resolve("Mspclnt.ini");
        Files.writeString(file, MSPCLNT, StandardCharsets.ISO_8859_1);

        ShellRun plan = kbsh("ini plan Q254909 --file Mspclnt.ini");
        assertEquals(0, plan.status(), plan.err());
        assertTrue(plan.out().contains("+[EMSMTA]\n+Disable=1\n"), plan.out());
        assertTrue(plan.err().contains("\\\\PROXY-09\\mspclnt\\Mspclnt.ini"), "names the server copy: " + plan.err());
        assertEquals(MSPCLNT, Files.readString(file, StandardCharsets.ISO_8859_1), "plan writes nothing");

        ShellRun apply = kbsh("ini apply mspclnt-bypass --file Mspclnt.ini --yes");
        assertEquals(0, apply.status(), apply.err());
        assertEquals(MSPCLNT + "[EMSMTA]\r\nDisable=1\r\n", Files.readString(file, StandardCharsets.ISO_8859_1));
        assertEquals(MSPCLNT, Files.readString(dir.resolve("Mspclnt.ini.bak"), StandardCharsets.ISO_8859_1));

        ShellRun again = kbsh("ini apply 254909 --file Mspclnt.ini --yes");
        assertEquals(0, again.status(), again.err());
        assertTrue(again.out().contains("already applied"), again.out());
        assertFalse(Files.exists(dir.resolve("Mspclnt.ini.bak.1")), "no second backup");

        ShellRun undo = kbsh("ini undo Mspclnt.ini --yes");
        assertEquals(0, undo.status(), undo.err());
        assertEquals(MSPCLNT, Files.readString(file, StandardCharsets.ISO_8859_1));
    }

    @Test
    void q178532WritesTheStoreAndDirectorySectionsWithProxyBindIpForSsl() throws Exception {
        ShellRun r = kbsh("ini apply Q178532 --file Wspcfg.ini --param protocols=pop3,imap4s,ldap"
                + " --param proxy-address=192.0.2.7 --yes");
        assertEquals(0, r.status(), r.err());
        assertEquals(
                "[STORE]\r\nServerBindTcpPorts=110,993\r\nPersistent=1\r\nKillOldSession=1\r\n"
                        + "ProxyBindIP=993:192.0.2.7\r\n[DSAMAIN]\r\nServerBindTcpPorts=389\r\nPersistent=1\r\n"
                        + "KillOldSession=1\r\n",
                Files.readString(dir.resolve("Wspcfg.ini"), StandardCharsets.ISO_8859_1));
        assertTrue(r.err().contains("Q232588"), r.err());
    }

    @Test
    void inputTheArticlesRuleOutIsOneCleanErrorLineAndWritesNothing() throws Exception {
        assertOneCleanErrorLine(
                kbsh("ini apply Q178532 --file Wspcfg.ini --param protocols=ldap --param process=STORE --yes"),
                "ldap is served by DSAMAIN, not STORE");
        assertOneCleanErrorLine(
                kbsh("ini apply Q178532 --file Wspcfg.ini --param protocols=pop3s --yes"),
                "need parameter 'proxy-address'");
        assertFalse(Files.exists(dir.resolve("Wspcfg.ini")));

        byte[] unicode = "\uFEFF[STORE]\r\nPersistent=1\r\n".getBytes(StandardCharsets.UTF_16LE);
        Files.write(dir.resolve("Wspcfg.ini"), unicode);
        assertOneCleanErrorLine(kbsh("ini plan Q178532 --file Wspcfg.ini"), "saved as Unicode");
        assertOneCleanErrorLine(kbsh("ini plan Q254909 --file Mspclnt.ini"), "does not exist");
    }
}
