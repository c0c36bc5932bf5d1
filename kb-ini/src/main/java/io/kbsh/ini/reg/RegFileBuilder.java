package io.kbsh.ini.reg;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Writes a new {@code .reg} file as Regedit itself exports one, so that a person can read it before
 * importing it: the header, a blank line, each key header followed by its values and a blank line, CRLF
 * line endings, long hex data wrapped at 80 columns with {@code \} continuations. This is how kbsh hands
 * over a registry change: it writes the file, never the registry.
 *
 * <pre>{@code
 * RegDocument reg = RegFileBuilder.create(RegFormat.REGEDIT4)
 *         .comment("Q155831: a static port for the directory's RPC interface")
 *         .key("HKEY_LOCAL_MACHINE\\System\\CurrentControlSet\\Services\\MSExchangeDS\\Parameters")
 *         .set("TCP/IP port", new RegValue.Dword(4000))
 *         .build();
 * Files.write(target, reg.toBytes());
 * }</pre>
 *
 * <p>{@link #build()} reads its own output back and checks that it holds exactly the values given, so a
 * value the format cannot carry (a character outside Windows-1252 in a REGEDIT4 file, an empty string in a
 * multi-string) fails there, not in Regedit. Builders are not thread-safe; the documents they build are.
 *
 * @since 2.1
 */
public final class RegFileBuilder {

    private static final String CRLF = "\r\n";
    private static final int WIDTH = 80;

    private final RegFormat format;
    private final StringBuilder text = new StringBuilder();
    /** What the file must read back as: key headers and assignments, in order. */
    private final List<Expected> expected = new ArrayList<>();

    private Optional<String> key = Optional.empty();

    private RegFileBuilder(RegFormat format) {
        this.format = Objects.requireNonNull(format, "format");
        text.append(format.header()).append(CRLF).append(CRLF);
    }

    /** A builder for a file of {@code format}. */
    public static RegFileBuilder create(RegFormat format) {
        return new RegFileBuilder(format);
    }

    /** A {@code ;} comment line (one per line of {@code comment}), placed before the next key. */
    public RegFileBuilder comment(String comment) {
        endKey();
        for (String line : comment.split("\r\n|\r|\n", -1)) {
            text.append("; ").append(line).append(CRLF);
        }
        return this;
    }

    /** Starts the values of {@code keyPath} (created by the import when absent). */
    public RegFileBuilder key(String keyPath) {
        return header(keyPath, false);
    }

    /** Deletes {@code keyPath} with all its sub-keys and values. */
    public RegFileBuilder deleteKey(String keyPath) {
        header(keyPath, true);
        text.append(CRLF);
        key = Optional.empty();
        return this;
    }

    /** Sets {@code name} ({@code ""} for the key's default value) under the current key. */
    public RegFileBuilder set(String name, RegValue value) {
        Objects.requireNonNull(value, "value");
        String prefix = nameOf(name) + "=";
        text.append(prefix).append(data(value, prefix.length())).append(CRLF);
        expected.add(new Expected(currentKey(), Optional.of(name), Optional.of(value)));
        return this;
    }

    /** Deletes the value {@code name} under the current key. */
    public RegFileBuilder delete(String name) {
        text.append(nameOf(name)).append("=-").append(CRLF);
        expected.add(new Expected(currentKey(), Optional.of(name), Optional.empty()));
        return this;
    }

    /** The file, read back and checked against what was given. */
    public RegDocument build() {
        endKey();
        byte[] body;
        try {
            body = format.fileEncoding().encode(text.toString());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "the file cannot be written as " + format.header() + " (ANSI): " + e.getMessage() + "; use "
                            + RegFormat.REGEDIT5.header(),
                    e);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (format.fileEncoding().isUnicode()) {
            out.write(0xFF);
            out.write(0xFE);
        }
        out.writeBytes(body);
        RegDocument document;
        try {
            document = RegDocument.parse(out.toByteArray());
        } catch (RegParseException e) {
            throw new IllegalStateException("kbsh wrote a registry export it cannot read back: " + e.getMessage(), e);
        }
        verify(document);
        return document;
    }

    private void verify(RegDocument document) {
        if (!document.warnings().isEmpty()) {
            throw new IllegalArgumentException("the export would not import cleanly: "
                    + document.warnings().get(0));
        }
        List<RegEntry> entries = document.entries();
        if (entries.size() != expected.size()) {
            throw new IllegalStateException(
                    "the export reads back as " + entries.size() + " entries, not " + expected.size());
        }
        for (int i = 0; i < entries.size(); i++) {
            RegEntry entry = entries.get(i);
            Expected want = expected.get(i);
            if (!entry.keyPath().equals(want.keyPath)
                    || !entry.name().equals(want.name)
                    || !entry.value().equals(want.value)) {
                throw new IllegalArgumentException(
                        "line " + entry.line() + " reads back as " + entry + " instead of the value given");
            }
        }
    }

    private RegFileBuilder header(String keyPath, boolean delete) {
        Objects.requireNonNull(keyPath, "keyPath");
        if (!RegDocument.knownRoot(keyPath)
                || keyPath.endsWith("\\")
                || keyPath.contains("\\\\")
                || keyPath.contains("]")
                || keyPath.chars().anyMatch(c -> c < 0x20)) {
            throw new IllegalArgumentException("'" + RegDocument.shorten(keyPath) + "' is not a key path Regedit"
                    + " imports (it must start with a root key such as HKEY_LOCAL_MACHINE, with single backslashes)");
        }
        endKey();
        text.append(delete ? "[-" : "[").append(keyPath).append(']').append(CRLF);
        expected.add(new Expected(keyPath, Optional.empty(), Optional.empty()));
        key = Optional.of(keyPath);
        return this;
    }

    /** Closes the open key's block with the blank line Regedit puts after every key. */
    private void endKey() {
        if (key.isPresent()) {
            text.append(CRLF);
        }
        key = Optional.empty();
    }

    private String currentKey() {
        return key.orElseThrow(() -> new IllegalStateException("a value needs a key first: call key(PATH)"));
    }

    private String nameOf(String name) {
        currentKey();
        Objects.requireNonNull(name, "name");
        if (name.chars().anyMatch(c -> c == '\r' || c == '\n' || c == 0)) {
            throw new IllegalArgumentException("a value name cannot hold a line break or NUL");
        }
        return name.isEmpty() ? "@" : "\"" + escape(name) + "\"";
    }

    private String data(RegValue value, int column) {
        if (value instanceof RegValue.Sz sz && sz.text().chars().noneMatch(c -> c == '\r' || c == '\n' || c == 0)) {
            return "\"" + escape(sz.text()) + "\"";
        }
        if (value instanceof RegValue.Dword dword) {
            return String.format("dword:%08x", dword.value());
        }
        String prefix = value instanceof RegValue.Binary b && b.type() == 3
                ? "hex:"
                : "hex(" + Integer.toHexString(value.type()) + "):";
        return prefix + wrapped(HexData.bytesOf(value, format), column + prefix.length());
    }

    /** Hex bytes as Regedit lays them out: {@code xx,} each, a {@code \} and two spaces past 80 columns. */
    private static String wrapped(byte[] bytes, int column) {
        StringBuilder out = new StringBuilder(bytes.length * 3);
        int col = column;
        for (int i = 0; i < bytes.length; i++) {
            boolean last = i == bytes.length - 1;
            String cell = String.format("%02x", bytes[i] & 0xFF) + (last ? "" : ",");
            if (col + cell.length() > WIDTH - 2 && !last) {
                out.append('\\').append(CRLF).append("  ");
                col = 2;
            }
            out.append(cell);
            col += cell.length();
        }
        return out.toString();
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private record Expected(String keyPath, Optional<String> name, Optional<RegValue> value) {}
}
