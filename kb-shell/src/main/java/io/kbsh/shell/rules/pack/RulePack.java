package io.kbsh.shell.rules.pack;

import io.kbsh.shell.rules.PackManifest;
import io.kbsh.shell.rules.eval.CompiledRule;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A rule pack that loaded: its manifest, where it came from (a directory or a JAR), its rules, and the
 * directory its tests' files are read from (empty for a JAR).
 */
public record RulePack(PackManifest manifest, Path source, List<CompiledRule> rules, Optional<Path> directory) {

    public RulePack {
        Objects.requireNonNull(manifest, "manifest");
        Objects.requireNonNull(source, "source");
        rules = List.copyOf(rules);
        Objects.requireNonNull(directory, "directory");
    }

    public String id() {
        return manifest.id();
    }

    public Optional<CompiledRule> rule(io.kbsh.model.article.ArticleId article) {
        return rules.stream().filter(r -> r.article().equals(article)).findFirst();
    }
}
