package io.kbsh.shell.rules.eval;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The checked form of a compiled rule's CEL expressions, by where each stands in the rule ({@code let.fixed},
 * {@code when[1].cel}), with its text: what the rule cache keeps so that a rule validated before is compiled
 * again without CEL's parser and type checker, which are most of what the first check of a fresh shell waits for.
 * Opaque to everyone but {@link CompiledRule}: no CEL type shows.
 *
 * <p>An entry is used only for the same text at the same place; anything else (an edited rule, a form that does not
 * read) is compiled from the text as usual, so the worst a stale or damaged entry costs is that compile.
 *
 * <p>Thread safety: immutable.
 */
public final class CheckedExpressions {

    private static final CheckedExpressions NONE = new CheckedExpressions(Map.of());

    /** Larger than any expression's checked form; a count or length past it (or past the bytes left) is damage. */
    private static final int MAX_BYTES = 1 << 20;

    private record Entry(String text, byte[] checked) {}

    private final Map<String, Entry> byPath;

    private CheckedExpressions(Map<String, Entry> byPath) {
        this.byPath = byPath;
    }

    /** Nothing known: every expression is compiled from its text. */
    public static CheckedExpressions none() {
        return NONE;
    }

    /** The checked form of {@code rule}'s expressions (each made now, from the compiled program). */
    static CheckedExpressions of(Map<String, Cel.Program> programs) {
        Map<String, Entry> m = new LinkedHashMap<>();
        programs.forEach((path, p) -> m.put(path, new Entry(p.text(), p.checked())));
        return new CheckedExpressions(Collections.unmodifiableMap(m));
    }

    public boolean isEmpty() {
        return byPath.isEmpty();
    }

    public int size() {
        return byPath.size();
    }

    /** The expression at {@code path}, restored, when its checked form is known for this very text. */
    Optional<Cel.Program> restore(String path, String text, boolean condition) {
        Entry e = byPath.get(path);
        if (e == null || !e.text().equals(text)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Cel.restore(text, e.checked(), condition));
        } catch (IllegalArgumentException damaged) {
            return Optional.empty();
        }
    }

    /** Writes them as {@link #read} reads them back. */
    public void write(DataOutputStream out) throws IOException {
        out.writeInt(byPath.size());
        for (Map.Entry<String, Entry> e : byPath.entrySet()) {
            bytes(out, e.getKey().getBytes(StandardCharsets.UTF_8));
            bytes(out, e.getValue().text().getBytes(StandardCharsets.UTF_8));
            bytes(out, e.getValue().checked());
        }
    }

    /** Reads what {@link #write} wrote; an {@link IOException} when the bytes are not that. */
    public static CheckedExpressions read(DataInputStream in) throws IOException {
        int n = count(in);
        if (n == 0) {
            return NONE;
        }
        Map<String, Entry> m = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            String path = new String(bytes(in), StandardCharsets.UTF_8);
            String text = new String(bytes(in), StandardCharsets.UTF_8);
            m.put(path, new Entry(text, bytes(in)));
        }
        return new CheckedExpressions(Collections.unmodifiableMap(m));
    }

    private static void bytes(DataOutputStream out, byte[] b) throws IOException {
        out.writeInt(b.length);
        out.write(b);
    }

    private static byte[] bytes(DataInputStream in) throws IOException {
        byte[] b = new byte[count(in)];
        in.readFully(b);
        return b;
    }

    private static int count(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > MAX_BYTES || n > in.available()) {
            throw new IOException("bad count " + n);
        }
        return n;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof CheckedExpressions other) || other.byPath.size() != byPath.size()) {
            return false;
        }
        for (Map.Entry<String, Entry> e : byPath.entrySet()) {
            Entry mine = e.getValue();
            Entry theirs = other.byPath.get(e.getKey());
            if (theirs == null
                    || !mine.text().equals(theirs.text())
                    || !Arrays.equals(mine.checked(), theirs.checked())) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return byPath.keySet().hashCode();
    }

    @Override
    public String toString() {
        return "CheckedExpressions" + byPath.keySet();
    }
}
