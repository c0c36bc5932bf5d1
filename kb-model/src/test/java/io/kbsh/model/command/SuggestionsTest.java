package io.kbsh.model.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SuggestionsTest {

    private static final List<String> COMMANDS = List.of(
            "check",
            "diagnose",
            "env",
            "fix",
            "help",
            "ini",
            "probe",
            "search",
            "show",
            "bugs",
            "related",
            "waive",
            "plugins",
            "which",
            "version",
            "exit",
            "quit",
            "import");

    @Test
    void slipsOfTheKeyboardFindTheCommand() {
        assertEquals(Optional.of("check"), Suggestions.closest("chekc", COMMANDS));
        assertEquals(Optional.of("diagnose"), Suggestions.closest("diagnsoe", COMMANDS));
        assertEquals(Optional.of("search"), Suggestions.closest("serach", COMMANDS));
        assertEquals(Optional.of("plugins"), Suggestions.closest("plugin", COMMANDS));
        assertEquals(Optional.of("product"), Suggestions.closest("prodcut", List.of("product", "type", "tag")));
        assertEquals(Optional.of("exchange"), Suggestions.closest("exchang", List.of("exchange", "exchange-client")));
    }

    @Test
    void farOffWordsAndExactOnesSuggestNothing() {
        assertEquals(Optional.empty(), Suggestions.closest("frobnicate", COMMANDS));
        assertEquals(Optional.empty(), Suggestions.closest("xy", COMMANDS));
        assertEquals(Optional.empty(), Suggestions.closest("check", COMMANDS));
        assertEquals("", Suggestions.didYouMean("zzzzzz", COMMANDS));
    }

    @Test
    void aUniquePrefixIsSuggested() {
        assertEquals(Optional.of("diagnose"), Suggestions.closest("diag", COMMANDS));
        assertEquals(Optional.empty(), Suggestions.closest("s", COMMANDS));
    }

    @Test
    void unknownOptionsSuggestTheNearOne() {
        UsageException e = org.junit.jupiter.api.Assertions.assertThrows(
                UsageException.class,
                () -> Arguments.parse(
                        List.of("--fial-on", "error"), List.of(OptionSpec.value("fail-on", ValueKind.TEXT, "x"))));
        assertEquals("unknown option --fial-on (did you mean --fail-on?)", e.getMessage());
    }

    @Test
    void distanceCountsASwapAsOne() {
        assertEquals(1, Suggestions.distance("ab", "ba"));
        assertEquals(3, Suggestions.distance("kitten", "sitting"));
    }
}
