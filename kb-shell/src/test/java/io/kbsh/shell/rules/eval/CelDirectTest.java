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

    /**
     * Comprehensions, fields, comparisons, {@code in}, indexing, string functions and lists over generated
     * records: fields of every kind or absent, numbers of two kinds, text with non-ASCII letters, records that are
     * not maps; conditions and {@code let} values alike.
     */
    @Test
    void comprehensionsAndFieldsAgreeWithTheInterpreterOnGeneratedRecords() throws Exception {
        List<String> conditions = List.of(
                "xs.exists(x, x.event == 9301 && x.source == \"MSExchangeMTA\")",
                "xs.exists(x, has(x.rules) && size(x.rules) > 0)",
                "xs.all(x, has(x.port) && x.port >= 1024 && x.port < 4900)",
                "xs.exists_one(x, x.source == \"MSExchangeIMC\" || x.event != 4007)",
                "xs.exists(x, x.key.matches(r\"(?i)\\\\services\\\\msexchange(ds|is)$\") && x.name.lowerAscii() == \"tcp/ip port\")",
                "xs.exists(x, x.key.startsWith(\"HKEY\") || x.key.endsWith(\"MSExchangeDS\") || x.key.contains(\"é\"))",
                "xs.exists(x, x.source.upperAscii().startsWith(\"MSEXCHANGE\"))",
                "xs.exists(x, x.to == \"any\" || x.to in ys)",
                "xs.exists(x, \"relay.accepted\" in x.evidence && x.evidence[\"relay.accepted\"] == true)",
                "xs.exists(x, x.port in [25, 110, 143])",
                "xs.exists(x, has(x.rules) && x.rules.exists(r, r == 1 || r == \"any\"))",
                "xs.exists(x, inPorts(x.rules, 135))",
                "xs.exists(x, isIp(x.to))",
                "xs.exists(x, inNet(x.to, \"10.0.0.0/8\") || inNet(\"fe80::1\", x.to))",
                "xs.exists(x, below(x.name, \"5.5 SP2\") || atLeast(b, x.key))",
                "xs.filter(x, has(x.port)).size() > 1",
                "size(xs.map(x, x.event)) == size(xs)",
                "xs.exists(x, (x.source + \".\" + x.key) in ys)",
                "xs.exists(x, x.port + 1 > 25 ? x.event == 9301 : x.event == 48)",
                "size(xs) > 0 && xs[0].event == 9301",
                "a ? xs.exists(x, x.key.matches(b)) : !xs.all(x, x.port == 25.0)",
                "ys.exists(y, y in xs)");
        List<String> values = List.of(
                "xs.filter(x, has(x.port) && x.port > 100).map(x, x.port)",
                "xs.map(x, x.source.lowerAscii() + \"/\" + x.key)",
                "ys + xs.filter(x, x.to == \"any\").map(x, x.to)",
                "xs.size() > 1 ? xs[1] : a");
        java.util.Random random = new java.util.Random(20261203L);
        List<Map<String, Object>> assignments = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            assignments.add(generated(random));
        }
        int compared = 0;
        int direct = 0;
        List<String> all = new ArrayList<>(conditions);
        all.addAll(values);
        for (String text : all) {
            Cel.Program program = Cel.compile(text, NAMES, conditions.contains(text));
            assertTrue(program.isDirect(), text + " has a direct form");
            int decided = 0;
            for (Map<String, Object> names : assignments) {
                String interpreted = outcome(() -> program.interpreted(names));
                assertEquals(interpreted, outcome(() -> program.eval(names)), text + " with " + names);
                if (program.directly(names).isPresent()) {
                    decided++;
                }
                compared++;
            }
            // Most generated records are decided directly: the comparison is of the direct form, not a fallback.
            assertTrue(decided > 0, text + " decided directly at least once");
            direct += decided;
        }
        assertTrue(direct > compared / 3, direct + " of " + compared + " decided directly");
    }

    @Test
    void otherShapesGoToTheInterpreter() throws Exception {
        for (String text : List.of(
                "type(a) == bool", "string(b) == \"1\"", "{\"k\": 1}.size() > 0", "xs.exists(x, int(x) == 1)")) {
            assertFalse(Cel.compile(text, NAMES, true).isDirect(), text);
        }
    }

    /** Names with generated records: each field of a record is present or absent and of one of several kinds. */
    private static Map<String, Object> generated(java.util.Random r) {
        Map<String, Object> names = new HashMap<>();
        List<Object> records = new ArrayList<>();
        int n = r.nextInt(4);
        for (int i = 0; i < n; i++) {
            Map<String, Object> x = new HashMap<>();
            maybe(r, x, "event", pick(r, 9301L, 48L, 4007L, 9301.0, "9301"));
            maybe(r, x, "source", pick(r, "MSExchangeMTA", "MSExchangeIMC", "msexchangemta", "MSExchangeÉ", 1L));
            maybe(r, x, "port", pick(r, 25L, 135L, 1024L, 4899L, 25.0, -0.0, "25", Long.MAX_VALUE));
            maybe(
                    r,
                    x,
                    "key",
                    pick(
                            r,
                            "HKEY_LOCAL_MACHINE\\SYSTEM\\Services\\MSExchangeDS",
                            "\\services\\msexchangeis",
                            "clé",
                            "",
                            7L));
            maybe(r, x, "name", pick(r, "TCP/IP port", "tcp/ip PORT", "Stack", true, "5.5 SP1", "5.0"));
            maybe(r, x, "to", pick(r, "any", "10.0.0.1", "fe80::1", "mail1", 1L, List.of("any")));
            maybe(
                    r,
                    x,
                    "rules",
                    pick(r, List.of(), List.of(1L), List.of("135", 25L), List.of("1024-65535"), List.of(1.0), "1"));
            maybe(
                    r,
                    x,
                    "evidence",
                    pick(r, Map.of(), Map.of("relay.accepted", true), Map.of("relay.accepted", "yes"), List.of()));
            records.add(r.nextInt(12) == 0 ? pick(r, "text", 3L) : x);
        }
        if (r.nextInt(10) > 0) {
            names.put("xs", records);
        } else if (r.nextBoolean()) {
            names.put("xs", pick(r, "text", Map.of("k", 1L)));
        }
        if (r.nextInt(10) > 0) {
            names.put(
                    "ys",
                    pick(
                            r,
                            List.of(),
                            List.of("any", "mail1"),
                            List.of("MSExchangeMTA.\\services\\msexchangeis", 25L),
                            List.of(9301L, 25.0),
                            List.of(records.isEmpty() ? "none" : records.get(0))));
        }
        if (r.nextInt(10) > 0) {
            names.put("a", pick(r, true, false, "yes"));
        }
        if (r.nextInt(10) > 0) {
            names.put("b", pick(r, "(?i)msexchange", "[", "^HKEY", "5.5 SP1"));
        }
        return names;
    }

    private static void maybe(java.util.Random r, Map<String, Object> record, String field, Object value) {
        if (r.nextInt(5) > 0) {
            record.put(field, value);
        }
    }

    private static Object pick(java.util.Random r, Object... choices) {
        return choices[r.nextInt(choices.length)];
    }

    /** Every assignment of the values (or none) to the names. */
    static List<Map<String, Object>> assignments() {
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

    static String outcome(java.util.function.Supplier<Object> eval) {
        try {
            return "value " + eval.get();
        } catch (IllegalStateException e) {
            return "error";
        }
    }
}
