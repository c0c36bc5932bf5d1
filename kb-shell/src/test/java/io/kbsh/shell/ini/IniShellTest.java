package io.kbsh.shell.ini;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ini command wired into the real shell (Guice, batch mode), run in process. */
class IniShellTest {

    @TempDir
    Path dir;

    @Test
    void iniGetRunsInTheShellAndPrintsTheValue() throws Exception {
        Files.writeString(dir.resolve("Wspcfg.ini"), "[STORE]\r\nServerBindTcpPorts=110,143 ; pop+imap\r\n");
        ShellRun r = ShellRun.of(dir, Optional.empty(), "ini get Wspcfg.ini store serverbindtcpports");
        assertEquals(0, r.status(), r.err());
        assertEquals("110,143 ; pop+imap", r.out().strip());
    }

    @Test
    void anUnreadableFileIsOneErrorLineNamingIt() {
        ShellRun r = ShellRun.of(dir, Optional.empty(), "ini show missing.ini");
        assertEquals(1, r.status());
        assertTrue(r.err().contains(dir.resolve("missing.ini") + ": no such file"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }
}
