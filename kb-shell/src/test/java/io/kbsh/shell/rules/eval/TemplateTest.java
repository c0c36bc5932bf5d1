package io.kbsh.shell.rules.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Templates render from the pieces split at parse time: placeholders anywhere, values printed as they are. */
class TemplateTest {

    private static final Map<String, Object> NAMES = Map.of(
            "server",
            Map.of("id", "EX1", "addresses", List.of("10.0.0.1", "10.0.0.2")),
            "path",
            "C:\\exchsrvr\\$bin",
            "port",
            102L);

    @Test
    void placeholdersAtEitherEndNextToEachOtherAndInTheMiddle() {
        assertEquals("EX1", Template.parse("{{server.id}}").render(NAMES));
        assertEquals(
                "EX1:102 on 10.0.0.1, 10.0.0.2.",
                Template.parse("{{ server.id }}:{{port}} on {{server.addresses}}.")
                        .render(NAMES));
        assertEquals("EX1102", Template.parse("{{server.id}}{{port}}").render(NAMES));
        assertEquals("no placeholder", Template.parse("no placeholder").render(NAMES));
    }

    @Test
    void valuesWithBackslashesAndDollarsArePrintedAsTheyAre() {
        assertEquals(
                "file C:\\exchsrvr\\$bin of EX1",
                Template.parse("file {{path}} of {{server.id}}").render(NAMES));
    }

    @Test
    void anAbsentValuePrintsAsNoneAndAnUnclosedPlaceholderIsRefused() {
        Template t = Template.parse("proxy {{proxy.id}} for {{server.id}}");
        assertEquals("proxy (none) for EX1", t.render(NAMES));
        assertEquals(List.of("proxy.id"), t.absent(NAMES));
        assertThrows(IllegalArgumentException.class, () -> Template.parse("broken {{server.id"));
    }
}
