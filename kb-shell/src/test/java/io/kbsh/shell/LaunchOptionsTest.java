package io.kbsh.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kbsh.model.command.UsageException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LaunchOptionsTest {

    @Test
    void readsEveryOption() throws Exception {
        LaunchOptions o = LaunchOptions.parse(new String[] {
            "--home", "h", "--plugins", "p1", "--plugins", "p2", "--strict", "--debug", "-c", "version; help"
        });
        assertEquals(Optional.of(Path.of("h")), o.home());
        assertEquals(List.of(Path.of("p1"), Path.of("p2")), o.pluginDirectories());
        assertTrue(o.strict() && o.debug());
        assertEquals(Optional.of("version; help"), o.commands());
    }

    @Test
    void homeComesFromTheOptionThenKbshHomeThenTheUserHome() throws Exception {
        Path fromOption = LaunchOptions.parse(new String[] {"--home", "/a"}).resolveHome(Map.of("KBSH_HOME", "/b"));
        Path fromEnv = LaunchOptions.parse(new String[0]).resolveHome(Map.of("KBSH_HOME", "/b"));
        Path fallback = LaunchOptions.parse(new String[0]).resolveHome(Map.of());
        assertEquals(Path.of("/a"), fromOption);
        assertEquals(Path.of("/b"), fromEnv);
        assertEquals(Path.of(System.getProperty("user.home"), ".kbsh"), fallback);
    }

    @Test
    void aMissingValueNamesTheOption() {
        UsageException e = assertThrows(UsageException.class, () -> LaunchOptions.parse(new String[] {"--home"}));
        assertEquals("option --home needs a value", e.getMessage());
    }

    @Test
    void commandsAndAScriptExcludeEachOther() {
        assertThrows(UsageException.class, () -> LaunchOptions.parse(new String[] {"-c", "version", "x.kbsh"}));
    }
}
