package io.kbsh.shell.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kbsh.model.command.UsageException;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandLineSplitterTest {

    @Test
    void whiteSpaceSeparatesWords() throws Exception {
        assertEquals(
                List.of(List.of("ini", "get", "a.ini", "S", "K")),
                CommandLineSplitter.commands("  ini\tget a.ini  S K "));
    }

    @Test
    void backslashIsAnOrdinaryCharacter() throws Exception {
        assertEquals(
                List.of(List.of("ini", "show", "C:\\Exchsrvr\\Bin\\Wspcfg.ini")),
                CommandLineSplitter.commands("ini show C:\\Exchsrvr\\Bin\\Wspcfg.ini"));
    }

    @Test
    void exclamationMarkIsNotHistoryExpansion() throws Exception {
        assertEquals(List.of(List.of("search", "!!", "fail!")), CommandLineSplitter.commands("search !! fail!"));
    }

    @Test
    void eitherQuoteGroupsWordsAndHoldsTheOtherKind() throws Exception {
        assertEquals(
                List.of(List.of("search", "\"second MX\"", "it's here")),
                CommandLineSplitter.commands("search '\"second MX\"' \"it's here\""));
    }

    @Test
    void quotedTextJoinsAdjacentText() throws Exception {
        assertEquals(
                List.of(List.of("--file=C:\\Program Files\\x.ini")),
                CommandLineSplitter.commands("--file=\"C:\\Program Files\\x.ini\""));
    }

    @Test
    void emptyQuotesAreAnEmptyWord() throws Exception {
        assertEquals(List.of(List.of("ini", "get", "f", "", "K")), CommandLineSplitter.commands("ini get f '' K"));
    }

    @Test
    void semicolonSeparatesCommandsOnlyOutsideQuotes() throws Exception {
        assertEquals(
                List.of(List.of("a", "x;y"), List.of("b"), List.of("c", "'z;'")),
                CommandLineSplitter.commands("a 'x;y'; b;;c \"'z;'\""));
    }

    @Test
    void anUnquotedHashStartsACommentButNotInsideAWord() throws Exception {
        assertEquals(
                List.of(List.of("ini", "get", "f", "S", "K#1")),
                CommandLineSplitter.commands("ini get f S K#1 # note; exit"));
        assertEquals(List.of(List.of("say", "#not")), CommandLineSplitter.commands("say '#not'"));
        assertEquals(List.of(), CommandLineSplitter.commands("# whole line"));
    }

    @Test
    void anUnterminatedQuoteIsReportedWithItsColumn() {
        UsageException e = assertThrows(UsageException.class, () -> CommandLineSplitter.commands("ini get \"C:\\x"));
        assertEquals("unterminated quote at column 9", e.getMessage());
    }

    @Test
    void leniantSplitKeepsPositionsForCompletion() {
        CommandLineSplitter.Split split = CommandLineSplitter.split("help; ini get 'a b");
        assertTrue(split.unterminatedQuote());
        CommandLineSplitter.Command second = split.commands().get(1);
        assertEquals(List.of("ini", "get", "a b"), second.texts());
        assertEquals(14, second.words().get(2).start());
    }
}
