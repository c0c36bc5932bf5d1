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

    /**
     * Compiles every rule of {@code packs} not compiled yet, on one background daemon thread, and returns that
     * thread. An interactive shell starts it before its first prompt, so that the first check a person types finds
     * the rules compiled instead of compiling them then (seconds in a fresh JVM). A check that reaches a rule first
     * compiles it itself and the thread then finds it done (each rule compiles once); a rule that no longer
     * compiles is left for its first use to report, where it names the file and the rule.
     */
    public static Thread compileInBackground(List<RulePack> packs) {
        List<LazyRule> pending = packs.stream()
                .flatMap(p -> p.handles().stream())
                .filter(r -> !r.isCompiled())
                .toList();
        Thread t = new Thread(
                () -> {
                    long start = System.nanoTime();
                    int compiled = 0;
                    for (LazyRule r : pending) {
                        try {
                            r.compiled();
                            compiled++;
                        } catch (RuntimeException e) {
                            // Reported where the rule is used.
                        } catch (Error e) {
                            // Out of memory or stack: no trace on the person's terminal from a thread they never
                            // asked for; the rules left compile on first use, where a check's failure is reported.
                            return;
                        }
                    }
                    if (!pending.isEmpty()) {
                        // Under --debug: what a first check was spared, or why it was not.
                        System.getLogger(RulePack.class.getName())
                                .log(
                                        System.Logger.Level.DEBUG,
                                        "rules compiled in the background: {0} of {1} in {2} ms",
                                        compiled,
                                        pending.size(),
                                        (System.nanoTime() - start) / 1_000_000);
                    }
                },
                "kbsh-rules-compile");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
        return t;
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
