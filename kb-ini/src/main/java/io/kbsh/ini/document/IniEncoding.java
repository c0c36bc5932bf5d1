package io.kbsh.ini.document;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How an INI file's bytes become text, decided as Windows decides it: a UTF-16LE byte order mark means
 * Unicode, anything else is the ANSI code page (Windows-1252 unless configured). A file keeps its
 * encoding when written back.
 *
 * <p>Single-byte code pages and UTF-16LE are decoded losslessly (every byte sequence maps to text and
 * back), so an edited line round-trips even when it holds bytes the code page leaves undefined.
 *
 * @since 2.0
 */
public final class IniEncoding {

    /** The ANSI code page of western Windows installations, the default. */
    public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private static final IniEncoding UTF16LE = new IniEncoding(StandardCharsets.UTF_16LE, true);
    private static final IniEncoding DEFAULT_ANSI = new IniEncoding(WINDOWS_1252, false);

    private final Charset charset;
    private final boolean unicode;
    /** The single-byte table of an ANSI code page that has one; null for UTF-16LE and multi-byte code pages. */
    private final @Nullable SingleByteTable table;

    private IniEncoding(Charset charset, boolean unicode) {
        this.charset = charset;
        this.unicode = unicode;
        this.table = unicode ? null : SingleByteTable.of(charset);
    }

    /** The ANSI code page {@code codePage}, e.g. {@link #WINDOWS_1252} or {@code windows-1251}. */
    public static IniEncoding ansi(Charset codePage) {
        Objects.requireNonNull(codePage, "codePage");
        return codePage.equals(WINDOWS_1252) ? DEFAULT_ANSI : new IniEncoding(codePage, false);
    }

    /** UTF-16 little endian with a byte order mark: what Windows calls a Unicode INI file. */
    public static IniEncoding utf16le() {
        return UTF16LE;
    }

    /** True for a UTF-16LE ("Unicode") file. */
    public boolean isUnicode() {
        return unicode;
    }

    public Charset charset() {
        return charset;
    }

    /** Bytes per code unit: 2 for UTF-16LE, 1 for ANSI code pages (line breaks are single units in both). */
    int unitSize() {
        return unicode ? 2 : 1;
    }

    /** The byte order mark a new file in this encoding starts with. */
    byte[] byteOrderMark() {
        return unicode ? new byte[] {(byte) 0xFF, (byte) 0xFE} : new byte[0];
    }

    /** True when {@link #decode} and {@link #encode} round-trip every byte sequence. */
    boolean lossless() {
        return unicode || table != null;
    }

    /** True when bytes below 0x80 are ASCII characters (every ANSI code page kb-ini meets; never UTF-16). */
    boolean asciiCompatible() {
        return !unicode
                && (table == null
                        ? charset.newEncoder().maxBytesPerChar() >= 1 && asciiRoundTrips()
                        : table.asciiCompatible);
    }

    private boolean asciiRoundTrips() {
        byte[] ascii = new byte[128];
        for (int b = 0; b < 128; b++) {
            ascii[b] = (byte) b;
        }
        String decoded = new String(ascii, charset);
        for (int b = 0; b < 128; b++) {
            if (decoded.length() != 128 || decoded.charAt(b) != b) {
                return false;
            }
        }
        return true;
    }

    /** Decodes bytes {@code [from, to)}; {@code ascii} says that no byte there is 0x80 or above. */
    String decode(byte[] bytes, int from, int to, boolean ascii) {
        if (unicode) {
            char[] chars = new char[(to - from) / 2];
            for (int i = 0; i < chars.length; i++) {
                chars[i] = (char) ((bytes[from + 2 * i] & 0xFF) | (bytes[from + 2 * i + 1] & 0xFF) << 8);
            }
            return new String(chars);
        }
        if (ascii && (table == null || table.asciiCompatible)) {
            return new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
        }
        if (table != null) {
            return table.decode(bytes, from, to);
        }
        return new String(bytes, from, to - from, charset);
    }

