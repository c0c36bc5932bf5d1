package io.kbsh.shell.check;

import io.kbsh.model.article.ArticleId;
import io.kbsh.model.fact.Fact;
import io.kbsh.model.fact.Facts;
import io.kbsh.model.finding.Action;
import io.kbsh.model.finding.ProbeRequest;
import io.kbsh.model.finding.Severity;
import io.kbsh.shell.check.run.CheckReport;
import io.kbsh.shell.check.run.Outcome;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one run of the {@link DiagnosisService} found: the first evaluation, the probes its open findings
 * asked for and the facts they gave, the evaluation with those facts (the report every output is made
 * from), the facts it saw, the articles' titles, and the plan.
 *
 * @param evaluation what was asked
 * @param first the first evaluation (the same as {@code report} when nothing was probed)
 * @param asked the probes the first evaluation's open findings asked for, each once
 * @param probed the facts those probes gave (cancelled and unresolved ones included: they are shown)
 * @param report the final evaluation
 * @param facts the facts the final evaluation saw, history included
 * @param titles the title of each article checked: the archive's when imported, else the plugin's
 */
public record Diagnosis(
        Evaluation evaluation,
        CheckReport first,
        List<ProbeRequest> asked,
        List<Fact> probed,
        CheckReport report,
        Facts facts,
        Map<ArticleId, String> titles) {

    public Diagnosis {
        asked = List.copyOf(asked);
        probed = List.copyOf(probed);
        titles = Map.copyOf(titles);
    }

    /** The article's title, when known. */
    public Optional<String> title(ArticleId article) {
        return Optional.ofNullable(titles.get(article));
    }

    /** True when this run probed (it was asked to, and open findings asked for probes). */
    public boolean probedAnything() {
        return !asked.isEmpty();
    }

    /**
     * The open findings that call for something: any above {@code info}, and an {@code info} one with a step
     * besides verifying (an {@code info} that only says "the fix is in place, verify it" needs no plan).
     */
    public List<Outcome> plan() {
        return report.open().stream()
                .filter(o -> o.finding().severity() != Severity.INFO
                        || o.finding().resolution().stream().anyMatch(a -> a.kind() != Action.Kind.VERIFY))
                .toList();
    }
}
