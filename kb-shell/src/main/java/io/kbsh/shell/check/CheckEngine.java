package io.kbsh.shell.check;

import io.kbsh.ini.writer.IniWriter;
import io.kbsh.model.article.ArticleBrief;
import io.kbsh.model.article.ArticleId;
import io.kbsh.model.article.ArticleStore;
import io.kbsh.model.command.CommandContext;
import io.kbsh.model.command.CommandException;
import io.kbsh.model.command.UsageException;
import io.kbsh.model.env.Environment;
import io.kbsh.model.env.EnvironmentExtension;
import io.kbsh.model.fact.Facts;
import io.kbsh.model.finding.Finding;
import io.kbsh.rules.ArticleCheck;
import io.kbsh.shell.check.run.CheckReport;
import io.kbsh.shell.check.run.CheckRunner;
import io.kbsh.shell.check.run.PluginCheck;
import io.kbsh.shell.check.waiver.Waivers;
import io.kbsh.shell.env.EnvironmentReader;
import io.kbsh.shell.env.ExtensionRegistry;
import io.kbsh.shell.json.JsonInputException;
import io.kbsh.shell.plugin.Contribution;
import io.kbsh.shell.plugin.Contributions;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the checks, INI writers and probes the plugins contribute, and runs checks (and the probes their
 * findings ask for) against the session's environment.
 */
@Singleton
public final class CheckEngine {

    private final Contributions contributions;
    private final Clock clock;

    @Inject
    public CheckEngine(Contributions contributions) {
        this(contributions, Clock.systemDefaultZone());
    }

    CheckEngine(Contributions contributions, Clock clock) {
        this.contributions = contributions;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The checks for {@code only} (all when empty); an article with no check is a usage error. */
    List<PluginCheck> checks(List<ArticleId> only) throws UsageException {
        List<PluginCheck> all = new ArrayList<>();
        for (Contribution<ArticleCheck> c : contributions.of(ArticleCheck.class)) {
            // The loader made sure at load time that every check names its article.
            all.add(PluginCheck.of(c.origin(), new LoaderScopedCheck(c)));
        }
        if (only.isEmpty()) {
            return all;
        }
        List<PluginCheck> chosen = new ArrayList<>();
        for (ArticleId id : only) {
            List<PluginCheck> mine =
                    all.stream().filter(c -> c.article().equals(id)).toList();
            if (mine.isEmpty()) {
                throw new UsageException("no check for " + id + " is loaded (checks: "
                        + String.join(
                                ", ",
                                all.stream()
                                        .map(c -> c.article().toString())
                                        .sorted()
                                        .toList()) + ")");
            }
            chosen.addAll(mine);
        }
        return chosen;
    }

    static List<ArticleId> articles(List<String> words) throws UsageException {
        List<ArticleId> ids = new ArrayList<>();
        for (String w : words) {
            ids.add(ArticleId.tryParse(w)
                    .orElseThrow(() -> new UsageException("not an article id (e.g. Q254909): '" + w + "'")));
        }
        return ids;
    }

    CheckReport run(
            CommandContext context,
            Environment env,
            Facts facts,
            List<PluginCheck> checks,
            Waivers waivers,
            Duration deadline) {
        ArticleStore store = context.articles();
        return new CheckRunner(deadline).run(checks, env, facts, store, waivers, today());
    }

    /**
     * The environment reader that accepts the fields the loaded plugins declare. The plugin loader has
     * refused any plugin whose fields clash, so registering cannot fail here; a provider that fails to
     * list its fields now is reported and skipped.
     */
    EnvironmentReader environmentReader() {
        ExtensionRegistry registry = ExtensionRegistry.empty();
        for (Contribution<EnvironmentExtension> c : contributions.of(EnvironmentExtension.class)) {
            try {
                registry = registry.with(c.origin(), c.call(EnvironmentExtension::fields));
            } catch (RuntimeException e) {
                // Isolated: one plugin's broken declaration must not stop environments from loading.
                java.util.logging.Logger.getLogger(CheckEngine.class.getName())
                        .warning(c.origin() + ": " + e.getMessage());
            }
        }
        return new EnvironmentReader(registry);
    }

    Waivers waivers(Path file) throws CommandException {
        try {
            return Waivers.readIfPresent(file);
        } catch (JsonInputException e) {
            throw new CommandException(e.getMessage());
        } catch (IOException e) {
            throw new CommandException("cannot read waivers " + file + ": " + e.getMessage());
        }
    }

    /** What the plugins contribute, for the probe catalogue of a service built by hand. */
    Contributions contributions() {
        return contributions;
    }

    /** The INI writer with {@code id}, or else the only writer of {@code article}. */
    Optional<Contribution<IniWriter>> writer(String id, ArticleId article) {
        List<Contribution<IniWriter>> writers = contributions.of(IniWriter.class);
        Optional<Contribution<IniWriter>> exact =
                writers.stream().filter(w -> w.call(IniWriter::id).equals(id)).findFirst();
        if (exact.isPresent()) {
            return exact;
        }
        List<Contribution<IniWriter>> forArticle = writers.stream()
                .filter(w -> article.equals(w.call(IniWriter::article)))
                .toList();
        return forArticle.size() == 1 ? Optional.of(forArticle.get(0)) : Optional.empty();
    }

    /** A plugin's check, always called with the plugin's class loader as the context loader. */
    private record LoaderScopedCheck(Contribution<ArticleCheck> contribution) implements ArticleCheck {
        @Override
        public ArticleBrief article() {
            return contribution.call(ArticleCheck::article);
        }

        @Override
        public List<Finding> evaluate(Environment environment, Facts facts, ArticleStore knowledge) {
            return contribution.call(c -> c.evaluate(environment, facts, knowledge));
        }
    }
}
