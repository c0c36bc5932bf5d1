package io.kbsh.shell.rules.pack;

import io.kbsh.shell.rules.PackManifest;
import io.kbsh.shell.rules.eval.CompiledRule;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A rule pack that loaded: its manifest, where it came from (a directory or a JAR), its rules (compiled when
 * first needed, {@link LazyRule}), and the
 * directory its tests' files are read from (empty for a JAR).
 */
public record RulePack(PackManifest manifest, Path source, List<LazyRule> handles, Optional<Path> directory) {

    public RulePack {
        Objects.requireNonNull(manifest, "manifest");
        Objects.requireNonNull(source, "source");
        handles = List.copyOf(handles);
        Objects.requireNonNull(directory, "directory");
    }

    public String id() {
        return manifest.id();
    }

    /** Every rule, compiled (those validated before are compiled now, once). */
    public List<CompiledRule> rules() {
        return handles.stream().map(LazyRule::compiled).toList();
    }

    /** How many rules the pack has, without compiling any. */
    public int size() {
        return handles.size();
    }

    public Optional<CompiledRule> rule(io.kbsh.model.article.ArticleId article) {
        return handles.stream()
                .filter(r -> r.article().equals(article))
                .findFirst()
                .map(LazyRule::compiled);
    }

    /** The pack's rules as checks, without compiling any. */
    public static List<io.kbsh.rules.ArticleCheck> checks(RulePack pack) {
        return pack.handles().stream()
                .map(r -> (io.kbsh.rules.ArticleCheck) new RuleCheck(r))
                .toList();
    }

    /** The INI writers of the rules that edit INI files, without compiling any. */
    public static List<io.kbsh.ini.writer.IniWriter> writers(RulePack pack) {
        return pack.handles().stream()
                .filter(r -> r.iniFile().isPresent())
                .map(r -> (io.kbsh.ini.writer.IniWriter)
                        new LazyIniWriter(r, r.iniFile().get()))
                .toList();
    }
}
