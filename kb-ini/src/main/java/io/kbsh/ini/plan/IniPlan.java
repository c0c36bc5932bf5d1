package io.kbsh.ini.plan;

import io.kbsh.ini.document.IniDiff;
import io.kbsh.ini.document.IniDocument;
import io.kbsh.ini.document.IniEncoding;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Edits against one file, worked out before anything is written: the document as read, the document
 * as it would be, and notes for the admin (warnings a writer raises, such as "this file is refreshed
 * from the proxy server"). Render it with {@link #diff()}; write it with
 * {@link io.kbsh.ini.file.PlanApplier}.
 *
 * @param file     the target file
 * @param exists   whether the file existed when read (a plan may create it)
 * @param before   the file as read (empty when it does not exist)
 * @param after    the file with the edits made
 * @param edits    the edits, in order
 * @param notes    what the admin must know beyond the diff
 *
 * @since 2.0
 */
public record IniPlan(
        Path file, boolean exists, IniDocument before, IniDocument after, List<IniEdit> edits, List<String> notes) {

    public IniPlan {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        edits = List.copyOf(edits);
        notes = List.copyOf(notes);
    }

    /**
     * Plans {@code edits} against {@code current} (empty when the file does not exist yet: it will be
     * created as Windows-1252 with CRLF line endings).
     *
     * @throws io.kbsh.ini.document.IniEditException when an edit is refused
     */
    public static IniPlan of(Path file, Optional<IniDocument> current, List<IniEdit> edits, List<String> notes) {
        IniDocument before = current.orElseGet(IniDocument::empty);
        IniDocument after = before;
        for (IniEdit edit : edits) {
            after = edit.applyTo(after);
        }
        return new IniPlan(file, current.isPresent(), before, after, edits, notes);
    }

    /**
     * Plans {@code edits} to a file that does not exist yet, to be created in {@code encoding}: a Unicode
     * file starts with the UTF-16LE byte order mark, as Windows writes one. Applying refuses, writing
     * nothing, when the file has appeared in the meantime.
     *
     * @throws io.kbsh.ini.document.IniEditException when an edit is refused
     * @since 2.1
     */
    public static IniPlan create(Path file, IniEncoding encoding, List<IniEdit> edits, List<String> notes) {
        IniPlan plan = of(file, Optional.of(IniDocument.empty(encoding)), edits, notes);
        return new IniPlan(file, false, plan.before(), plan.after(), plan.edits(), plan.notes());
    }

    /** True when the file already holds what the edits would write: nothing to do. */
    public boolean changesNothing() {
        return exists && before.sameBytes(after);
    }

    /** The change as a unified diff (empty when {@link #changesNothing()}). */
    public String diff() {
        if (changesNothing()) {
            return "";
        }
        String from = exists ? file + " (as read)" : file + " (does not exist)";
        String diff = IniDiff.unified(before, after, from, file + " (planned)");
        return diff.isEmpty() ? "--- " + from + "\n+++ " + file + " (planned, empty file)\n" : diff;
    }

    /** The writer's notes followed by what reading the file raised (such as a UTF-8 byte order mark). */
    public List<String> warnings() {
        List<String> all = new ArrayList<>(notes);
        all.addAll(before.warnings());
        return all;
    }
}
