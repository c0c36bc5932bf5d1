package io.kbsh.shell.check;

import io.kbsh.ini.reg.RegDocument;
import io.kbsh.ini.reg.RegFileBuilder;
import io.kbsh.ini.reg.RegFormat;
import io.kbsh.ini.reg.RegValue;
import io.kbsh.model.article.ArticleId;
import io.kbsh.model.env.RegistryValue;
import io.kbsh.model.finding.Action;
import io.kbsh.model.finding.RegistryChange;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code .reg} file of a registry hand-over ({@link Action.RegistryHandOver}), made with kb-ini's
 * {@link RegFileBuilder} (which reads its output back and checks it). REGEDIT4 when it can carry every
 * value — Windows NT 4.0's Regedit imports nothing else, and later ones import it too — else the Unicode
 * REGEDIT5 with a note saying so. kbsh writes the file; a person imports it.
 */
final class RegistryFiles {

    /** A hand-over's file is small; an existing file of that name above this is not kbsh's and is left alone. */
    static final long MAX_BYTES = 1L << 20;

    /** The file, and a note when it had to be REGEDIT5. */
    record HandOverFile(String fileName, RegDocument document, Optional<String> note) {

        /** The file as text, for {@code fix plan} to show. */
        String text() {
            return document.encoding().decode(document.toBytes());
        }
    }

    private RegistryFiles() {}

    /** The hand-over of {@code article} for its target, as a file named {@code QNNNNNN-TARGET.reg}. */
    static HandOverFile of(ArticleId article, Action.RegistryHandOver handOver) {
        String name = article + "-" + handOver.target().id().replaceAll("[^A-Za-z0-9._-]", "_") + ".reg";
        try {
            return new HandOverFile(name, build(RegFormat.REGEDIT4, article, handOver), Optional.empty());
        } catch (IllegalArgumentException notAnsi) {
            return new HandOverFile(
                    name,
                    build(RegFormat.REGEDIT5, article, handOver),
                    Optional.of(
                            "a value holds characters"
                                    + " outside Windows-1252, so the file is REGEDIT5 (Unicode), which Windows NT 4.0's Regedit cannot import"));
        }
    }

    private static RegDocument build(RegFormat format, ArticleId article, Action.RegistryHandOver handOver) {
        RegFileBuilder b = RegFileBuilder.create(format)
                .comment(article + " for " + handOver.target().id()
                        + ": written by kbsh for you to review, then import with Regedit; kbsh never edits a registry");
        Optional<String> open = Optional.empty();
        for (RegistryChange change : handOver.changes()) {
            if (change instanceof RegistryChange.DeleteKey d) {
                b.deleteKey(d.key());
                open = Optional.empty();
                continue;
            }
            if (open.isEmpty() || !open.get().equalsIgnoreCase(change.key())) {
                b.key(change.key());
                open = Optional.of(change.key());
            }
            if (change instanceof RegistryChange.DeleteValue d) {
                b.delete(d.name());
            } else if (change instanceof RegistryChange.SetValue s) {
                b.set(s.value().name(), value(s.value()));
            }
        }
        return b.build();
    }

    /** The model's value as kb-ini writes it. */
    static RegValue value(RegistryValue v) {
        return switch (v.type()) {
            case SZ -> new RegValue.Sz(v.data().get(0));
            case EXPAND_SZ -> new RegValue.ExpandSz(v.data().get(0));
            case MULTI_SZ -> new RegValue.MultiSz(v.data());
            case DWORD -> new RegValue.Dword((int) v.number().orElseThrow());
            case QWORD -> new RegValue.Qword(v.number().orElseThrow());
            case BINARY ->
                RegValue.Binary.of(HexFormat.of().parseHex(v.data().get(0).toLowerCase(Locale.ROOT)));
        };
    }
}
