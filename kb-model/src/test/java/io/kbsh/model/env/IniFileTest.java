package io.kbsh.model.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IniFileTest {

    @Test
    void fileNamesCompareTheWayWindowsDoes() {
        IniFile f = new IniFile("C:\\Exchsrvr\\Bin\\WSPCFG.INI");
        assertTrue(f.named("Wspcfg.ini"));
        assertFalse(f.named("Wspcfg.ini.txt"));
        assertEquals("C:\\Exchsrvr\\Bin", f.serverDirectory());
        assertFalse(new IniFile("C:\\x\\stra\u00dfe.ini").named("STRASSE.INI"), "no expansion of \u00df");
    }
}
