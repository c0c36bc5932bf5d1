package io.kbsh.shell.ini;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kbsh.shell.Kbsh;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ini command wired into the real shell (Guice, batch mode), run in process. */
class IniShellTest {

    @TempDir
    Path dir;

    private String[] run(String command) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Kbsh.run(new Kbsh.Launch(new String[] {"--home", dir.resolve("home").toString(), "-c", command},
                new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), false, Optional.empty(), dir));
        return new String[] {String.valueOf(status), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
    }

    @Test
    void iniGetRunsInTheShellAndPrintsTheValue() throws Exception {
        Files.writeString(dir.resolve("Wspcfg.ini"), "[STORE]\r\nServerBindTcpPorts=110,143 ; pop+imap\r\n");
        String[] r = run("ini get Wspcfg.ini store serverbindtcpports");
        assertEquals("0", r[0], r[2]);
        assertEquals("110,143 ; pop+imap", r[1].strip());
    }

    @Test
    void anUnreadableFileIsOneErrorLineNamingIt() {
        String[] r = run("ini show missing.ini");
        assertEquals("1", r[0]);
        assertTrue(r[2].contains(dir.resolve("missing.ini") + ": no such file"), r[2]);
        assertEquals(1, r[2].strip().lines().count(), r[2]);
    }
}
