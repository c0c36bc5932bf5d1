package io.kbsh.ini.reg;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * A typed registry value as a {@code .reg} file gives it. Strings are Java strings (an expandable string
 * keeps its {@code %VARIABLES%} unexpanded); numbers are the 32 or 64 bits stored; anything else keeps its
 * registry type number and raw bytes.
 *
 * @since 2.1
 */
public sealed interface RegValue {

    /** The registry type number ({@code REG_SZ} is 1, {@code REG_DWORD} 4, …). */
    int type();

    /** The value as one line of text for people: strings as they are, numbers in decimal and hex. */
    String display();

    /** {@code REG_SZ}: written {@code "text"} (or {@code hex(1):} when it holds a line break or NUL). */
    record Sz(String text) implements RegValue {
        public Sz {
            Objects.requireNonNull(text, "text");
        }

        @Override
        public int type() {
            return 1;
        }

        @Override
        public String display() {
            return text;
        }
    }

    /** {@code REG_EXPAND_SZ}: written {@code hex(2):}, the string and its terminating NUL. */
    record ExpandSz(String text) implements RegValue {
        public ExpandSz {
            Objects.requireNonNull(text, "text");
        }

        @Override
        public int type() {
            return 2;
        }

        @Override
        public String display() {
            return text;
        }
    }

    /** {@code REG_MULTI_SZ}: written {@code hex(7):}, each string NUL-terminated and one more NUL. */
    record MultiSz(List<String> strings) implements RegValue {
        public MultiSz {
            strings = List.copyOf(strings);
        }

        @Override
        public int type() {
            return 7;
        }

        @Override
        public String display() {
            return String.join(" | ", strings);
        }
    }

    /** {@code REG_DWORD}: written {@code dword:0000001a}; {@code value} holds the 32 bits (unsigned view: {@link #unsigned}). */
    record Dword(int value) implements RegValue {
        @Override
        public int type() {
            return 4;
        }

        /** The value as Regedit shows it, 0 to 4294967295. */
        public long unsigned() {
            return Integer.toUnsignedLong(value);
        }

        @Override
        public String display() {
            return unsigned() + " (0x" + Integer.toHexString(value) + ")";
        }
    }

    /** {@code REG_QWORD}: written {@code hex(b):}, eight bytes little endian. */
    record Qword(long value) implements RegValue {
        @Override
        public int type() {
            return 11;
        }

        @Override
        public String display() {
            return Long.toUnsignedString(value) + " (0x" + Long.toHexString(value) + ")";
        }
    }

    /**
     * Raw bytes: {@code REG_BINARY} (type 3, written {@code hex:}) or any type kbsh does not interpret
     * (written {@code hex(N):}, e.g. {@code REG_NONE} 0 or {@code REG_DWORD_BIG_ENDIAN} 5).
     */
    // The array is copied in and out, and equals/hashCode compare its contents: what the check warns about cannot
    // happen.
    @SuppressWarnings("ArrayRecordComponent")
    record Binary(int type, byte[] bytes) implements RegValue {
        public Binary {
            if (type < 0) {
                throw new IllegalArgumentException("registry type " + type);
            }
            bytes = bytes.clone();
        }

        /** {@code REG_BINARY} bytes. */
        public static Binary of(byte... bytes) {
            return new Binary(3, bytes);
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        @Override
        public String display() {
            return HexFormat.ofDelimiter(",").formatHex(bytes);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Binary other && other.type == type && Arrays.equals(other.bytes, bytes);
        }

        @Override
        public int hashCode() {
            return type * 31 + Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "Binary[type=" + type + ", bytes=" + display() + "]";
        }
    }
}
