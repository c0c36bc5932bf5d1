package io.kbsh.shell.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The rules' map of an environment object behaves as the LinkedHashMap it replaced. */
class PlainMapTest {

    @Test
    void behavesAsALinkedHashMapOverRandomKeysWithCollisionsAndRepeats() {
        Random random = new Random(7);
        for (int round = 0; round < 500; round++) {
            int n = random.nextInt(40);
            Map<String, Object> expected = new LinkedHashMap<>();
            PlainMap.Builder b = PlainMap.builder(random.nextInt(4));
            for (int i = 0; i < n; i++) {
                // "Aa" and "BB" have the same hash: collisions are among the keys, and some keys repeat.
                String key = random.nextInt(3) == 0
                        ? (random.nextBoolean() ? "Aa" : "BB") + random.nextInt(5)
                        : "k" + random.nextInt(60);
                Object value = random.nextInt(10) == 0 ? null : (Object) Long.valueOf(random.nextInt(100));
                expected.put(key, value);
                b.put(key, value);
            }
            PlainMap actual = b.build();
            assertEquals(expected, actual);
            assertEquals(expected.hashCode(), actual.hashCode());
            assertEquals(new ArrayList<>(expected.keySet()), new ArrayList<>(actual.keySet()), "first position kept");
            assertEquals(new ArrayList<>(expected.values()), new ArrayList<>(actual.values()), "last value kept");
            for (int probe = 0; probe < 70; probe++) {
                String key = probe < 60 ? "k" + probe : (probe % 2 == 0 ? "Aa" : "BB") + (probe - 60) / 2;
                assertEquals(expected.get(key), actual.get(key), key);
                assertEquals(expected.containsKey(key), actual.containsKey(key), key);
                assertEquals(expected.getOrDefault(key, "none"), actual.getOrDefault(key, "none"), key);
            }
            List<String> visited = new ArrayList<>();
            actual.forEach((k, v) -> visited.add(k + "=" + v));
            List<String> wanted = new ArrayList<>();
            expected.forEach((k, v) -> wanted.add(k + "=" + v));
            assertEquals(wanted, visited);
        }
    }

    @Test
    void aNullValueIsPresentAndOtherKeysAreNot() {
        PlainMap m = PlainMap.builder().put("a", null).put("b", "x").build();
        assertTrue(m.containsKey("a"));
        assertNull(m.get("a"));
        assertFalse(m.containsKey("c"));
        assertFalse(m.containsKey(42), "a key that is not text is never there");
        assertTrue(PlainMap.builder().build().isEmpty());
    }

    @Test
    void isUnmodifiable() {
        PlainMap m = PlainMap.builder().put("a", 1L).build();
        assertThrows(UnsupportedOperationException.class, () -> m.put("b", 2L));
        assertThrows(UnsupportedOperationException.class, () -> m.remove("a"));
        assertThrows(
                UnsupportedOperationException.class,
                () -> m.entrySet().iterator().next().setValue(3L));
        assertThrows(NullPointerException.class, () -> PlainMap.builder().put(null, 1L));
    }
}
