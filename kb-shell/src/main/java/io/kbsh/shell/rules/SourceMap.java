package io.kbsh.shell.rules;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.TokenStreamFactory;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Where each value of a YAML or JSON document starts, by field path ({@code outcomes[0].when[1].cel}), so that
 * problems found after binding (a CEL expression that does not compile, a template naming an absent value)
 * still name a line and column. Scalars also remember whether they were quoted or a block ({@code |}), so a
 * position inside a CEL expression maps onto the file.
 *
 * <p>The positions are found when first asked for, by a second pass over the document's bytes: a document that
 * binds and compiles is never asked, and reading each rule twice was a good part of a first check's wait.
 *
 * <p>Thread safety: safe to share (two threads asking first may both find the same positions).
 */
final class SourceMap {

    /** Where a value starts; {@code style} is {@code ' '} plain, {@code '"'} or {@code '\''} quoted, {@code '|'}/{@code '>'} block. */
    record Position(int line, int column, char style) {}

    private record Index(Map<String, Position> positions, Map<String, Position> keys, String[] lines) {}

    /** The document's bytes, as read (never changed by anyone after reading). */
    private final byte[] content;

    private final TokenStreamFactory factory;
    private volatile Index index;

    private SourceMap(byte[] content, TokenStreamFactory factory) {
        this.content = content;
        this.factory = factory;
    }

    static SourceMap of(byte[] content, TokenStreamFactory factory) {
        return new SourceMap(content, factory);
    }

    private Index index() {
        Index i = index;
        if (i == null) {
            i = find(content, factory);
            index = i;
        }
        return i;
    }

    private static Index find(byte[] content, TokenStreamFactory factory) {
        Map<String, Position> found = new HashMap<>();
        Map<String, Position> keys = new HashMap<>();
        try (JsonParser p = factory.createParser(content)) {
            if (p.nextToken() != null) {
                walk(p, "", found, keys, content);
            }
        } catch (IOException | RuntimeException e) {
            // A document that does not parse has already been reported by the binding; keep what was found.
        }
        return new Index(found, keys, new String(content, java.nio.charset.StandardCharsets.UTF_8).split("\\R", -1));
    }

    private static void walk(
            JsonParser p, String here, Map<String, Position> found, Map<String, Position> keys, byte[] content)
            throws IOException {
        JsonLocation at = p.currentTokenLocation();
        found.put(here, new Position(at.getLineNr(), at.getColumnNr(), style(content, at)));
        JsonToken token = p.currentToken();
        if (!token.isStructStart()) {
            return;
        }
        int index = 0;
        while (true) {
            JsonToken next = p.nextToken();
            if (next == null || next.isStructEnd()) {
                return;
            }
            String child;
            if (token == JsonToken.START_OBJECT) {
                String name = p.currentName();
                JsonLocation key = p.currentTokenLocation();
                p.nextToken();
                child = here.isEmpty() ? name : here + "." + name;
                keys.put(child, new Position(key.getLineNr(), key.getColumnNr(), ' '));
            } else {
                child = here + "[" + index++ + "]";
            }
            walk(p, child, found, keys, content);
        }
    }

    private static char style(byte[] content, JsonLocation at) {
        long offset = at.getByteOffset() >= 0 ? at.getByteOffset() : at.getCharOffset();
        if (offset < 0 || offset >= content.length) {
            return ' ';
        }
        char c = (char) content[(int) offset];
        return c == '"' || c == '\'' || c == '|' || c == '>' ? c : ' ';
    }

    /** Where the member {@code path} is named (its key), else {@link #locate}. */
    Position locateKey(String path) {
        Position key = index().keys().get(path);
        return key != null ? key : locate(path);
    }

    /** The value at {@code path}, or its nearest ancestor's; {@code (0, 0)} when unknown. */
    Position locate(String path) {
        Map<String, Position> positions = index().positions();
        String p = path;
        while (true) {
            Position found = positions.get(p);
            if (found != null) {
                return found;
            }
            if (p.isEmpty()) {
                return new Position(0, 0, ' ');
            }
            int dot = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            p = dot < 0 ? "" : p.substring(0, dot);
        }
    }

    /**
     * The file position of {@code line}:{@code column} (1-based) inside the string value at {@code path}: the
     * same line shifted by the opening quote for a one-line scalar, the following lines for a block scalar
     * (whose lines are indented as its first line is).
     */
    Position inside(String path, int line, int column) {
        Position start = locate(path);
        if (start.line() == 0) {
            return start;
        }
        return switch (start.style()) {
            case '|', '>' -> new Position(start.line() + line, indent(start.line()) + column, ' ');
            case '"', '\'' ->
                line <= 1
                        ? new Position(start.line(), start.column() + column, ' ')
                        : new Position(start.line() + line - 1, column, ' ');
            default ->
                line <= 1
                        ? new Position(start.line(), start.column() + column - 1, ' ')
                        : new Position(start.line() + line - 1, column, ' ');
        };
    }

    private int indent(int blockLine) {
        String[] lines = index().lines();
        if (blockLine >= lines.length) {
            return 0;
        }
        String text = lines[blockLine];
        int n = 0;
        while (n < text.length() && text.charAt(n) == ' ') {
            n++;
        }
        return n;
    }
}
