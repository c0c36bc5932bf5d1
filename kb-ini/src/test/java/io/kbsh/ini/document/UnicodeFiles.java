package io.kbsh.ini.document;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Test data: text as the bytes of a Unicode INI file (UTF-16LE with its byte order mark). */
final class UnicodeFiles {

    private UnicodeFiles() {}

    static byte[] utf16(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xFF);
        out.write(0xFE);
        out.writeBytes(text.getBytes(StandardCharsets.UTF_16LE));
        return out.toByteArray();
    }
}
