package io.kbsh.net.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ProbeTargetTest {

    @Test
    void anIpv6LiteralIsKeptBareAndShownInBrackets() {
        ProbeTarget typed = ProbeTarget.of("[::1]", 25);
        assertEquals("::1", typed.host());
        assertEquals("[::1]:25", typed.toString());
        assertEquals(ProbeTarget.of("::1", 25), typed);
        assertEquals("mail.test:110", ProbeTarget.of("mail.test", 110).toString());
    }

    @Test
    void emptyHostsAndPortsOutOfRangeAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> ProbeTarget.of(" ", 25));
        assertThrows(IllegalArgumentException.class, () -> ProbeTarget.of("mail.test", 0));
        assertThrows(IllegalArgumentException.class, () -> ProbeTarget.of("mail.test", 65536));
    }
}
