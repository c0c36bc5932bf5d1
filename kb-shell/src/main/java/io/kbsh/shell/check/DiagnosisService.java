package io.kbsh.shell.check;

import io.kbsh.model.article.ArticleId;
import io.kbsh.model.command.CommandContext;
import io.kbsh.model.fact.Fact;
import io.kbsh.model.fact.Facts;
import io.kbsh.model.finding.ProbeRequest;
import io.kbsh.shell.check.run.CheckReport;
import io.kbsh.shell.check.run.PluginCheck;
import io.kbsh.shell.net.ProbeCatalogue;
import io.kbsh.shell.net.ProbeWords;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one way kbsh diagnoses a site: evaluate the checks → run the probes the open (unwaived) findings ask
 * for, through the {@link ProbeCatalogue} with the run's {@link ProbeSettings} → keep their facts beside the
 * older ones → evaluate again → the plan. {@code check}, {@code check --probe}, {@code diagnose} and {@code
 * fix} run through here, and every report (text, JSON, JUnit, HTML) is made from the {@link Diagnosis} it
 * returns. Facts go into the session only when the environment is the session's; a run on {@code --env FILE}
 * keeps its facts to itself.
 */
@Singleton
public final class DiagnosisService {

    /** Told of each step as it happens, so that a person sees where a long run is. */
    public interface Steps {
        /** Nothing shown: JSON output, tests, {@code fix}. */
        Steps QUIET = new Steps() {};

        /** An evaluation ended; {@code again} for the one after probing. */
        default void evaluated(CheckReport report, boolean again) {}

        /** The probes about to run. */
        default void probing(List<ProbeRequest> requests) {}

        /** The facts the probes gave. */
        default void probed(List<Fact> facts) {}
    }

    private final CheckSession session;
    private final CheckEngine engine;
    private final ProbeCatalogue probes;

    @Inject
    public DiagnosisService(CheckSession session, CheckEngine engine, ProbeCatalogue probes) {
        this.session = session;
        this.engine = engine;
        this.probes = probes;
    }

    /** Runs {@code evaluation}, telling {@code steps} as it goes. */
    public Diagnosis run(CommandContext context, Evaluation evaluation, Steps steps) {
        CheckReport first = evaluate(context, evaluation, evaluation.facts());
        steps.evaluated(first, false);
        Map<ArticleId, String> titles = titles(context, evaluation.checks());
        if (evaluation.probing().isEmpty()
                || first.cancelled()
                || first.probeRequests().isEmpty()) {
            return new Diagnosis(evaluation, first, List.of(), List.of(), first, evaluation.facts(), titles);
        }
        ProbeSettings settings = evaluation.probing().get();
        List<ProbeRequest> asked = first.probeRequests();
        steps.probing(asked);
        List<Fact> probed = probes.run(asked, settings.options(), Instant.now().plus(settings.total()), context.err());
        steps.probed(probed);
        // A probe that was cancelled, or whose name did not resolve, found nothing about its peer: it must not
        // make a finding apply (or stop applying).
        List<Fact> evidence = new ArrayList<>();
        for (Fact f : probed) {
            Optional<String> why = ProbeWords.notEvidence(f);
            if (why.isPresent()) {
                context.err().println("note: " + why.get() + ": not used as evidence");
            } else {
                evidence.add(f);
            }
        }
        Facts facts;
        if (evaluation.sessionEnvironment()) {
            session.addFacts(evidence);
            facts = session.facts();
        } else {
            facts = evaluation.facts().with(evidence, CheckSession.HISTORY);
        }
        CheckReport report = evaluate(context, evaluation, facts);
        steps.evaluated(report, true);
        return new Diagnosis(evaluation, first, asked, probed, report, facts, titles);
    }

    private CheckReport evaluate(CommandContext context, Evaluation e, Facts facts) {
        return engine.run(context, e.environment(), facts, e.checks(), e.waivers(), e.checkDeadline());
    }

    /** Each article's title: the article store's (the archive, or the bundled plugins' briefs), else the check's own. */
    private static Map<ArticleId, String> titles(CommandContext context, List<PluginCheck> checks) {
        Map<ArticleId, String> titles = new LinkedHashMap<>();
        for (PluginCheck c : checks) {
            if (titles.containsKey(c.article())) {
                continue;
            }
            Optional<String> title;
            try {
                title = context.articles()
                        .find(c.article())
                        .map(a -> a.title())
                        .or(() -> Optional.ofNullable(c.check().article().title()));
            } catch (RuntimeException e) {
                // A store or a plugin that cannot say a title costs the title only.
                title = Optional.empty();
            }
            title.filter(t -> !t.isBlank()).ifPresent(t -> titles.put(c.article(), t));
        }
        return titles;
    }
}
