package io.kbsh.shell.article.parse;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Whatever the bytes, parsing gives an article or an {@link ArticleParseException}: many generated inputs,
 * from random bytes to real-looking articles with flipped bytes, cut lines and truncations.
 */
class ParserFuzzTest {

    private static final int ROUNDS = 6000;

    @Test
    void noExceptionOtherThanTheTypedOneEscapes() {
        Random random = new Random(20261125L);
        List<byte[]> bases = List.of(
                Synthetic.textBytes(),
                Synthetic.markdown().getBytes(StandardCharsets.UTF_8),
                Synthetic.html().getBytes(StandardCharsets.UTF_8),
                ("KnowledgeBase Archive\n\nQ900001: XFOR: Sample\n\n"
                                + Synthetic.markdown()
                                        .substring(Synthetic.markdown().indexOf("\tArticle:"))
                                        .replace("\t", ""))
                        .getBytes(StandardCharsets.UTF_8));
        int parsed = 0;
        for (int round = 0; round < ROUNDS; round++) {
            byte[] input = mutate(random, bases.get(random.nextInt(bases.size())), round);
            try {
                ArticleParser.parse("fuzz-" + round, input);
                parsed++;
            } catch (ArticleParseException expected) {
                if (!expected.getMessage().startsWith("fuzz-" + round)) {
                    fail("error does not name the source: " + expected.getMessage());
                }
            } catch (RuntimeException | StackOverflowError e) {
                throw new AssertionError(
                        "round " + round + " escaped with " + e + " on input:\n"
                                + new String(input, StandardCharsets.ISO_8859_1),
                        e);
            }
        }
        if (parsed == 0 || parsed == ROUNDS) {
            fail("the generator should produce both readable and unreadable inputs, parsed " + parsed);
        }
    }

    private static byte[] mutate(Random r, byte[] base, int round) {
        switch (round % 6) {
            case 0: {
                byte[] b = new byte[r.nextInt(400)];
                r.nextBytes(b);
                return b;
            }
            case 1: {
                byte[] b = base.clone();
                for (int i = r.nextInt(12); i >= 0; i--) {
                    b[r.nextInt(b.length)] = (byte) r.nextInt(256);
                }
                return b;
            }
            case 2:
                return Arrays.copyOf(base, r.nextInt(base.length + 1));
            case 3: {
                String[] lines = new String(base, StandardCharsets.ISO_8859_1).split("\n", -1);
                StringBuilder s = new StringBuilder();
                for (String line : lines) {
                    int roll = r.nextInt(10);
                    if (roll == 0) {
                        continue;
                    }
                    s.append(roll == 1 ? line + line : roll == 2 ? "=".repeat(r.nextInt(90)) : line)
                            .append('\n');
                }
                return s.toString().getBytes(StandardCharsets.ISO_8859_1);
            }
            case 4: {
                byte[] b = base.clone();
                int at = r.nextInt(b.length);
                byte[] junk = "<9x><FF>&#0;:: ---\r\r\n\t[]Q0 Q9999999".getBytes(StandardCharsets.ISO_8859_1);
                System.arraycopy(junk, 0, b, at, Math.min(junk.length, b.length - at));
                return b;
            }
            default: {
                byte[] b = base.clone();
                for (int i = 0; i < b.length; i++) {
                    if (r.nextInt(60) == 0) {
                        b[i] = (byte) (r.nextBoolean() ? 0x81 : r.nextInt(32));
                    }
                }
                return b;
            }
        }
    }
}
