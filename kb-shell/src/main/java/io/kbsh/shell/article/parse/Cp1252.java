package io.kbsh.shell.article.parse;

/**
 * Windows-1252 decoding as Windows does it: the five bytes the code page leaves undefined (0x81, 0x8D,
 * 0x8F, 0x90, 0x9D) become the code points of the same value instead of U+FFFD, so decoding never fails
 * and never loses a byte.
 */
final class Cp1252 {

    private static final char[] HIGH = {
        '\u20AC', '\u0081', '\u201A', '\u0192', '\u201E', '\u2026', '\u2020', '\u2021',
        '\u02C6', '\u2030', '\u0160', '\u2039', '\u0152', '\u008D', '\u017D', '\u008F',
        '\u0090', '\u2018', '\u2019', '\u201C', '\u201D', '\u2022', '\u2013', '\u2014',
        '\u02DC', '\u2122', '\u0161', '\u203A', '\u0153', '\u009D', '\u017E', '\u0178',
    };

    private Cp1252() {}

    static char decode(int b) {
        int v = b & 0xFF;
        return v >= 0x80 && v < 0xA0 ? HIGH[v - 0x80] : (char) v;
    }

    static String decode(byte[] bytes, int offset, int length) {
        boolean latin1 = true;
        for (int i = offset; i < offset + length; i++) {
            int v = bytes[i] & 0xFF;
            if (v >= 0x80 && v < 0xA0) {
                latin1 = false;
                break;
            }
        }
        if (latin1) {
            // Outside 0x80-0x9F Windows-1252 is ISO-8859-1, which the JDK decodes with a plain copy.
            return new String(bytes, offset, length, java.nio.charset.StandardCharsets.ISO_8859_1);
        }
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = decode(bytes[offset + i]);
        }
        return new String(chars);
    }

    static String decode(byte[] bytes) {
        return decode(bytes, 0, bytes.length);
    }
}
