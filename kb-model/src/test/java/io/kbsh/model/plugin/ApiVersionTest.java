package io.kbsh.model.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ApiVersionTest {

    @Test
    void sameMajorAndOlderOrEqualMinorIsAccepted() {
        ApiVersion running = ApiVersion.parse("1.2");
        assertTrue(running.accepts(ApiVersion.parse("1.0")));
        assertTrue(running.accepts(ApiVersion.parse("1.2")));
        assertFalse(running.accepts(ApiVersion.parse("1.3")), "a newer minor may use what this kbsh lacks");
        assertFalse(running.accepts(ApiVersion.parse("2.0")));
        assertFalse(running.accepts(ApiVersion.parse("0.9")));
    }

    @Test
    void printsAndParsesOneWay() {
        assertEquals("1.0", ApiVersion.parse(" 1.0 ").toString());
        assertEquals(ApiVersion.parse(ApiVersion.BUILT_AGAINST), ApiVersion.current());
        assertThrows(IllegalArgumentException.class, () -> ApiVersion.parse("1"));
        assertThrows(IllegalArgumentException.class, () -> ApiVersion.parse("v1.0"));
    }

    @Test
    void builtAgainstIsThePomPropertyAndAConstantExpression() {
        // Surefire passes the POM's kbsh.api.version; the constant must come from there, not from a literal.
        assertEquals(System.getProperty("kbsh.api.version"), ApiVersion.BUILT_AGAINST);
        assertEquals(ApiVersion.parse("2.1"), ApiVersion.current(), "this round's API; bump once per round that adds");
        assertTrue(ApiVersion.current().accepts(ApiVersion.parse("2.0")), "plugins built against 2.0 still load");
        assertFalse(ApiVersion.current().accepts(ApiVersion.parse("1.9")));
        assertFalse(ApiVersion.current().accepts(ApiVersion.parse("3.0")));
        // A switch label accepts only a compile-time constant: this compiles only while javac can inline it.
        String label = switch (ApiVersion.BUILT_AGAINST) {
            case ApiVersion.BUILT_AGAINST -> "constant";
            default -> "other";
        };
        assertEquals("constant", label);
    }

    @Test
    void descriptorIdsAreLowerCaseWords() {
        assertThrows(IllegalArgumentException.class, () -> new PluginDescriptor("Q254909", "x", "1", "1.0"));
        assertEquals(
                "dev",
                PluginDescriptor.of(ApiVersionTest.class, "q1", "x", "1.0").version());
    }
}
