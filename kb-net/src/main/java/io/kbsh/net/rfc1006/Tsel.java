package io.kbsh.net.rfc1006;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A transport selector as typed: {@code 0x…} or {@code hex:…} for hex bytes, anything else as text.
 *
 * @since 2.0
 */
public final class Tsel {

    private static final int MAX_LENGTH = 32;

    private Tsel() {}

    /** The selector's bytes; an {@link IllegalArgumentException} says what is wrong with {@code spec}. */
    public static byte[] parse(String spec) {
        String lower = spec.toLowerCase(Locale.ROOT);
        byte[] bytes;
        if (lower.startsWith("0x") || lower.startsWith("hex:")) {
            String hex = spec.substring(lower.startsWith("0x") ? 2 : 4).replace(" ", "");
            if (hex.isEmpty() || hex.length() % 2 != 0 || !hex.matches("[0-9a-fA-F]+")) {
                throw new IllegalArgumentException(
                        "transport selector '" + spec + "' is not an even number of hex digits");
            }
            bytes = HexFormat.of().parseHex(hex);
        } else {
            if (spec.isEmpty() || !spec.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
                throw new IllegalArgumentException(
                        "transport selector '" + spec + "' must be printable ASCII or 0x… hex");
            }
            bytes = spec.getBytes(StandardCharsets.US_ASCII);
        }
        if (bytes.length > MAX_LENGTH) {
            throw new IllegalArgumentException(
                    "transport selector '" + spec + "' is longer than " + MAX_LENGTH + " bytes");
        }
        return bytes;
    }

    /** How a selector's bytes read: text when printable, else hex. */
    public static String show(byte[] bytes) {
        boolean printable = bytes.length > 0;
        for (byte b : bytes) {
            printable &= b >= 0x20 && b < 0x7f;
        }
        return printable
                ? "'" + new String(bytes, StandardCharsets.US_ASCII) + "'"
                : "0x" + HexFormat.of().formatHex(bytes);
    }
}
