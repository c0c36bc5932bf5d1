package io.kbsh.shell.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BoundedLinesTest {

    private static List<String> lines(String text, int limit) throws IOException {
        BufferedReader reader = new BufferedReader(new StringReader(text));
        List<String> lines = new ArrayList<>();
        for (Optional<String> l = BoundedLines.next(reader, limit);
                l.isPresent();
                l = BoundedLines.next(reader, limit)) {
            lines.add(l.get());
        }
        return lines;
    }

    @Test
    void linesEndAsReadLineEndsThem() throws Exception {
        assertEquals(List.of("a", "b", "", "c", "d"), lines("a\nb\r\n\rc\rd", 10));
        assertEquals(List.of("abc"), lines("abc\n", 3));
        assertEquals(List.of(), lines("", 3));
    }

    @Test
    void aLineBeyondTheLimitIsRefusedWithoutReadingItToItsEnd() {
        // An endless line: a reader that never ends it.
        Reader endless = new Reader() {
            @Override
            public int read(char[] buffer, int offset, int length) {
                java.util.Arrays.fill(buffer, offset, offset + length, 'x');
                return length;
            }

            @Override
            public void close() {}
        };
        IOException e = assertThrows(
                BoundedLines.LineTooLongException.class, () -> BoundedLines.next(new BufferedReader(endless), 1000));
        assertEquals("line longer than 1000 characters", e.getMessage());
        assertThrows(BoundedLines.LineTooLongException.class, () -> lines("ok\nabcd\n", 3));
    }
}
