package io.kbsh.shell.rules.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The checked form of a compiled rule's CEL expressions, by where each stands in the rule ({@code let.fixed},
 * {@code when[1].cel}), with its text: what the rule cache keeps so that a rule validated before is compiled
 * again without CEL's parser and type checker, which are most of what the first check of a fresh shell waits for.
 * Opaque to everyone but {@link CompiledRule}: no CEL type shows (the rule cache stores the bytes as they are).
 *
 * <p>An entry is used only for the same text at the same place; anything else (an edited rule, a form that does not
 * read) is compiled from the text as usual, so the worst a stale or damaged entry costs is that compile.
 *
 * <p>Thread safety: immutable.
 */
public final class CheckedExpressions {

    private static final CheckedExpressions NONE = new CheckedExpressions(Map.of());

    private record Form(String text, byte[] checked) {}

    private final Map<String, Form> byPath;

    private CheckedExpressions(Map<String, Form> byPath) {
        this.byPath = byPath;
    }

    /** Nothing known: every expression is compiled from its text. */
    public static CheckedExpressions none() {
        return NONE;
    }

    /** The checked form of {@code rule}'s expressions (each made now, from the compiled program). */
    static CheckedExpressions of(Map<String, Cel.Program> programs) {
        Map<String, Form> m = new LinkedHashMap<>();
        programs.forEach((path, p) -> m.put(path, new Form(p.text(), p.checked())));
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
        Form e = byPath.get(path);
        if (e == null || !e.text().equals(text)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Cel.restore(text, e.checked(), condition));
        } catch (IllegalArgumentException damaged) {
            return Optional.empty();
        }
    }

    /** One expression's checked form: where it stands, its text and the bytes {@code Cel} restores it from. */
    public record Entry(String path, String text, byte[] checked) {}

    /** Each expression's checked form, in the rule's order: what the rule cache writes. */
    public List<Entry> entries() {
        List<Entry> out = new ArrayList<>(byPath.size());
        byPath.forEach((path, e) -> out.add(new Entry(path, e.text(), e.checked())));
        return out;
    }

    /** The forms {@link #entries} gave, as the rule cache reads them back. */
    public static CheckedExpressions of(List<Entry> entries) {
        if (entries.isEmpty()) {
            return NONE;
        }
        Map<String, Form> m = new LinkedHashMap<>();
        for (Entry e : entries) {
            m.put(e.path(), new Form(e.text(), e.checked()));
        }
        return new CheckedExpressions(Collections.unmodifiableMap(m));
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof CheckedExpressions other) || other.byPath.size() != byPath.size()) {
            return false;
        }
        for (Map.Entry<String, Form> e : byPath.entrySet()) {
            Form mine = e.getValue();
            Form theirs = other.byPath.get(e.getKey());
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
