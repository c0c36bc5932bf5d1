package io.kbsh.ini.document;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties over seeded generators (thousands of cases each; a failing seed reproduces exactly):
 * parse then write is the identity; an edit changes only the lines it must; any bytes either parse
 * or raise {@link IniParseException}.
 */
class IniPropertyTest {

    private static final int CASES = 2000;
    private static final String[] ENDINGS = {"\r\n", "\n", "\r"};
    private static final String[] NAMES = {"EMSMTA", "Store", "store", "DSAMAIN", "Common", "", "a b", "k#1", "x;y"};

    static LongStream seeds() {
        return LongStream.range(0, CASES);
    }

    /** A generated INI file in text form: every kind of line, odd spacing, mixed endings, stray bytes. */
    static String generateText(Random r) {
        StringBuilder out = new StringBuilder();
        int lines = r.nextInt(30);
        for (int i = 0; i < lines; i++) {
            out.append(generateLine(r));
            if (i < lines - 1 || r.nextBoolean()) {
                out.append(ENDINGS[r.nextInt(ENDINGS.length)]);
            }
        }
        return out.toString();
    }

    private static String generateLine(Random r) {
        return switch (r.nextInt(9)) {
            case 0 ->
                blanks(r) + "[" + blanks(r) + name(r) + blanks(r) + (r.nextInt(5) == 0 ? "" : "]")
                        + (r.nextInt(4) == 0 ? "k=v" : "") + blanks(r);
            case 1, 2, 3 -> blanks(r) + name(r) + blanks(r) + "=" + blanks(r) + value(r) + blanks(r);
            case 4 -> blanks(r) + ";" + junk(r);
            case 5 -> blanks(r);
            case 6 -> name(r) + junk(r).replace("=", "");
            case 7 -> junk(r);
            default -> "#" + name(r) + "=" + value(r);
        };
    }

    private static String blanks(Random r) {
        String[] options = {"", "", " ", "\t", " \u000B ", "  "};
        return options[r.nextInt(options.length)];
    }

    private static String name(Random r) {
        return NAMES[r.nextInt(NAMES.length)];
    }

    private static String value(Random r) {
        String[] options = {"1", "", "\"quoted\"", "'q'", "110,143 ; pop+imap", "\\\\PROXY\\mspclnt\\", "\"", "a=b"};
        return options[r.nextInt(options.length)];
    }

