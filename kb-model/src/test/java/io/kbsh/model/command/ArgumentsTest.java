package io.kbsh.model.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ArgumentsTest {

    private static final List<OptionSpec> SPECS = List.of(
            OptionSpec.flag("yes", "do not ask"),
            OptionSpec.value("file", ValueKind.FILE, "the file"),
            OptionSpec.repeatable("param", ValueKind.TEXT, "k=v"),
            OptionSpec.value("limit", ValueKind.TEXT, "how many"));

    @Test
    void separatesPositionalsFromOptionsInAnyOrder() throws Exception {
        Arguments a = Arguments.parse(List.of("q254909", "--file", "C:\\x.ini", "--yes", "extra"), SPECS);
        assertEquals(List.of("q254909", "extra"), a.positional());
        assertEquals(Optional.of("C:\\x.ini"), a.value("file"));
        assertTrue(a.has("yes"));
        assertFalse(a.has("limit"));
    }

    @Test
    void acceptsNameEqualsValue() throws Exception {
        assertEquals(
                Optional.of("a=b"),
                Arguments.parse(List.of("--file=a=b"), SPECS).value("file"));
    }

    @Test
    void repeatableKeyValueOptionsKeepTheirOrder() throws Exception {
        Arguments a = Arguments.parse(List.of("--param", "process=EMSMTA", "--param", " ports = 110,995 "), SPECS);
        assertEquals(Map.of("process", "EMSMTA", "ports", "110,995"), a.keyValues("param"));
        assertEquals(
                List.of("process", "ports"), List.copyOf(a.keyValues("param").keySet()));
    }

    @Test
    void doubleDashEndsOptions() throws Exception {
        assertEquals(
                List.of("--yes"), Arguments.parse(List.of("--", "--yes"), SPECS).positional());
    }

    @Test
    void usageErrorsNameTheOption() {
        assertEquals(
                "unknown option --force",
                assertThrows(UsageException.class, () -> Arguments.parse(List.of("--force"), SPECS))
                        .getMessage());
        assertEquals(
                "option --file needs a value",
                assertThrows(UsageException.class, () -> Arguments.parse(List.of("--file"), SPECS))
                        .getMessage());
        assertEquals(
                "option --file given twice",
                assertThrows(UsageException.class, () -> Arguments.parse(List.of("--file", "a", "--file", "b"), SPECS))
                        .getMessage());
        assertEquals(
                "option --yes takes no value",
                assertThrows(UsageException.class, () -> Arguments.parse(List.of("--yes=no"), SPECS))
                        .getMessage());
        assertEquals(
                "option --param takes key=value, got 'oops'",
                assertThrows(
                                UsageException.class,
                                () -> Arguments.parse(List.of("--param", "oops"), SPECS)
                                        .keyValues("param"))
                        .getMessage());
    }

    @Test
    void integerOptionsAreRangeChecked() throws Exception {
        assertEquals(20, Arguments.parse(List.of(), SPECS).intValue("limit", 20, 1, 100));
        assertEquals(5, Arguments.parse(List.of("--limit", "5"), SPECS).intValue("limit", 20, 1, 100));
        assertEquals(
                "option --limit must be between 1 and 100, got 500",
                assertThrows(
                                UsageException.class,
                                () -> Arguments.parse(List.of("--limit", "500"), SPECS)
                                        .intValue("limit", 20, 1, 100))
                        .getMessage());
        assertEquals(
                "option --limit takes a whole number, got 'many'",
                assertThrows(
                                UsageException.class,
                                () -> Arguments.parse(List.of("--limit", "many"), SPECS)
                                        .intValue("limit", 20, 1, 100))
                        .getMessage());
    }

    @Test
    void aMissingPositionalIsNamed() throws Exception {
        Arguments a = Arguments.parse(List.of("file.ini"), SPECS);
        assertEquals(
                "missing argument SECTION",
                assertThrows(UsageException.class, () -> a.positional(1, "SECTION"))
                        .getMessage());
    }
}
