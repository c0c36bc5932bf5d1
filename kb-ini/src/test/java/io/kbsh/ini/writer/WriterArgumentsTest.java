package io.kbsh.ini.writer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WriterArgumentsTest {

    private static final List<WriterParameter> PARAMETERS = List.of(
            WriterParameter.text("process", "section to add", "EMSMTA"),
            WriterParameter.choice("mode", "how", "auto", "auto", "STORE", "DSAMAIN"),
            WriterParameter.choiceList("protocols", "which", "pop3,imap4", "pop3", "imap4", "ldap"),
            WriterParameter.optionalAddress("proxy-address", "where"),
            new WriterParameter("count", ParameterType.INTEGER, "how many", Optional.of("2"), false, List.of()),
            new WriterParameter("strict", ParameterType.BOOLEAN, "be strict", Optional.empty(), true, List.of()));

    @Test
    void defaultsFillWhatIsNotGivenAndValuesAreTyped() throws Exception {
        WriterArguments a = WriterArguments.parse(PARAMETERS, Map.of("strict", "yes", "mode", "store"));
        assertEquals("EMSMTA", a.text("process"));
        assertEquals("STORE", a.text("mode"));
        assertEquals(List.of("pop3", "imap4"), a.list("protocols"));
        assertEquals(Optional.empty(), a.optional("proxy-address"));
        assertEquals(2, a.integer("count"));
        assertTrue(a.flag("strict"));
        assertTrue(a.given("mode"));
        assertFalse(a.given("process"));
    }

    @Test
    void badInputIsRefusedWithTheParameterNamed() {
        assertMessage("unknown parameter 'nope'", Map.of("strict", "1", "nope", "x"));
        assertMessage("parameter 'strict' is required", Map.of());
        assertMessage("parameter 'count' takes a whole number", Map.of("strict", "1", "count", "two"));
        assertMessage("parameter 'strict' takes true or false", Map.of("strict", "maybe"));
        assertMessage("parameter 'mode' takes one of auto, STORE, DSAMAIN", Map.of("strict", "1", "mode", "IMS"));
        assertMessage("parameter 'protocols' lists 'pop3' twice", Map.of("strict", "1", "protocols", "pop3,POP3"));
        assertMessage(
                "parameter 'proxy-address' takes an IPv4 address", Map.of("strict", "1", "proxy-address", "256.1.1.1"));
        assertMessage("parameter 'process' must not be empty", Map.of("strict", "1", "process", " "));
    }

    @Test
    void aSynopsisShowsTypeChoicesAndDefault() {
        assertEquals(
                "protocols (choice-list: pop3|imap4|ldap, default pop3,imap4) which",
                PARAMETERS.get(2).synopsis());
        assertEquals(
                "proxy-address (ipv4-address, optional) where",
                PARAMETERS.get(3).synopsis());
    }

    private static void assertMessage(String start, Map<String, String> raw) {
        IniWriterException e = assertThrows(IniWriterException.class, () -> WriterArguments.parse(PARAMETERS, raw));
        assertTrue(e.getMessage().startsWith(start), e.getMessage());
    }
}
