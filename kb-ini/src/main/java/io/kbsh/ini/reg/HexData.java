package io.kbsh.ini.reg;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The bytes behind {@code hex(N):} data and the typed values they stand for. Strings in hex data are
 * NUL-terminated in the format's data encoding (ANSI for REGEDIT4, UTF-16LE for Version 5); a
 * {@code REG_MULTI_SZ} ends with one more NUL. Bytes that do not fit the type's shape (an odd length for
 * UTF-16, no terminator) stay {@link RegValue.Binary} so that nothing is lost or guessed.
 */
final class HexData {

    private HexData() {}

    static RegValue typed(int type, byte[] bytes, RegFormat format) {
        int unit = format.dataEncoding().isUnicode() ? 2 : 1;
        switch (type) {
            case 1, 2 -> {
                if (bytes.length % unit == 0 && endsWithNul(bytes, bytes.length, unit)) {
                    String text = decode(bytes, 0, bytes.length - unit, format);
                    if (text.indexOf('\0') < 0) {
                        return type == 1 ? new RegValue.Sz(text) : new RegValue.ExpandSz(text);
                    }
                }
            }
            case 7 -> {
                Optional<List<String>> strings = multi(bytes, unit, format);
                if (strings.isPresent()) {
                    return new RegValue.MultiSz(strings.get());
                }
            }
            case 4 -> {
                if (bytes.length == 4) {
                    return new RegValue.Dword((bytes[0] & 0xFF)
                            | (bytes[1] & 0xFF) << 8
                            | (bytes[2] & 0xFF) << 16
                            | (bytes[3] & 0xFF) << 24);
                }
            }
            case 11 -> {
                if (bytes.length == 8) {
                    long v = 0;
                    for (int i = 7; i >= 0; i--) {
                        v = v << 8 | (bytes[i] & 0xFF);
                    }
                    return new RegValue.Qword(v);
                }
            }
            default -> {
                // kept as raw bytes below
            }
        }
        return new RegValue.Binary(type, bytes);
    }

    /** The data bytes of {@code value} as {@code hex(N):} (or {@code hex:}) would carry them. */
    static byte[] bytesOf(RegValue value, RegFormat format) {
        if (value instanceof RegValue.Sz sz) {
            return terminated(sz.text(), format);
        }
        if (value instanceof RegValue.ExpandSz expand) {
            return terminated(expand.text(), format);
        }
        if (value instanceof RegValue.MultiSz multi) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (String s : multi.strings()) {
                if (s.isEmpty() || s.indexOf('\0') >= 0) {
                    throw new IllegalArgumentException("a REG_MULTI_SZ string cannot be empty or hold NUL");
                }
                out.writeBytes(terminated(s, format));
            }
            out.writeBytes(terminated("", format));
            return out.toByteArray();
        }
        if (value instanceof RegValue.Dword dword) {
            int v = dword.value();
            return new byte[] {(byte) v, (byte) (v >>> 8), (byte) (v >>> 16), (byte) (v >>> 24)};
        }
        if (value instanceof RegValue.Qword qword) {
            byte[] out = new byte[8];
            long v = qword.value();
            for (int i = 0; i < 8; i++) {
                out[i] = (byte) (v >>> (8 * i));
            }
            return out;
        }
        return ((RegValue.Binary) value).bytes();
    }

    private static byte[] terminated(String text, RegFormat format) {
        if (text.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("a registry string cannot hold NUL");
        }
        try {
            return format.dataEncoding().encode(text + "\0");
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("'" + RegDocument.shorten(text) + "' cannot be written in a "
                    + format.header() + " file (ANSI): use " + RegFormat.REGEDIT5.header());
        }
    }

    /** The strings of a REG_MULTI_SZ as Regedit writes it; empty when the bytes are not one. */
    private static Optional<List<String>> multi(byte[] bytes, int unit, RegFormat format) {
        if (bytes.length % unit != 0 || bytes.length < unit || !endsWithNul(bytes, bytes.length, unit)) {
            return Optional.empty();
        }
        List<String> strings = new ArrayList<>();
        int start = 0;
        int end = bytes.length - unit; // the list's own terminator
        if (end == 0) {
            return Optional.of(strings);
        }
        for (int pos = 0; pos < end; pos += unit) {
            if (isNul(bytes, pos, unit)) {
                if (pos == start) {
                    return Optional.empty(); // an empty string inside the list: not what Regedit writes
                }
                strings.add(decode(bytes, start, pos, format));
                start = pos + unit;
            }
        }
        return start == end ? Optional.of(strings) : Optional.empty();
    }

    private static boolean endsWithNul(byte[] bytes, int end, int unit) {
        return end >= unit && isNul(bytes, end - unit, unit);
    }

    private static boolean isNul(byte[] bytes, int pos, int unit) {
        return bytes[pos] == 0 && (unit == 1 || bytes[pos + 1] == 0);
    }

    private static String decode(byte[] bytes, int from, int to, RegFormat format) {
        byte[] slice = new byte[to - from];
        System.arraycopy(bytes, from, slice, 0, slice.length);
        return format.dataEncoding().decode(slice);
    }
}
