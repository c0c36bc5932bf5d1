package io.kbsh.ini.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The chunked line list against a plain list, across chunk boundaries, over seeded random edits. */
class LinesTest {

    private static Line line(int n) {
        return Line.of("k" + n + "=" + n, LineEnding.CRLF, n, true);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void behavesLikeAListUnderRandomEditsAcrossChunks(long seed) {
        Random r = new Random(seed);
        int size = Lines.CHUNK * 2 + r.nextInt(Lines.CHUNK);
        Lines.Builder builder = new Lines.Builder();
        List<Line> model = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            Line l = line(i);
            builder.add(l);
            model.add(l);
        }
        Lines lines = builder.build();
        for (int step = 0; step < 3000; step++) {
            int op = r.nextInt(3);
            if (op == 0 || model.isEmpty()) {
                int at = r.nextInt(model.size() + 1);
                Line l = line(-step);
                lines = lines.insert(at, l);
                model.add(at, l);
            } else if (op == 1) {
                int at = r.nextInt(model.size());
                lines = lines.remove(at);
                model.remove(at);
            } else {
                int at = r.nextInt(model.size());
                Line l = line(step);
                lines = lines.with(at, l);
                model.set(at, l);
            }
            if (step % 500 == 0) {
                assertSameContent(model, lines);
            }
        }
        assertSameContent(model, lines);
        int probe = r.nextInt(model.size());
        Line target = model.get(probe);
        assertEquals(model.indexOf(target), lines.indexOf(0, l -> l == target));
        assertEquals(-1, lines.indexOf(probe + 1, l -> l == target));
    }

    private static void assertSameContent(List<Line> model, Lines lines) {
        assertEquals(model.size(), lines.size());
        int i = 0;
        for (Line l : lines) {
            assertSame(model.get(i), l);
            assertSame(model.get(i), lines.get(i));
            i++;
        }
    }
}
