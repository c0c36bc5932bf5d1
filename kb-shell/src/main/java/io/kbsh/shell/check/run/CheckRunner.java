package io.kbsh.shell.check.run;

import io.kbsh.model.article.ArticleStore;
import io.kbsh.model.env.Environment;
import io.kbsh.model.fact.Facts;
import io.kbsh.model.finding.Finding;
import io.kbsh.model.finding.Waiver;
import io.kbsh.shell.check.waiver.Waivers;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Runs checks over an environment and applies waivers. Plugin code cannot take the run down: a check that
 * throws (any Throwable the JVM survives), returns null, runs past the deadline or is cancelled with
 * Ctrl-C becomes a {@link CheckFailure} naming its plugin and article, and every other check still
 * reports. Each finding keeps the plugin that produced it.
 *
 * <p>Thread safety: immutable; one runner may run any number of checks at once.
 */
public final class CheckRunner {

    /** How long one check may take unless the user says otherwise ({@code check --check-timeout}). */
    public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(10);

    /** Worst first, then by article, then by the first affected object. */
    private static final Comparator<Outcome> ORDER = Comparator.comparing(
                    (Outcome o) -> o.finding().severity())
            .reversed()
            .thenComparing(o -> o.finding().article())
            .thenComparing(o -> o.finding().subject().kind())
            .thenComparing(o -> o.finding().subject().id());

    private final Duration deadline;

    /** A runner that gives each check {@code deadline} (positive) before it is given up. */
    public CheckRunner(Duration deadline) {
        Objects.requireNonNull(deadline, "deadline");
        if (deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("a check deadline must be positive: " + deadline);
        }
        this.deadline = deadline;
    }

    public static CheckRunner withDefaultDeadline() {
        return new CheckRunner(DEFAULT_DEADLINE);
    }

    public Duration deadline() {
        return deadline;
    }

    /**
     * Runs {@code checks} in order. If the calling thread is interrupted (Ctrl-C), the running check and
     * those not started are reported as cancelled, and the report says so ({@link CheckReport#cancelled()}).
     */
    public CheckReport run(
            List<PluginCheck> checks,
            Environment environment,
            Facts facts,
            ArticleStore knowledge,
            Waivers waivers,
            LocalDate today) {
        Object[] results = new CheckBatch(checks, environment, facts, knowledge, deadline).evaluate();
        List<Outcome> outcomes = new ArrayList<>();
        List<CheckFailure> failures = new ArrayList<>();
        List<String> checked = new ArrayList<>();
        Set<Waiver> expiredInUse = new LinkedHashSet<>();
        for (int i = 0; i < checks.size(); i++) {
            PluginCheck check = checks.get(i);
            checked.add(check.article().toString());
            if (results[i] instanceof CheckFailure failure) {
                failures.add(failure);
                continue;
            }
            @SuppressWarnings("unchecked")
            List<Finding> findings = (List<Finding>) results[i];
            for (Finding f : findings) {
                Optional<Waiver> w = waivers.covering(f, today);
                if (w.isPresent() && !w.get().expiredOn(today)) {
                    outcomes.add(new Outcome(f, check.plugin(), Outcome.Status.WAIVED, w.get()));
                } else {
                    w.ifPresent(expiredInUse::add);
                    outcomes.add(new Outcome(f, check.plugin(), Outcome.Status.OPEN, w.orElse(null)));
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
        return new CheckReport(
                today, checked, outcomes, expired, failures, facts.all().size());
    }
}
