package io.kbsh.shell.check.run;

import io.kbsh.model.article.ArticleStore;
import io.kbsh.model.env.Environment;
import io.kbsh.model.fact.Facts;
import io.kbsh.model.finding.Finding;
import io.kbsh.rules.ArticleCheck;
import io.kbsh.rules.waiver.Waiver;
import io.kbsh.shell.check.waiver.Waivers;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Runs checks over an environment and applies waivers. A check that throws is reported, not fatal. */
public final class CheckRunner {

    /** Worst first, then by article, then by the first affected object. */
    private static final Comparator<Outcome> ORDER = Comparator
            .comparing((Outcome o) -> o.finding().severity()).reversed()
            .thenComparing(o -> o.finding().article())
            .thenComparing(o -> o.finding().subject().kind())
            .thenComparing(o -> o.finding().subject().id());

    private CheckRunner() {
    }

    public static CheckReport run(List<? extends ArticleCheck> checks, Environment environment, Facts facts,
                                  ArticleStore knowledge, Waivers waivers, LocalDate today) {
        List<Outcome> outcomes = new ArrayList<>();
        List<CheckFailure> failures = new ArrayList<>();
        List<String> checked = new ArrayList<>();
        Set<Waiver> expiredInUse = new LinkedHashSet<>();
        for (ArticleCheck check : checks) {
            var article = check.article().id();
            checked.add(article.toString());
            List<Finding> findings;
            try {
                findings = check.evaluate(environment, facts, knowledge);
            } catch (RuntimeException | LinkageError e) {
                failures.add(new CheckFailure(article, e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage())));
                continue;
            }
            for (Finding f : findings) {
                Optional<Waiver> w = waivers.covering(f, today);
                if (w.isPresent() && !w.get().expiredOn(today)) {
                    outcomes.add(new Outcome(f, Outcome.Status.WAIVED, w.get()));
                } else {
                    w.ifPresent(expiredInUse::add);
                    outcomes.add(new Outcome(f, Outcome.Status.OPEN, w.orElse(null)));
                }
            }
        }
        outcomes.sort(ORDER);
        List<Waiver> expired = new ArrayList<>(expiredInUse);
        for (Waiver w : waivers.waivers()) {
            if (w.expiredOn(today) && !expired.contains(w)) {
                expired.add(w);
            }
        }
        return new CheckReport(today, checked, outcomes, expired, failures, facts.all().size());
    }
}