    /**
     * Encodes {@code text}, refusing rather than substituting a character the encoding cannot hold;
     * {@code what} names the text in the error ("value of [S] K").
     */
    byte[] encode(String text, String what) {
        if (unicode) {
            byte[] out = new byte[text.length() * 2];
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                out[2 * i] = (byte) c;
                out[2 * i + 1] = (byte) (c >>> 8);
            }
            return out;
        }
        if (table != null) {
            return table.encode(text, what, charset);
        }
        CharsetEncoder encoder = charset.newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            ByteBuffer buffer = encoder.encode(CharBuffer.wrap(text));
            byte[] out = new byte[buffer.remaining()];
            buffer.get(out);
            return out;
        } catch (CharacterCodingException e) {
            throw new IniEditException(what + " cannot be written in " + charset.name() + ": '" + text + "'");
        }
    }

    /**
     * Decodes {@code bytes} as this encoding does for INI lines: losslessly for UTF-16LE and single-byte
     * code pages (see the class comment), so {@link #encode(String)} gives the same bytes back. Other
     * formats that share Windows' code-page rules, such as registry exports, read their text with it.
     *
     * @since 2.1
     */
    public String decode(byte[] bytes) {
        return decode(bytes, 0, bytes.length, false);
    }

    /**
     * Encodes {@code text}, refusing with an {@link IniEditException} a character the encoding cannot hold
     * rather than substituting one.
     *
     * @since 2.1
     */
    public byte[] encode(String text) {
        return encode(text, "text");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IniEncoding other && other.charset.equals(charset) && other.unicode == unicode;
    }

    @Override
    public int hashCode() {
        return charset.hashCode() * 31 + Boolean.hashCode(unicode);
    }

    @Override
    public String toString() {
        return unicode ? "UTF-16LE (Unicode)" : "ANSI " + charset.name();
    }

    /**
     * A single-byte code page as a 256-entry table. Bytes the code page leaves undefined decode to the C1
     * control character of the same value (as Windows' own conversion does for 0x81, 0x8D, 0x8F, 0x90 and
     * 0x9D in Windows-1252), which keeps every byte recoverable.
     */
    private static final class SingleByteTable {
        private final char[] decode = new char[256];
        private final boolean asciiCompatible;
        /** The reverse table, made on first encode. */
        private volatile short @Nullable [] encode;

        private SingleByteTable(char[] decode) {
            System.arraycopy(decode, 0, this.decode, 0, 256);
            boolean ascii = true;
            for (int b = 0; b < 0x80; b++) {
                ascii &= decode[b] == b;
            }
            this.asciiCompatible = ascii;
        }

        static @Nullable SingleByteTable of(Charset charset) {
            if (charset.newEncoder().maxBytesPerChar() != 1.0f) {
                return null;
            }
            char[] decode = new char[256];
            boolean[] used = new boolean[65536];
            for (int b = 0; b < 256; b++) {
                String s = new String(new byte[] {(byte) b}, charset);
                if (s.length() == 1 && s.charAt(0) != '\uFFFD') {
                    decode[b] = s.charAt(0);
                    if (used[decode[b]]) {
                        return null;
                    }
                    used[decode[b]] = true;
                } else {
                    decode[b] = '\uFFFF';
                }
            }
            for (int b = 0; b < 256; b++) {
                if (decode[b] == '\uFFFF') {
                    if (used[b]) {
                        return null;
                    }
                    decode[b] = (char) b;
                    used[b] = true;
                }
            }
            return new SingleByteTable(decode);
        }

        String decode(byte[] bytes, int from, int to) {
            char[] chars = new char[to - from];
            for (int i = from; i < to; i++) {
                chars[i - from] = decode[bytes[i] & 0xFF];
            }
            return new String(chars);
        }

        byte[] encode(String text, String what, Charset charset) {
            short[] reverse = encode;
            if (reverse == null) {
                reverse = new short[65536];
                Arrays.fill(reverse, (short) -1);
                for (int b = 0; b < 256; b++) {
                    reverse[decode[b]] = (short) b;
                }
                encode = reverse;
            }
            byte[] out = new byte[text.length()];
            for (int i = 0; i < out.length; i++) {
                short b = reverse[text.charAt(i)];
                if (b < 0) {
                    throw new IniEditException(what + " cannot be written in " + charset.name() + ": character U+"
                            + String.format("%04X", (int) text.charAt(i)) + " in '" + text + "'");
                }
                out[i] = (byte) b;
            }
            return out;
        }
    }
}
