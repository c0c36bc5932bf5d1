package io.kbsh.shell.rules.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The common condition shapes are answered without CEL's interpreter, and always with the interpreter's answer:
 * every combination of values (bools, lists and maps of several sizes, strings, which CEL sizes in code points,
 * and absent names) gives the same value, or the same error, both ways.
 */
class CelDirectTest {

    private static final List<String> NAMES = List.of("a", "b", "xs", "ys");

    private static final List<Object> VALUES =
            List.of(true, false, List.of(), List.of(1L), List.of(1L, 2L, 3L), Map.of("k", 1L), "héllo", 3L);

    @Test
    void directShapesAgreeWithTheInterpreterOnEveryValue() throws Exception {
        List<String> direct = List.of(
                "a",
                "!a",
                "!!a",
                "size(xs) > 0",
                "size(xs) == 0",
                "size(xs) != 1",
                "size(xs) >= 2",
                "size(xs) < 3",
                "size(xs) <= 1",
                "a && b",
                "a || b",
                "!a && size(xs) > 0",
                "size(xs) > 0 && (size(ys) > 0 || !b)",
                "(a || size(xs) > 1) && !(b && size(ys) == 0)");
        int compared = 0;
        for (String text : direct) {
            Cel.Program program = Cel.compile(text, NAMES, true);
            assertTrue(program.isDirect(), text + " is one of the direct shapes");
            for (Map<String, Object> names : assignments()) {
                assertEquals(
                        outcome(() -> program.interpreted(names)),
                        outcome(() -> program.eval(names)),
                        text + " with " + names);
                compared++;
            }
        }
        assertTrue(compared > 10_000, "every assignment compared: " + compared);
    }

    @Test
    void otherShapesGoToTheInterpreter() throws Exception {
        for (String text : List.of(
                "xs.exists(x, x == 1)", "size(xs) > size(ys)", "a == true", "size(xs) > 0.5", "xs.size() > 0")) {
            assertFalse(Cel.compile(text, NAMES, true).isDirect(), text);
        }
    }

    /** Every assignment of the values (or none) to the names. */
    private static List<Map<String, Object>> assignments() {
        List<Map<String, Object>> all = new ArrayList<>();
        all.add(new HashMap<>());
        for (String name : NAMES) {
            List<Map<String, Object>> next = new ArrayList<>();
            for (Map<String, Object> partial : all) {
                next.add(partial);
                for (Object v : VALUES) {
                    Map<String, Object> m = new HashMap<>(partial);
                    m.put(name, v);
                    next.add(m);
                }
            }
            all = next;
        }
        return all;
    }

    private static String outcome(java.util.function.Supplier<Object> eval) {
        try {
            return "value " + eval.get();
        } catch (IllegalStateException e) {
            return "error";
        }
    }
}
