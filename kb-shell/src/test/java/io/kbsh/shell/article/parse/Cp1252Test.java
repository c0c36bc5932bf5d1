package io.kbsh.shell.article.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.Charset;
import java.util.Set;
import org.junit.jupiter.api.Test;

class Cp1252Test {

    private static final Set<Integer> UNDEFINED = Set.of(0x81, 0x8D, 0x8F, 0x90, 0x9D);

    @Test
    void everyByteDecodesAsWindowsDoes() {
        Charset jdk = Charset.forName("windows-1252");
        byte[] all = new byte[256];
        for (int b = 0; b < 256; b++) {
            all[b] = (byte) b;
            char expected = UNDEFINED.contains(b) ? (char) b : new String(new byte[] {(byte) b}, jdk).charAt(0);
            assertEquals(expected, Cp1252.decode(b), String.format("byte 0x%02X", b));
        }
        String decoded = Cp1252.decode(all);
        assertEquals(256, decoded.length(), "no byte is lost or replaced");
        for (int b : UNDEFINED) {
            assertEquals(b, decoded.charAt(b), String.format("undefined 0x%02X keeps its value", b));
        }
        assertEquals("caf\u00e9", Cp1252.decode(new byte[] {'c', 'a', 'f', (byte) 0xE9}), "the ISO-8859-1 fast path");
    }
}