    private static String junk(Random r) {
        StringBuilder s = new StringBuilder();
        int n = r.nextInt(12);
        for (int i = 0; i < n; i++) {
            char c = (char) r.nextInt(256);
            if (c != '\r' && c != '\n') {
                s.append(c);
            }
        }
        return s.toString();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void parseThenWriteIsTheIdentity(long seed) throws Exception {
        Random r = new Random(seed);
        byte[] ansi = generateText(r).getBytes(StandardCharsets.ISO_8859_1);
        assertArrayEquals(ansi, IniDocument.parse(ansi).toBytes());
        byte[] unicode = UnicodeFiles.utf16(generateText(r) + "\u03A9");
        assertArrayEquals(unicode, IniDocument.parse(unicode).toBytes());
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void anEditChangesOnlyTheLinesItMust(long seed) throws Exception {
        Random r = new Random(seed);
        byte[] bytes = generateText(r).getBytes(StandardCharsets.ISO_8859_1);
        IniDocument before = IniDocument.parse(bytes);
        Map<String, String> readable = readable(before);
        String section = r.nextBoolean() && !before.sectionNames().isEmpty()
                ? before.sectionNames().get(r.nextInt(before.sectionNames().size()))
                : "New" + r.nextInt(3);
        String key = r.nextBoolean() && !before.keys(section).isEmpty()
                ? before.keys(section).get(r.nextInt(before.keys(section).size()))
                : "Key" + r.nextInt(3);
        if (section.indexOf(0) >= 0) {
            section = "New";
        }
        if (key.isEmpty() || key.startsWith("[") || key.indexOf(0) >= 0) {
            key = "Key";
        }
        List<String> oldLines = lines(before);
        if (r.nextInt(3) == 0) {
            IniDocument edited = before.remove(section, key);
            assertWindow(oldLines, lines(edited), 1, 0);
            if (readable.containsKey(id(section, key))) {
                assertEquals(oldLines.size() - 1, edited.lineCount());
            }
            return;
        }
        String value = value(r);
        IniDocument edited = before.set(section, key, value);
        IniDocument after = IniDocument.parse(edited.toBytes());
        assertEquals(Optional.of(value), after.get(section, key));
        boolean existed = readable.containsKey(id(section, key));
        boolean sectionExisted = before.hasSection(section);
        assertWindow(oldLines, lines(edited), 1, existed ? 1 : sectionExisted ? 2 : 3);
        Map<String, String> now = readable(after);
        readable.remove(id(section, key));
        now.remove(id(section, key));
        assertEquals(readable, now, "every other key reads as before");
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void removingASectionOnlyDropsLinesOfThatSection(long seed) throws Exception {
        Random r = new Random(seed);
        IniDocument before = IniDocument.parse(generateText(r).getBytes(StandardCharsets.ISO_8859_1));
        if (before.sectionNames().isEmpty()) {
            return;
        }
        String section =
                before.sectionNames().get(r.nextInt(before.sectionNames().size()));
        IniDocument after = before.removeSection(section);
        List<String> oldLines = lines(before);
        List<String> newLines = lines(after);
        int j = 0;
        for (String line : newLines) {
            while (j < oldLines.size() && !oldLines.get(j).equals(line)) {
                j++;
            }
            if (j++ == oldLines.size()) {
                fail("line not in the original, in order: " + line);
            }
        }
        assertTrue(after.sectionNames().size() == before.sectionNames().size() - 1);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void anyBytesEitherParseOrRaiseTheParseError(long seed) {
        Random r = new Random(seed);
        byte[] bytes = new byte[r.nextInt(64)];
        r.nextBytes(bytes);
        if (bytes.length >= 2 && r.nextBoolean()) {
            bytes[0] = (byte) 0xFF;
            bytes[1] = (byte) 0xFE;
        }
        try {
            IniDocument d = IniDocument.parse(bytes);
            assertArrayEquals(bytes, d.toBytes());
            d.sections();
        } catch (IniParseException e) {
            assertTrue(e.offset() >= 0 && e.offset() < bytes.length);
        }
    }

    /** Asserts that old and new differ only in one window of at most {@code maxOld} / {@code maxNew} lines. */
    private static void assertWindow(List<String> oldLines, List<String> newLines, int maxOld, int maxNew) {
        int prefix = 0;
        while (prefix < oldLines.size()
                && prefix < newLines.size()
                && oldLines.get(prefix).equals(newLines.get(prefix))) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < oldLines.size() - prefix
                && suffix < newLines.size() - prefix
                && oldLines.get(oldLines.size() - 1 - suffix).equals(newLines.get(newLines.size() - 1 - suffix))) {
            suffix++;
        }
        int changedOld = oldLines.size() - prefix - suffix;
        int changedNew = newLines.size() - prefix - suffix;
        assertTrue(
                changedOld <= maxOld && changedNew <= maxNew,
                "changed " + changedOld + " old / " + changedNew + " new lines: " + oldLines + " -> " + newLines);
    }

    private static List<String> lines(IniDocument d) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < d.lineCount(); i++) {
            lines.add(d.lineText(i) + d.lineEnding(i).text());
        }
        return lines;
    }

    private static Map<String, String> readable(IniDocument d) {
        Map<String, String> values = new HashMap<>();
        for (IniSection s : d.sections()) {
            for (IniEntry e : s.entries()) {
                if (e.consulted()) {
                    values.put(id(s.name(), e.key()), e.value());
                }
            }
        }
        return values;
    }

    private static String id(String section, String key) {
        return section.toLowerCase() + "\0" + key.toLowerCase();
    }
}
