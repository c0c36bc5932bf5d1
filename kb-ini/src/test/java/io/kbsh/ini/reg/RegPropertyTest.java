package io.kbsh.ini.reg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Seeded random exports, written the many ways Regedit and people write them (both formats, every value
 * kind, escapes, continuation lines, comments, mixed line endings, names in other case, repeated and
 * deleted values and keys): each reads back byte for byte and to the values an import would leave, which
 * the test computes on its own by replaying what it wrote. And the builder's files read back to what was
 * given.
 */
class RegPropertyTest {

    private static final Charset CP1252 = Charset.forName("windows-1252");
    private static final String[] KEYS = {
        "HKEY_LOCAL_MACHINE\\Software\\Kbsh",
        "HKEY_LOCAL_MACHINE\\Software\\Kbsh\\Sub",
        "HKEY_CURRENT_USER\\Software\\Microsoft\\Exchange",
        "HKEY_USERS\\.DEFAULT\\Control Panel"
    };
    private static final String[] NAMES = {
        "", "Port", "TCP/IP port", "Path \"x\"", "back\\slash", "Caf\u00e9", "a;b=[c]"
    };
    private static final String[] ENDINGS = {"\r\n", "\r\n", "\r\n", "\n", "\r"};

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {11, 12, 13, 14})
    void randomExportsRoundTripAndReplayLikeAnImport(long seed) throws Exception {
        Random r = new Random(seed);
        for (int round = 0; round < 500; round++) {
            RegFormat format = r.nextBoolean() ? RegFormat.REGEDIT4 : RegFormat.REGEDIT5;
            StringBuilder text = new StringBuilder(format.header()).append(ending(r));
            Map<String, Map<String, RegValue>> expected = new LinkedHashMap<>();
            Optional<String> current = Optional.empty();
            int items = r.nextInt(25);
            for (int i = 0; i < items; i++) {
                int kind = r.nextInt(10);
                if (kind == 0) {
                    text.append(r.nextBoolean() ? "" : "; note " + word(r, format))
                            .append(ending(r));
                } else if (kind <= 2 || current.isEmpty()) {
                    String key = recase(r, KEYS[r.nextInt(KEYS.length)]);
                    boolean delete = r.nextInt(6) == 0;
                    text.append(delete ? "[-" : "[").append(key).append(']').append(ending(r));
                    String folded = fold(key);
                    if (delete) {
                        expected.keySet().removeIf(k -> k.equals(folded) || k.startsWith(folded + "\\"));
                        current = Optional.empty();
                    } else {
                        expected.computeIfAbsent(folded, k -> new LinkedHashMap<>());
                        current = Optional.of(folded);
                    }
                } else {
                    String name = recase(r, NAMES[r.nextInt(NAMES.length)]);
                    String written = name.isEmpty() ? "@" : "\"" + escape(name) + "\"";
                    text.append(written).append(r.nextInt(8) == 0 ? " = " : "=");
                    Map<String, RegValue> values = expected.get(current.get());
                    if (r.nextInt(7) == 0) {
                        text.append('-').append(ending(r));
                        values.remove(fold(name));
                    } else {
                        RegValue value = randomValue(r, format);
                        text.append(data(r, value, format)).append(ending(r));
                        values.remove(fold(name));
                        values.put(fold(name), value);
                    }
                }
            }
            if (r.nextInt(5) == 0 && text.length() > 0) {
                // Regedit's last line need not end with a line break.
                String s = text.toString().replaceAll("[\r\n]+$", "");
                text.setLength(0);
                text.append(s);
            }
            byte[] bytes = encode(text.toString(), format);
            RegDocument reg = RegDocument.parse(bytes);

            String context = "seed " + seed + " round " + round + ":\n" + text;
            assertArrayEquals(bytes, reg.toBytes(), context);
            assertTrue(reg.warnings().isEmpty(), context + "\n" + reg.warnings());
            assertEquals(
                    List.copyOf(expected.keySet()),
                    reg.keys().stream().map(RegPropertyTest::fold).toList(),
                    context);
            for (Map.Entry<String, Map<String, RegValue>> key : expected.entrySet()) {
                Map<String, RegValue> got = new LinkedHashMap<>();
                reg.values(key.getKey()).forEach((n, v) -> got.put(fold(n), v));
                assertEquals(key.getValue(), got, context);
                for (String name : NAMES) {
                    assertEquals(
                            Optional.ofNullable(key.getValue().get(fold(name))), reg.get(key.getKey(), name), context);
                }
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {21, 22})
    void whatTheBuilderWritesReadsBackToTheSameValues(long seed) throws Exception {
        Random r = new Random(seed);
        for (int round = 0; round < 400; round++) {
            RegFormat format = r.nextBoolean() ? RegFormat.REGEDIT4 : RegFormat.REGEDIT5;
            RegFileBuilder builder = RegFileBuilder.create(format);
            Map<String, Map<String, RegValue>> expected = new LinkedHashMap<>();
            for (String key : KEYS) {
                if (r.nextBoolean()) {
                    continue;
                }
                builder.key(key);
                Map<String, RegValue> values = expected.computeIfAbsent(fold(key), k -> new LinkedHashMap<>());
                for (int i = r.nextInt(6); i > 0; i--) {
                    String name = NAMES[r.nextInt(NAMES.length)];
                    RegValue value = randomValue(r, format);
                    builder.set(name, value);
                    values.remove(fold(name));
                    values.put(fold(name), value);
                }
            }
            RegDocument written = builder.build();
            RegDocument reread = RegDocument.parse(written.toBytes());
            assertEquals(format, reread.format());
            assertTrue(reread.warnings().isEmpty(), reread.warnings().toString());
            for (Map.Entry<String, Map<String, RegValue>> key : expected.entrySet()) {
                Map<String, RegValue> got = new LinkedHashMap<>();
                reread.values(key.getKey()).forEach((n, v) -> got.put(fold(n), v));
                assertEquals(key.getValue(), got, "seed " + seed + " round " + round);
            }
            assertArrayEquals(written.toBytes(), reread.toBytes());
        }
    }

    private static RegValue randomValue(Random r, RegFormat format) {
        return switch (r.nextInt(7)) {
            case 0, 1 -> new RegValue.Sz(word(r, format));
            case 2 -> new RegValue.Dword(r.nextInt());
            case 3 -> new RegValue.ExpandSz("%" + word(r, format) + "%");
            case 4 -> {
                List<String> strings = new ArrayList<>();
                for (int i = r.nextInt(4); i > 0; i--) {
                    strings.add("s" + word(r, format));
                }
                yield new RegValue.MultiSz(strings);
            }
            case 5 -> new RegValue.Qword(r.nextLong());
            default -> {
                byte[] b = new byte[r.nextInt(70)];
                r.nextBytes(b);
                yield new RegValue.Binary(r.nextInt(4) == 0 ? 5 : 3, b);
            }
        };
    }

    /** How a person or Regedit might write {@code value}: any case of hex digits, continuation lines. */
    private static String data(Random r, RegValue value, RegFormat format) {
        if (value instanceof RegValue.Sz sz) {
            return "\"" + escape(sz.text()) + "\"";
        }
        if (value instanceof RegValue.Dword d) {
            String hex = r.nextBoolean() ? String.format("%08x", d.value()) : Integer.toHexString(d.value());
            return (r.nextBoolean() ? "dword:" : "DWORD:") + (r.nextBoolean() ? hex : hex.toUpperCase(Locale.ROOT));
        }
        byte[] bytes = HexData.bytesOf(value, format);
        String prefix = value instanceof RegValue.Binary b && b.type() == 3 && r.nextBoolean()
                ? "hex:"
                : "hex(" + Integer.toHexString(value.type()) + "):";
        StringBuilder out = new StringBuilder(prefix);
        String hex = HexFormat.of().formatHex(bytes);
        for (int i = 0; i < bytes.length; i++) {
            String cell = hex.substring(2 * i, 2 * i + 2);
            out.append(r.nextInt(5) == 0 ? cell.toUpperCase(Locale.ROOT) : cell);
            if (i < bytes.length - 1) {
                out.append(',');
                if (r.nextInt(12) == 0) {
                    out.append('\\').append(ending(r)).append(r.nextBoolean() ? "  " : "\t ");
                }
            }
        }
        return out.toString();
    }

    private static String word(Random r, RegFormat format) {
        String pool = format == RegFormat.REGEDIT4
                ? "abcXYZ019 \\\"=;[]@-\u00e9\u00fc\u20ac"
                : "abcXYZ019 \\\"=;[]@-\u00e9\u03a9\u4e2d\u20ac";
        StringBuilder out = new StringBuilder();
        for (int i = 1 + r.nextInt(10); i > 0; i--) {
            out.append(pool.charAt(r.nextInt(pool.length())));
        }
        return out.toString();
    }

    private static String recase(Random r, String s) {
        return switch (r.nextInt(4)) {
            case 0 -> s.toUpperCase(Locale.ROOT);
            case 1 -> s.toLowerCase(Locale.ROOT);
            default -> s;
        };
    }

    private static String ending(Random r) {
        return ENDINGS[r.nextInt(ENDINGS.length)];
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static String fold(String s) {
        return s.toUpperCase(Locale.ROOT);
    }

    private static byte[] encode(String text, RegFormat format) {
        if (format == RegFormat.REGEDIT4) {
            return text.getBytes(CP1252);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xFF);
        out.write(0xFE);
        out.writeBytes(text.getBytes(StandardCharsets.UTF_16LE));
        return out.toByteArray();
    }
}
