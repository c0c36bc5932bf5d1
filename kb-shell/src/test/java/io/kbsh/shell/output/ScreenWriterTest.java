package io.kbsh.shell.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScreenWriterTest {

    private static String shown(String text, int width, boolean colour) {
        StringWriter sink = new StringWriter();
        try (PrintWriter w = new PrintWriter(new ScreenWriter(sink, new Screen(() -> width, colour)))) {
            w.print(text);
        }
        return sink.toString();
    }

    @Test
    void controlCharactersFromDataAreShownNotSent() {
        String title = "x\u001b]0;owned\u0007y\u001b[2J\u007f\u0085\u202e";
        assertEquals("x^[]0;owned^Gy^[[2J^?<U+0085><U+202E>\n", shown(title + "\n", 0, false));
        // Tabs and newlines are text.
        assertEquals("a\tb\nc\n", shown("a\tb\nc\n", 0, false));
    }

    @Test
    void carriageReturnRedrawsAProgressLineButNotInsideData() {
        assertEquals("one^Mtwo\n", shown("one\rtwo\n", 0, false));
        assertEquals("crlf\n", shown("crlf\r\n", 0, false));
        StringWriter sink = new StringWriter();
        PrintWriter w = new PrintWriter(new ScreenWriter(sink, new Screen(() -> 80, false)));
        w.print("\rprobing 1/2");
        w.flush();
        w.print("\rprobing 2/2");
        w.flush();
        assertEquals("\r\u001b[Kprobing 1/2\r\u001b[Kprobing 2/2", sink.toString());
    }

    @Test
    void textCannotColourItself() {
        String forged = Style.ERROR.apply("red");
        assertEquals("<U+E001>red<U+E0FF>\n", shown(forged + "\n", 0, true));
    }

    @Test
    void longLinesWrapAtWordsWithinTheWidth() {
        String line =
                "  because the MTA runs the X.400 Connector over TCP/IP 'x400-hq-plant' to plantmail.northwind.example";
        String out = shown(line + "\n", 40, false);
        for (String l : out.split("\n")) {
            assertTrue(l.length() <= 40, l);
        }
        assertEquals(
                line.replaceAll(" +", " ").trim(), out.replaceAll("\\s+", " ").trim(), "no word lost or broken");
        assertTrue(out.contains("\n          "), "continuation under the text after 'because': " + out);
    }

    @Test
    void severityCellsAndDiffsAreColouredOnlyWhenWanted() {
        String report = "SEVERITY  ARTICLE\ncritical  Q254909\nerror  Q1\nan error in a sentence\n";
        String coloured = shown(report, 0, true);
        assertTrue(coloured.contains("\u001b[1;31mcritical\u001b[0m"), coloured);
        assertTrue(coloured.contains("\u001b[31merror\u001b[0m  Q1"), coloured);
        assertTrue(coloured.contains("an error in a sentence"), coloured);
        assertFalse(coloured.contains("an \u001b"), coloured);
        assertEquals(report, shown(report, 0, false));

        String diff = "--- a\n+++ b\n@@ -1 +1 @@\n-old\n+new\n context\nafter\n-not a diff line\n";
        String d = shown(diff, 0, true);
        assertTrue(d.contains("\u001b[31m-old\u001b[0m"), d);
        assertTrue(d.contains("\u001b[32m+new\u001b[0m"), d);
        assertTrue(d.contains("\n-not a diff line\n"), "the diff ended at 'after': " + d);
    }

    @Test
    void aColourSpanBrokenByWrappingIsClosedAndReopened() {
        String diff = "--- a\n+++ b\n+" + "word ".repeat(20).trim() + "\n";
        String[] lines = shown(diff, 30, true).split("\n");
        assertTrue(lines.length > 3);
        for (int i = 2; i < lines.length; i++) {
            assertTrue(lines[i].startsWith("\u001b[32m") && lines[i].endsWith("\u001b[0m"), lines[i]);
        }
    }

    @Test
    void noColorConventions() {
        assertTrue(Screen.colourWanted(Map.of(), false, true));
        assertTrue(Screen.colourWanted(Map.of("NO_COLOR", ""), false, true));
        assertFalse(Screen.colourWanted(Map.of("NO_COLOR", "1"), false, true));
        assertFalse(Screen.colourWanted(Map.of(), true, true));
        assertFalse(Screen.colourWanted(Map.of(), false, false));
    }
}
