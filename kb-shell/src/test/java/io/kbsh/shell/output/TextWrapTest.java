package io.kbsh.shell.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextWrapTest {

    @Test
    void aLineThatFitsIsLeftAlone() {
        assertEquals(List.of("short line"), TextWrap.wrap("short line", 80, 0));
        assertEquals(List.of("x".repeat(200)), TextWrap.wrap("x".repeat(200), 0, 0));
    }

    @Test
    void tableRowsContinueUnderTheirLastColumn() {
        String row = "Q187225   2000-01-01  XCON: clustered MTA may hit socket errors on X.400 over TCP/IP";
        List<String> lines = TextWrap.wrap(row, 50, 0);
        assertTrue(lines.size() > 1);
        int column = row.indexOf("XCON");
        for (String l : lines.subList(1, lines.size())) {
            assertEquals(" ".repeat(column), l.substring(0, column));
            assertTrue(l.charAt(column) != ' ');
        }
        lines.forEach(l -> assertTrue(l.length() <= 50, l));
    }

    @Test
    void listItemsContinueAfterTheirMarker() {
        List<String> lines =
                TextWrap.wrap("  1. install Exchange Server 5.5 SP1 (or later in that line) on NWMAIL1", 30, 0);
        assertEquals("  1. install Exchange Server", lines.get(0));
        assertTrue(lines.get(1).startsWith("     5.5"), lines.get(1));
    }

    @Test
    void onlyAWordWiderThanTheLineIsBroken() {
        String path = "C:\\" + "a".repeat(50);
        List<String> lines = TextWrap.wrap("see " + path, 20, 0);
        assertEquals("see", lines.get(0));
        lines.forEach(l -> assertTrue(TextWrap.width(l) <= 20, l));
        assertEquals("see " + path, lines.get(0) + " " + String.join("", lines.subList(1, lines.size())));
    }

    @Test
    void wideCharactersCountTwoColumns() {
        assertEquals(4, TextWrap.width("日本"));
        TextWrap.wrap("日本語 の 記事 ".repeat(10), 20, 0).forEach(l -> assertTrue(TextWrap.width(l) <= 20, l));
    }
}
