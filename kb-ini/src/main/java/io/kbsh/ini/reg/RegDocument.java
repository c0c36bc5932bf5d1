package io.kbsh.ini.reg;

import io.kbsh.ini.document.IniEncoding;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A registry export ({@code .reg} file) as a list of lines that writes back byte for byte: the header,
 * comments, blank lines, spacing, line endings, continuation lines of long hex values and lines Regedit
 * would skip all survive. Both formats are read: {@code REGEDIT4} (ANSI, Windows-1252) and {@code Windows
 * Registry Editor Version 5.00} (UTF-16LE with a byte order mark).
 *
 * <p>{@link #entries()} lists every key header and value assignment in file order with its typed value;
 * {@link #get}, {@link #values} and {@link #keys} answer what importing the file would leave, by Regedit's
 * rules: key paths and value names compare case-insensitively, a later assignment of a value replaces an
 * earlier one, {@code [-KEY]} deletes the key with its sub-keys and {@code "name"=-} deletes a value.
 * Lines Regedit would skip (a value before any key, garbage, a root key it does not know) are kept and
 * reported by {@link #warnings()}.
 *
 * <p>Documents are immutable and safe to share between threads.
 *
 * @since 2.1
 */
public final class RegDocument {

    /** The largest export {@link #read} accepts; real exports of one key are kilobytes. */
    public static final long MAX_BYTES = 32L << 20;

    /** The root keys Regedit imports into. */
    private static final List<String> ROOTS = List.of(
            "HKEY_LOCAL_MACHINE",
            "HKEY_CURRENT_USER",
            "HKEY_CLASSES_ROOT",
            "HKEY_USERS",
            "HKEY_CURRENT_CONFIG",
            "HKEY_DYN_DATA");

    private static final byte[] UTF16_BOM = {(byte) 0xFF, (byte) 0xFE};

    private final RegFormat format;
    private final IniEncoding encoding;
    private final byte[] bom;
    /** Each item's bytes, terminators included; together with {@link #bom} they are the whole file. */
    private final List<byte[]> pieces;

    private final List<RegEntry> entries;
    private final List<String> warnings;
    private final Map<String, KeyState> state;

    private RegDocument(
            RegFormat format,
            IniEncoding encoding,
            byte[] bom,
            List<byte[]> pieces,
            List<RegEntry> entries,
            List<String> warnings,
            Map<String, KeyState> state) {
        this.format = format;
        this.encoding = encoding;
        this.bom = bom;
        this.pieces = pieces;
        this.entries = List.copyOf(entries);
        this.warnings = List.copyOf(warnings);
        this.state = state;
    }

    /**
     * Reads an export from disk. The file must be a regular file of at most {@link #MAX_BYTES} bytes (a
     * FIFO or device is refused at once rather than read).
     */
    public static RegDocument read(Path file) throws IOException {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(file)) {
            throw new IOException(file + ": not a regular file");
        }
        long size = Files.size(file);
        if (size > MAX_BYTES) {
            throw new IOException(
                    file + ": " + size + " bytes, more than the " + MAX_BYTES + " a registry export may have");
        }
        try {
            return parse(Files.readAllBytes(file));
        } catch (RegParseException e) {
            throw new RegParseException(
                    file + ": " + String.valueOf(e.getMessage()).replaceFirst("^line \\d+: ", ""), e.line());
        }
    }

    /** Parses the bytes of an export. */
    public static RegDocument parse(byte[] bytes) throws RegParseException {
        return new Parser(bytes).parse();
    }

    /** The format the header names. */
    public RegFormat format() {
        return format;
    }

    /** How the file's text is encoded: UTF-16LE when it starts with a byte order mark, otherwise ANSI. */
    public IniEncoding encoding() {
        return encoding;
    }

    /** Every key header and value assignment, in file order. */
    public List<RegEntry> entries() {
        return entries;
    }

    /** Lines Regedit would skip or refuse, each starting with {@code line N:}. */
    public List<String> warnings() {
        return warnings;
    }

    /** The file's bytes: exactly what was parsed. */
    public byte[] toBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(bom);
        for (byte[] piece : pieces) {
            out.writeBytes(piece);
        }
        return out.toByteArray();
    }

    /** The keys an import creates or touches and does not delete again, as first written, in file order. */
    public List<String> keys() {
        List<String> keys = new ArrayList<>();
        for (KeyState key : state.values()) {
            keys.add(key.path);
        }
        return Collections.unmodifiableList(keys);
    }

    /**
     * The value an import leaves under {@code keyPath} named {@code name} ({@code ""} for the default
     * value); empty when the file does not set it or deletes it.
     */
    public Optional<RegValue> get(String keyPath, String name) {
        KeyState key = state.get(fold(keyPath));
        if (key == null) {
            return Optional.empty();
        }
        NamedValue value = key.values.get(fold(name));
        return value == null ? Optional.empty() : Optional.of(value.value);
    }

    /** The values an import leaves under {@code keyPath}, by name as last written, in file order. */
    public Map<String, RegValue> values(String keyPath) {
        KeyState key = state.get(fold(keyPath));
        Map<String, RegValue> values = new LinkedHashMap<>();
        if (key != null) {
            for (NamedValue value : key.values.values()) {
                values.put(value.name, value.value);
            }
        }
        return Collections.unmodifiableMap(values);
    }

    /** Registry names compare as Windows compares them: case-insensitively. */
    static String fold(String name) {
        return name.toUpperCase(Locale.ROOT);
    }

    static boolean knownRoot(String keyPath) {
        int slash = keyPath.indexOf('\\');
        String root = fold(slash < 0 ? keyPath : keyPath.substring(0, slash));
        return ROOTS.contains(root);
    }

    private record NamedValue(String name, RegValue value) {}

    private static final class KeyState {
        final String path;
        final Map<String, NamedValue> values = new LinkedHashMap<>();

        KeyState(String path) {
            this.path = path;
        }
    }

    /** One pass over the physical lines: joins continuations, classifies, and replays the import. */
    private static final class Parser {
        private final byte[] bytes;
        private final List<byte[]> pieces = new ArrayList<>();
        private final List<RegEntry> entries = new ArrayList<>();
        private final List<String> warnings = new ArrayList<>();
        private final Map<String, KeyState> state = new LinkedHashMap<>();
        /** Settled by the byte order mark and the header before any other line is parsed. */
        private IniEncoding encoding = IniEncoding.ansi(IniEncoding.WINDOWS_1252);

        private RegFormat format = RegFormat.REGEDIT4;
        private int unit;
        /** The key value lines apply to; empty before the first header, after a deletion or a bad root. */
        private Optional<String> currentKey = Optional.empty();

        Parser(byte[] bytes) {
            this.bytes = bytes;
        }

        RegDocument parse() throws RegParseException {
            int start;
            byte[] bom;
            if (bytes.length >= 2 && bytes[0] == UTF16_BOM[0] && bytes[1] == UTF16_BOM[1]) {
                encoding = IniEncoding.utf16le();
                unit = 2;
                start = 2;
                bom = UTF16_BOM.clone();
                if (bytes.length % 2 != 0) {
                    throw new RegParseException("a UTF-16LE export with an odd number of bytes (cut short?)", 1);
                }
            } else if (bytes.length >= 3
                    && (bytes[0] & 0xFF) == 0xEF
                    && (bytes[1] & 0xFF) == 0xBB
                    && (bytes[2] & 0xFF) == 0xBF) {
                throw new RegParseException(
                        "UTF-8 with a byte order mark: Regedit exports are ANSI (REGEDIT4) or"
                                + " UTF-16LE (Version 5.00)",
                        1);
            } else {
                encoding = IniEncoding.ansi(IniEncoding.WINDOWS_1252);
                unit = 1;
                start = 0;
                bom = new byte[0];
            }
            List<int[]> lines = split(start);
            if (lines.isEmpty()) {
                throw new RegParseException(
                        "empty file: a registry export starts with REGEDIT4 or " + RegFormat.REGEDIT5.header(), 1);
            }
            String header = text(lines.get(0)).strip();
            Optional<RegFormat> named = Arrays.stream(RegFormat.values())
                    .filter(f -> f.header().equals(header))
                    .findFirst();
            if (named.isPresent()) {
                format = named.get();
            } else {
                throw new RegParseException(
                        "not a registry export: the first line is '" + shorten(header) + "', expected REGEDIT4 or "
                                + RegFormat.REGEDIT5.header(),
                        1);
            }
            pieces.add(raw(lines.get(0), lines.get(0)));
            int i = 1;
            while (i < lines.size()) {
                int first = i;
                String text = text(lines.get(i));
                String trimmed = text.strip();
                StringBuilder logical = new StringBuilder(text);
                // A hex value continues while its line ends with a backslash (Regedit wraps at 80 columns).
                if (isHexAssignment(trimmed)) {
                    while (endsWithBackslash(logical) && i + 1 < lines.size()) {
                        logical.setLength(logical.toString().stripTrailing().length() - 1);
                        i++;
                        logical.append(text(lines.get(i)).strip());
                    }
                }
                pieces.add(raw(lines.get(first), lines.get(i)));
                classify(first + 1, logical.toString().strip());
                i++;
            }
            return new RegDocument(format, encoding, bom, List.copyOf(pieces), entries, warnings, state);
        }

        private void classify(int line, String text) {
            if (text.isEmpty() || text.startsWith(";")) {
                return;
            }
            if (text.startsWith("[")) {
                key(line, text);
            } else if (text.startsWith("\"") || text.startsWith("@")) {
                assignment(line, text);
            } else {
                warn(line, "Regedit skips this line: '" + shorten(text) + "'");
            }
        }

        private void key(int line, String text) {
            if (!text.endsWith("]")) {
                warn(line, "a key header without its closing ']': '" + shorten(text) + "'");
                currentKey = Optional.empty();
                return;
            }
            boolean delete = text.startsWith("[-");
            String path = text.substring(delete ? 2 : 1, text.length() - 1);
            if (path.isEmpty() || !knownRoot(path)) {
                warn(
                        line,
                        "'" + shorten(path) + "' is not under a root key Regedit knows (" + String.join(", ", ROOTS)
                                + "); its values are skipped");
                currentKey = Optional.empty();
                return;
            }
            entries.add(new RegEntry(line, path, Optional.empty(), Optional.empty(), delete));
            String folded = fold(path);
            if (delete) {
                state.keySet().removeIf(k -> k.equals(folded) || k.startsWith(folded + "\\"));
                currentKey = Optional.empty();
            } else {
                state.computeIfAbsent(folded, k -> new KeyState(path));
                currentKey = Optional.of(path);
            }
        }

        private void assignment(int line, String text) {
            int at;
            String name;
            if (text.startsWith("@")) {
                name = "";
                at = 1;
            } else {
                int close = closingQuote(text, 1);
                if (close < 0) {
                    warn(line, "a value name without its closing quote: '" + shorten(text) + "'");
                    return;
                }
                name = unescape(text.substring(1, close));
                at = close + 1;
            }
            String rest = text.substring(at).stripLeading();
            if (!rest.startsWith("=")) {
                warn(line, "a value name without '=': '" + shorten(text) + "'");
                return;
            }
            String data = rest.substring(1).strip();
            Optional<RegValue> value;
            if (data.equals("-")) {
                value = Optional.empty();
            } else {
                try {
                    value = Optional.of(value(data));
                } catch (IllegalArgumentException e) {
                    warn(line, "value '" + (name.isEmpty() ? "@" : name) + "': " + e.getMessage());
                    return;
                }
            }
            if (currentKey.isEmpty()) {
                warn(
                        line,
                        "a value outside any key (before the first key, or under a deleted or unknown one);"
                                + " Regedit skips it");
                return;
            }
            String path = currentKey.get();
            entries.add(new RegEntry(line, path, Optional.of(name), value, value.isEmpty()));
            KeyState key = state.computeIfAbsent(fold(path), k -> new KeyState(path));
            if (value.isPresent()) {
                key.values.remove(fold(name));
                key.values.put(fold(name), new NamedValue(name, value.get()));
            } else {
                key.values.remove(fold(name));
            }
        }

        private RegValue value(String data) {
            if (data.startsWith("\"")) {
                int close = closingQuote(data, 1);
                if (close < 0 || !data.substring(close + 1).isBlank()) {
                    throw new IllegalArgumentException(
                            "a string that does not end with its closing quote: '" + shorten(data) + "'");
                }
                return new RegValue.Sz(unescape(data.substring(1, close)));
            }
            String lower = data.toLowerCase(Locale.ROOT);
            if (lower.startsWith("dword:")) {
                String digits = data.substring(6).strip();
                if (!digits.matches("[0-9A-Fa-f]{1,8}")) {
                    throw new IllegalArgumentException(
                            "a dword needs 1 to 8 hex digits, not '" + shorten(digits) + "'");
                }
                return new RegValue.Dword(Integer.parseUnsignedInt(digits, 16));
            }
            if (lower.startsWith("hex:")) {
                return RegValue.Binary.of(hexBytes(data.substring(4)));
            }
            if (lower.startsWith("hex(")) {
                int close = data.indexOf("):");
                if (close < 0 || !data.substring(4, close).matches("[0-9A-Fa-f]{1,8}")) {
                    throw new IllegalArgumentException("hex(TYPE): needs a hex type number: '" + shorten(data) + "'");
                }
                int type = Integer.parseUnsignedInt(data.substring(4, close), 16);
                return HexData.typed(type, hexBytes(data.substring(close + 2)), format);
            }
            throw new IllegalArgumentException("data Regedit does not know: '" + shorten(data) + "'");
        }

        private static byte[] hexBytes(String list) {
            String s = list.strip();
            if (s.isEmpty()) {
                return new byte[0];
            }
            if (s.endsWith(",")) {
                s = s.substring(0, s.length() - 1);
            }
            String[] tokens = s.split(",", -1);
            byte[] out = new byte[tokens.length];
            for (int i = 0; i < tokens.length; i++) {
                String t = tokens[i].strip();
                if (!t.matches("[0-9A-Fa-f]{1,2}")) {
                    throw new IllegalArgumentException("'" + shorten(t) + "' is not a hex byte");
                }
                out[i] = (byte) Integer.parseInt(t, 16);
            }
            return out;
        }

        private static boolean isHexAssignment(String trimmed) {
            if (!(trimmed.startsWith("\"") || trimmed.startsWith("@"))) {
                return false;
            }
            int at = trimmed.startsWith("@") ? 1 : closingQuote(trimmed, 1) + 1;
            if (at <= 0) {
                return false;
            }
            String rest = trimmed.substring(at).stripLeading();
            return rest.startsWith("=")
                    && rest.substring(1).stripLeading().toLowerCase(Locale.ROOT).startsWith("hex");
        }

        private static boolean endsWithBackslash(CharSequence text) {
            String s = text.toString().stripTrailing();
            return s.endsWith("\\");
        }

        /** The index of the quote that closes a string opened before {@code from}, honouring backslash escapes. */
        private static int closingQuote(String text, int from) {
            for (int i = from; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\\' && i + 1 < text.length()) {
                    i++;
                } else if (c == '"') {
                    return i;
                }
            }
            return -1;
        }

        /** Regedit's two escapes, {@code \\} and {@code \"}; any other backslash is an ordinary character. */
        static String unescape(String text) {
            StringBuilder out = new StringBuilder(text.length());
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\\' && i + 1 < text.length() && (text.charAt(i + 1) == '\\' || text.charAt(i + 1) == '"')) {
                    out.append(text.charAt(++i));
                } else {
                    out.append(c);
                }
            }
            return out.toString();
        }

        /** Physical lines as {start, contentEnd, end} byte offsets; CRLF, LF and CR all end a line. */
        private List<int[]> split(int start) {
            List<int[]> lines = new ArrayList<>();
            int pos = start;
            int lineStart = start;
            while (pos + unit <= bytes.length) {
                int c = unitAt(pos);
                if (c == '\r' || c == '\n') {
                    int contentEnd = pos;
                    pos += unit;
                    if (c == '\r' && pos + unit <= bytes.length && unitAt(pos) == '\n') {
                        pos += unit;
                    }
                    lines.add(new int[] {lineStart, contentEnd, pos});
                    lineStart = pos;
                } else {
                    pos += unit;
                }
            }
            if (lineStart < bytes.length) {
                lines.add(new int[] {lineStart, bytes.length, bytes.length});
            }
            return lines;
        }

        private int unitAt(int pos) {
            return unit == 1 ? bytes[pos] & 0xFF : (bytes[pos] & 0xFF) | (bytes[pos + 1] & 0xFF) << 8;
        }

        private String text(int[] line) {
            byte[] content = new byte[line[1] - line[0]];
            System.arraycopy(bytes, line[0], content, 0, content.length);
            return encoding.decode(content);
        }

        private byte[] raw(int[] first, int[] last) {
            byte[] piece = new byte[last[2] - first[0]];
            System.arraycopy(bytes, first[0], piece, 0, piece.length);
            return piece;
        }

        private void warn(int line, String message) {
            warnings.add("line " + line + ": " + message);
        }
    }

    static String shorten(String text) {
        String oneLine = text.replaceAll("\\p{Cntrl}", "?");
        return oneLine.length() <= 60 ? oneLine : oneLine.substring(0, 57) + "...";
    }
}
