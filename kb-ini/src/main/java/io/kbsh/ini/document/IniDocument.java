package io.kbsh.ini.document;

import io.kbsh.model.internal.DataFiles;
import io.kbsh.model.internal.Limits;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An INI file as a list of lines that writes back byte for byte: comments, blank lines, spacing, case,
 * order, duplicates, stray lines, bytes before the first section, the final newline or its absence, and
 * each line's own ending (CRLF, LF or CR) all survive. Untouched lines are written from the bytes read,
 * so even bytes the code page cannot decode survive.
 *
 * <p>Reads follow {@code GetPrivateProfileString} and friends (see {@link #get}); edits ({@link #set},
 * {@link #remove}, {@link #removeSection}) return a new document and change only the lines they must.
 * Documents are immutable and safe to share between threads.
 *
 * @since 2.0
 */
public final class IniDocument {

    private static final Line.Kind SECTION = Line.Kind.SECTION;
    private static final Line.Kind KEY = Line.Kind.KEY;

    private final IniEncoding encoding;
    /** The bytes parsed (shared by every document derived by edits). */
    private final byte[] source;
    /** Where the first line starts in {@link #source} (after a byte order mark). */
    private final int contentStart;
    /** Byte offset of each source line; one extra entry holds {@code source.length}. */
    private final int[] sourceStarts;

    private final Lines lines;
    private final List<String> warnings;

    private IniDocument(
            IniEncoding encoding,
            byte[] source,
            int contentStart,
            int[] sourceStarts,
            Lines lines,
            List<String> warnings) {
        this.encoding = encoding;
        this.source = source;
        this.contentStart = contentStart;
        this.sourceStarts = sourceStarts;
        this.lines = lines;
        this.warnings = warnings;
    }

    /** An empty document, as for a file about to be created: Windows-1252, CRLF line endings. */
    public static IniDocument empty() {
        return empty(IniEncoding.ansi(IniEncoding.WINDOWS_1252));
    }

    /** An empty document in {@code encoding} (a Unicode one starts with a byte order mark). */
    public static IniDocument empty(IniEncoding encoding) {
        byte[] bom = encoding.byteOrderMark();
        return new IniDocument(encoding, bom, bom.length, new int[] {bom.length}, Lines.EMPTY, List.of());
    }

    /** Reads {@code file} with the Windows-1252 ANSI code page. */
    public static IniDocument read(Path file) throws IOException {
        return read(file, IniEncoding.WINDOWS_1252);
    }

    /**
     * Reads {@code file}; files without a UTF-16LE byte order mark are decoded with {@code ansiCodePage}.
     * The file must be a regular file (a FIFO or device is refused, never waited on) of at most 32 MiB
     * ({@code Limits.INI_BYTES}); a missing file is a {@link java.nio.file.NoSuchFileException}.
     */
    public static IniDocument read(Path file, Charset ansiCodePage) throws IOException {
        byte[] bytes = DataFiles.read(file, Limits.INI_BYTES, "an INI file");
        try {
            return parse(bytes, ansiCodePage);
        } catch (IniParseException e) {
            throw new IniParseException(
                    file + ": " + String.valueOf(e.getMessage()).replaceFirst(" \\(at byte \\d+\\)$", ""), e.offset());
        }
    }

    /** Parses bytes with the Windows-1252 ANSI code page. */
    public static IniDocument parse(byte[] bytes) throws IniParseException {
        return parse(bytes, IniEncoding.WINDOWS_1252);
    }

    /**
     * Parses bytes as Windows would: a UTF-16LE byte order mark means Unicode, anything else is text in
     * {@code ansiCodePage}. A UTF-8 byte order mark is not recognised (it spoils a header on line 1) and
     * produces a {@link #warnings() warning}. The only bytes refused are a Unicode file with an odd
     * number of bytes.
     */
    public static IniDocument parse(byte[] bytes, Charset ansiCodePage) throws IniParseException {
        Objects.requireNonNull(bytes, "bytes");
        int n = bytes.length;
        if (n >= 2 && bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE) {
            if ((n & 1) != 0) {
                throw new IniParseException("Unicode (UTF-16LE) file has an odd number of bytes", n - 1);
            }
            return new Splitter(bytes, IniEncoding.utf16le(), 2).splitUnicode(List.of());
        }
        List<String> warnings = List.of();
        if (n >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF) {
            warnings = List.of("file starts with a UTF-8 byte order mark, which Windows does not recognise: "
                    + "it reads the BOM as three ANSI characters at the start of line 1");
        }
        return new Splitter(bytes, IniEncoding.ansi(ansiCodePage), 0).splitAnsi(warnings);
    }

    /** Cuts source bytes into lines; one pass, no copying of unchanged bytes. */
    private static final class Splitter {
        private final byte[] bytes;
        private final IniEncoding encoding;
        private final int contentStart;
        private int[] starts;
        private final Lines.Builder lines = new Lines.Builder();
        private int count;
        /** The source as ASCII lines, when the encoding keeps ASCII as it is. */
        private final Line.@Nullable AsciiView view;

        Splitter(byte[] bytes, IniEncoding encoding, int contentStart) {
            this.bytes = bytes;
            // Sized from a count of line feeds so that big files need no regrowing (CR-only files regrow).
            int feeds = 0;
            for (byte b : bytes) {
                feeds += b == '\n' ? 1 : 0;
            }
            this.starts = new int[feeds + 2];
            this.view = encoding.asciiCompatible() ? new Line.AsciiView(bytes) : null;
            this.encoding = encoding;
            this.contentStart = contentStart;
        }

        IniDocument splitAnsi(List<String> warnings) {
            byte[] b = bytes;
            int n = b.length;
            int i = contentStart;
            int lineStart = i;
            boolean ascii = true;
            while (i < n) {
                byte c = b[i];
                if (c == '\n' || c == '\r') {
                    int contentEnd = i;
                    LineEnding ending;
                    if (c == '\r' && i + 1 < n && b[i + 1] == '\n') {
                        ending = LineEnding.CRLF;
                        i += 2;
                    } else {
                        ending = c == '\r' ? LineEnding.CR : LineEnding.LF;
                        i++;
                    }
                    add(lineStart, contentEnd, ending, ascii);
                    lineStart = i;
                    ascii = true;
                } else {
                    ascii &= c >= 0;
                    i++;
                }
            }
            if (lineStart < n) {
                add(lineStart, n, LineEnding.NONE, ascii);
            }
            return finish(warnings);
        }

        IniDocument splitUnicode(List<String> warnings) {
            byte[] b = bytes;
            int n = b.length;
            int i = contentStart;
            int lineStart = i;
            while (i < n) {
                int unit = (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8;
                if (unit == '\n' || unit == '\r') {
                    int contentEnd = i;
                    LineEnding ending;
                    if (unit == '\r' && i + 3 < n && b[i + 2] == '\n' && b[i + 3] == 0) {
                        ending = LineEnding.CRLF;
                        i += 4;
                    } else {
                        ending = unit == '\r' ? LineEnding.CR : LineEnding.LF;
                        i += 2;
                    }
                    add(lineStart, contentEnd, ending, false);
                    lineStart = i;
                } else {
                    i += 2;
                }
            }
            if (lineStart < n) {
                add(lineStart, n, LineEnding.NONE, false);
            }
            return finish(warnings);
        }

        private void add(int start, int contentEnd, LineEnding ending, boolean ascii) {
            if (count + 1 >= starts.length) {
                starts = Arrays.copyOf(starts, count * 2 + 16);
            }
            starts[count] = start;
            CharSequence text = ascii && view != null
                    ? view.at(start, contentEnd)
                    : encoding.decode(bytes, start, contentEnd, ascii);
            lines.add(Line.of(text, ending, count, true));
            count++;
        }

        private IniDocument finish(List<String> warnings) {
            int[] finalStarts = starts.length == count + 1 ? starts : Arrays.copyOf(starts, count + 1);
            finalStarts[count] = bytes.length;
            return new IniDocument(encoding, bytes, contentStart, finalStarts, lines.build(), warnings);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Reading like Windows

    /** The file's encoding, kept on write. */
    public IniEncoding encoding() {
        return encoding;
    }

    /** Things about the file a careful admin should know (such as a UTF-8 byte order mark). */
    public List<String> warnings() {
        return warnings;
    }

    /** The number of lines (a final line without a newline counts; a file ending in a newline has no empty last line). */
    public int lineCount() {
        return lines.size();
    }

    /** The text of line {@code index} (0-based), without its ending. */
    public String lineText(int index) {
        return lines.get(index).text();
    }

    public LineEnding lineEnding(int index) {
        return lines.get(index).ending;
    }

    /**
     * The value of {@code key} in {@code section}, as {@code GetPrivateProfileString} returns it. Names
     * match without case, after trimming spaces (only spaces) from the names given. Only the first
     * section of a name is consulted, and in it the first key of a name. The value is trimmed of spaces,
     * tabs and vertical tabs and loses one matching outer pair of {@code "} or {@code '}; everything
     * else, {@code ;} and {@code #} included, is part of it. Keys above the first section belong to no
     * section and are never found.
     */
    public Optional<String> get(String section, String key) {
        int index = findKey(section, key);
        return index < 0 ? Optional.empty() : Optional.of(lines.get(index).value());
    }

    /** {@link #get(String, String)} with a default that, as in Windows, loses its trailing spaces. */
    public String get(String section, String key, String defaultValue) {
        return get(section, key).orElseGet(() -> stripTrailingSpaces(defaultValue));
    }

    /**
     * The value as {@code GetPrivateProfileInt} reads it: {@code defaultValue} when the key is missing or
     * empty; otherwise (after any white space inside quotes) an optional sign and the leading decimal
     * digits (none gives 0), wrapped to 32 bits ({@code 4294967297} reads as 1). The result is the signed view of Windows' {@code UINT}.
     */
    public int getInt(String section, String key, int defaultValue) {
        Optional<String> value = get(section, key);
        if (value.isEmpty() || value.get().isEmpty()) {
            return defaultValue;
        }
        String text = value.get();
        int i = 0;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        boolean negative = false;
        if (i < text.length() && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
            negative = text.charAt(i) == '-';
            i++;
        }
        int result = 0;
        for (; i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9'; i++) {
            result = result * 10 + (text.charAt(i) - '0');
        }
        return negative ? -result : result;
    }

    /** Every section name in file order, duplicates included, as {@code GetPrivateProfileSectionNames}. */
    public List<String> sectionNames() {
        List<String> names = new ArrayList<>();
        for (Line line : lines) {
            if (line.kind == SECTION) {
                names.add(line.name());
            }
        }
        return names;
    }

    public boolean hasSection(String section) {
        return findSection(callerName(section)) >= 0;
    }

    /** The key names of the first section called {@code section} (lines without {@code =} are not keys). */
    public List<String> keys(String section) {
        List<String> keys = new ArrayList<>();
        int header = findSection(callerName(section));
        if (header >= 0) {
            for (int i = header + 1, end = sectionEnd(header); i < end; i++) {
                if (lines.get(i).kind == KEY) {
                    keys.add(lines.get(i).name());
                }
            }
        }
        return keys;
    }

    /**
     * The lines of the first section called {@code section} as {@code GetPrivateProfileSection} returns
     * them: {@code key=value} for keys (value as written, quotes kept), the trimmed text of lines without
     * {@code =}; comments and blank lines left out. Empty when there is no such section.
     */
    public Optional<List<String>> section(String section) {
        int header = findSection(callerName(section));
        if (header < 0) {
            return Optional.empty();
        }
        List<String> entries = new ArrayList<>();
        for (int i = header + 1, end = sectionEnd(header); i < end; i++) {
            Line line = lines.get(i);
            if (line.kind == KEY) {
                entries.add(line.name() + "=" + line.rawValue());
            } else if (line.kind == Line.Kind.OTHER) {
                entries.add(line.name());
            }
        }
        return Optional.of(entries);
    }

    /** Every section header with its keys, for listings; later copies are marked as not consulted. */
    public List<IniSection> sections() {
        List<IniSection> result = new ArrayList<>();
        Set<String> seenSections = new HashSet<>();
        for (int header = lines.indexOf(0, l -> l.kind == SECTION);
                header >= 0;
                header = lines.indexOf(header + 1, l -> l.kind == SECTION)) {
            String name = lines.get(header).name();
            boolean consulted = seenSections.add(name.toLowerCase(Locale.ROOT));
            Set<String> seenKeys = new HashSet<>();
            List<IniEntry> entries = new ArrayList<>();
            int end = sectionEnd(header);
            for (int i = header + 1; i < end; i++) {
                Line line = lines.get(i);
                if (line.kind == KEY) {
                    boolean first = seenKeys.add(line.name().toLowerCase(Locale.ROOT));
                    entries.add(new IniEntry(line.name(), line.value(), i + 1, consulted && first));
                }
            }
            result.add(new IniSection(name, header + 1, consulted, entries));
        }
        return result;
    }

    // ---------------------------------------------------------------------------------------------
    // Editing

    /**
     * Sets {@code key} in {@code section} to {@code value}. An existing key keeps its spelling, its
     * spacing and its quotes; only the value changes. A missing key goes after the last key line of its
     * section; a missing section goes at the end of the file. New lines use the file's dominant line
     * ending (CRLF for a new file). A value that Windows would read differently as written (outer
     * blanks, outer quotes) is written in quotes so that it reads back exactly; {@link #setExactly}
     * writes a value as given instead.
     *
     * <p>As {@code WritePrivateProfileString} does, a key changed on a last line that had no line end gets
     * one (the file's dominant ending): {@code [S]\r\nK=old} set to {@code new} is {@code [S]\r\nK=new\r\n}.
     * A Unicode file that holds only its byte order mark gets a blank line before its first section, as
     * Windows writes it: {@code FF FE} then {@code \r\n[S]\r\nK=V\r\n} in UTF-16LE.
     *
     * <p>A difference from Windows, by design: Windows cuts a value written longer than its 64 K buffer
     * (and wraps the rest onto the next read); kbsh writes the whole value.
     *
     * @throws IniEditException when the edit would corrupt the file or inject other keys
     */
    public IniDocument set(String section, String key, String value) {
        return set(section, key, value, false);
    }

    /**
     * Sets {@code key} in {@code section} to {@code value} written exactly as given, as code ported from
     * Windows expects when it quotes values itself: no quotes are added (outer blanks and quotes are then
     * read as Windows reads them) and an existing key's quotes are replaced with the value. Otherwise as
     * {@link #set}: the key keeps its spelling and spacing, a missing key or section is added, a last line
     * is ended.
     *
     * @throws IniEditException when the value holds a line break or the edit would corrupt the file
     * @since 2.1
     */
    public IniDocument setExactly(String section, String key, String value) {
        return set(section, key, value, true);
    }

    private IniDocument set(String section, String key, String value, boolean exactly) {
        String s = checkSection(section);
        String k = checkKey(key);
        checkValue(value, "value of [" + s + "] " + k);
        int header = findSection(s);
        if (header < 0) {
            String written = exactly ? value : quoted(value, '"');
            LineEnding nl = dominantEnding();
            Lines out = lines;
            if (out.size() == 0 && encoding.isUnicode()) {
                // Windows starts a Unicode file that holds only its byte order mark with a blank line.
                out = out.insert(0, newLine("", nl, "blank line"));
            }
            int end = out.size();
            out = terminateBefore(out, end, nl)
                    .insert(end, newLine("[" + s + "]", nl, "section name"))
                    .insert(end + 1, newLine(k + "=" + written, nl, "[" + s + "] " + k));
            return derive(out);
        }
        int end = sectionEnd(header);
        int lastKey = header;
        for (int i = header + 1; i < end; i++) {
            Line line = lines.get(i);
            if (line.kind != KEY) {
                continue;
            }
            if (line.nameMatches(k)) {
                char quote = Line.quoteOf(line.text(), line.valueStart, line.valueEnd);
                String written = exactly ? value : quote != 0 ? quote + value + quote : quoted(value, '"');
                // The value's span includes its quotes: with exactly, they go with the old value.
                String text = line.text().substring(0, line.valueStart)
                        + written
                        + line.text().substring(line.valueEnd);
                boolean open = line.ending == LineEnding.NONE;
                if (text.equals(line.text()) && !open) {
                    return this;
                }
                checkEditable(line, "line " + (i + 1));
                encoding.encode(text, "value of [" + s + "] " + k);
                Line edited = line.withText(text);
                // WritePrivateProfileString ends the line it writes, the last one too.
                return derive(lines.with(i, open ? edited.withEnding(dominantEnding()) : edited));
            }
            lastKey = i;
        }
        LineEnding nl = dominantEnding();
        return derive(terminateBefore(lines, lastKey + 1, nl)
                .insert(
                        lastKey + 1,
                        newLine(k + "=" + (exactly ? value : quoted(value, '"')), nl, "[" + s + "] " + k)));
    }

    /**
     * Removes {@code key} from {@code section}: the first such key line of the first such section, as
     * Windows does (a later duplicate then becomes the one read). No change when it is absent.
     */
    public IniDocument remove(String section, String key) {
        int index = findKey(section, key);
        if (index < 0) {
            return this;
        }
        return derive(lines.remove(index));
    }

    /**
     * Removes the first section called {@code section}: its header, keys and other lines. Comment and
     * blank lines inside it stay, as Windows keeps them. No change when it is absent.
     */
    public IniDocument removeSection(String section) {
        int header = findSection(callerName(section));
        if (header < 0) {
            return this;
        }
        int end = sectionEnd(header);
        return derive(
                lines.removeIf(header, end, line -> line.kind != Line.Kind.COMMENT && line.kind != Line.Kind.BLANK));
    }

    // ---------------------------------------------------------------------------------------------
    // Writing

    /** The document's bytes: the source bytes for untouched lines, the file's encoding for the rest. */
    public byte[] toBytes() {
        if (unchangedFromSource()) {
            return source.clone();
        }
        // Runs of untouched lines are single copies from the source; edited lines are encoded.
        List<Object> pieces = new ArrayList<>();
        int size = contentStart;
        int runFrom = -1;
        int runTo = -1;
        int number = 0;
        for (Line line : lines) {
            number++;
            if (line.pristine && runFrom >= 0 && sourceStarts[line.origin] == runTo) {
                runTo = sourceStarts[line.origin + 1];
                continue;
            }
            if (runFrom >= 0) {
                pieces.add(new int[] {runFrom, runTo});
                size += runTo - runFrom;
                runFrom = -1;
            }
            if (line.pristine) {
                runFrom = sourceStarts[line.origin];
                runTo = sourceStarts[line.origin + 1];
            } else {
                byte[] encoded = encoding.encode(line.text() + line.ending.text(), "line " + number);
                pieces.add(encoded);
                size += encoded.length;
            }
        }
        if (runFrom >= 0) {
            pieces.add(new int[] {runFrom, runTo});
            size += runTo - runFrom;
        }
        byte[] out = new byte[size];
        System.arraycopy(source, 0, out, 0, contentStart);
        int at = contentStart;
        for (Object piece : pieces) {
            if (piece instanceof int[] range) {
                System.arraycopy(source, range[0], out, at, range[1] - range[0]);
                at += range[1] - range[0];
            } else {
                byte[] encoded = (byte[]) piece;
                System.arraycopy(encoded, 0, out, at, encoded.length);
                at += encoded.length;
            }
        }
        return out;
    }

    /** True when this document's bytes equal {@code other}'s. */
    public boolean sameBytes(IniDocument other) {
        return Arrays.equals(toBytes(), other.toBytes());
    }

    private boolean unchangedFromSource() {
        if (lines.size() != sourceStarts.length - 1) {
            return false;
        }
        int i = 0;
        for (Line line : lines) {
            if (!line.pristine || line.origin != i++) {
                return false;
            }
        }
        return true;
    }

    // ---------------------------------------------------------------------------------------------
    // Internals shared with the diff

    /** Index of the source line line {@code index} came from, -1 for an added line. */
    int origin(int index) {
        return lines.get(index).origin;
    }

    /** True when line {@code index} still has exactly the bytes of its source line. */
    boolean pristine(int index) {
        return lines.get(index).pristine;
    }

    /** True when {@code derived} was made from this document by edits (so lines can be matched by origin). */
    boolean isSourceOf(IniDocument derived) {
        return derived.source == source;
    }

    private IniDocument derive(Lines newLines) {
        return new IniDocument(encoding, source, contentStart, sourceStarts, newLines, warnings);
    }

    private int findSection(String name) {
        return lines.indexOf(0, line -> line.kind == SECTION && line.nameMatches(name));
    }

    private int sectionEnd(int header) {
        int next = lines.indexOf(header + 1, line -> line.kind == SECTION);
        return next < 0 ? lines.size() : next;
    }

    private int findKey(String section, String key) {
        int header = findSection(callerName(section));
        if (header < 0) {
            return -1;
        }
        String k = callerName(key);
        for (int i = header + 1, end = sectionEnd(header); i < end; i++) {
            if (lines.get(i).kind == KEY && lines.get(i).nameMatches(k)) {
                return i;
            }
        }
        return -1;
    }

    /** The line ending most lines use (CRLF on a tie or when no line has one). */
    LineEnding dominantEnding() {
        int crlf = 0;
        int lf = 0;
        int cr = 0;
        for (Line line : lines) {
            switch (line.ending) {
                case CRLF -> crlf++;
                case LF -> lf++;
                case CR -> cr++;
                default -> {}
            }
        }
        if (crlf >= lf && crlf >= cr) {
            return LineEnding.CRLF;
        }
        return lf >= cr ? LineEnding.LF : LineEnding.CR;
    }

    /**
     * {@code lines} with the line before {@code insertAt} given an ending when it has none. That line is
     * then re-encoded, so it is refused here, not when the bytes are written, if re-encoding would change it.
     */
    private Lines terminateBefore(Lines lines, int insertAt, LineEnding nl) {
        if (insertAt > 0 && lines.get(insertAt - 1).ending == LineEnding.NONE) {
            checkEditable(lines.get(insertAt - 1), "line " + insertAt);
            return lines.with(insertAt - 1, lines.get(insertAt - 1).withEnding(nl));
        }
        return lines;
    }

    private Line newLine(String text, LineEnding ending, String what) {
        encoding.encode(text, what);
        return Line.of(text, ending, -1, false);
    }

    /** Refuses to re-encode a line whose source bytes the (multi-byte) code page would not reproduce. */
    private void checkEditable(Line line, String where) {
        if (encoding.lossless() || line.origin < 0) {
            return;
        }
        int from = sourceStarts[line.origin];
        byte[] original = Arrays.copyOfRange(
                source,
                from,
                from
                        + (sourceStarts[line.origin + 1] - from)
                        - line.ending.text().length() * encoding.unitSize());
        if (!Arrays.equals(original, encoding.encode(line.text(), where))) {
            throw new IniEditException(where + " holds bytes that are not valid "
                    + encoding.charset().name() + "; it cannot be rewritten without changing them");
        }
    }

    /** Names passed by a caller lose leading and trailing spaces (only spaces), as in Windows. */
    private static String callerName(String name) {
        Objects.requireNonNull(name, "name");
        int from = 0;
        int to = name.length();
        while (from < to && name.charAt(from) == ' ') {
            from++;
        }
        while (to > from && name.charAt(to - 1) == ' ') {
            to--;
        }
        return name.substring(from, to);
    }

    private static String stripTrailingSpaces(String text) {
        if (text == null) {
            return "";
        }
        int to = text.length();
        while (to > 0 && text.charAt(to - 1) == ' ') {
            to--;
        }
        return text.substring(0, to);
    }

    private String checkSection(String section) {
        String s = callerName(section);
        checkNoBreaks(s, "section name");
        if (s.indexOf(']') >= 0) {
            throw new IniEditException("section name must not contain ']': '" + s + "'");
        }
        checkNoOuterBlanks(s, "section name");
        encoding.encode(s, "section name");
        return s;
    }

    private String checkKey(String key) {
        String k = callerName(key);
        checkNoBreaks(k, "key");
        if (k.isEmpty()) {
            throw new IniEditException("key must not be empty");
        }
        if (k.indexOf('=') >= 0) {
            throw new IniEditException("key must not contain '=': '" + k + "'");
        }
        if (k.charAt(0) == ';' || k.charAt(0) == '[') {
            throw new IniEditException("key must not start with '" + k.charAt(0) + "' (the line would become a "
                    + (k.charAt(0) == ';' ? "comment" : "section header") + "): '" + k + "'");
        }
        checkNoOuterBlanks(k, "key");
        encoding.encode(k, "key");
        return k;
    }

    private void checkValue(String value, String what) {
        Objects.requireNonNull(value, "value");
        checkNoBreaks(value, what);
        encoding.encode(value, what);
    }

    private static void checkNoBreaks(String text, String what) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r' || c == '\n' || c == 0) {
                throw new IniEditException(what + " must not contain "
                        + (c == 0 ? "NUL" : c == '\r' ? "a carriage return" : "a line feed")
                        + " (it would break the line and could inject keys)");
            }
        }
    }

    private static void checkNoOuterBlanks(String text, String what) {
        if (!text.isEmpty() && (Line.blank(text.charAt(0)) || Line.blank(text.charAt(text.length() - 1)))) {
            throw new IniEditException(what + " must not start or end with a tab or vertical tab"
                    + " (Windows would not read it back): '" + text + "'");
        }
    }

    /** {@code value} as written so that Windows reads exactly it back. */
    private static String quoted(String value, char quote) {
        boolean needs = !value.isEmpty()
                && (Line.blank(value.charAt(0))
                        || Line.blank(value.charAt(value.length() - 1))
                        || Line.quoteOf(value, 0, value.length()) != 0);
        return needs ? quote + value + quote : value;
    }
}
