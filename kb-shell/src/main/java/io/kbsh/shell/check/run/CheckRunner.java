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
import java.util.stream.IntStream;

/**
 * Runs checks over an environment and applies waivers. Plugin code cannot take the run down: a check that
 * throws (any Throwable the JVM survives), returns null, runs past the deadline or is cancelled with
 * Ctrl-C becomes a {@link CheckFailure} naming its plugin and article, and every other check still
 * reports. Each finding keeps the plugin that produced it.
 *
 * <p>The checks of a run go to as many worker threads as there are cores (or as given): a check is pure, so
 * it may run beside others, and beside itself for another environment.
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

    /** From how many environments on the reports are made in parallel. */
    private static final int PARALLEL_REPORTS = 256;

    private final Duration deadline;
    private final int parallelism;

    /** A runner that gives each check {@code deadline} (positive) before it is given up, on one worker per core. */
    public CheckRunner(Duration deadline) {
        this(deadline, Runtime.getRuntime().availableProcessors());
    }

    /**
     * A runner that gives each check {@code deadline} (positive) and runs up to {@code parallelism} (at least 1)
     * checks at once. Checks are pure ({@link io.kbsh.rules.ArticleCheck}), so running them side by side changes
     * nothing but the time: the reports list them in the order given.
     */
    public CheckRunner(Duration deadline, int parallelism) {
        Objects.requireNonNull(deadline, "deadline");
        if (deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("a check deadline must be positive: " + deadline);
        }
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1: " + parallelism);
        }
        this.deadline = deadline;
        this.parallelism = parallelism;
    }

    public static CheckRunner withDefaultDeadline() {
        return new CheckRunner(DEFAULT_DEADLINE);
    }

    public Duration deadline() {
        return deadline;
    }

    public int parallelism() {
        return parallelism;
    }

    /**
     * Runs {@code checks} over {@code environment}. If the calling thread is interrupted (Ctrl-C), the running
     * checks and those not started are reported as cancelled, and the report says so
     * ({@link CheckReport#cancelled()}).
     */
    public CheckReport run(
            List<PluginCheck> checks,
            Environment environment,
            Facts facts,
            ArticleStore knowledge,
            Waivers waivers,
            LocalDate today) {
        return run(checks, List.of(environment), facts, knowledge, waivers, today)
                .get(0);
    }

    /**
     * Runs {@code checks} over each of {@code environments} (with the same facts) in one run: the workers go
     * from one environment to the next without handing back in between, which is what makes a run over
     * thousands of environments cost the checks' time rather than a thread hand-over per environment. One
     * report per environment, in order; an interrupt cancels what is left of all of them.
     */
    public List<CheckReport> run(
            List<PluginCheck> checks,
            List<Environment> environments,
            Facts facts,
            ArticleStore knowledge,
            Waivers waivers,
            LocalDate today) {
        Object[][] results = new CheckBatch(checks, environments, facts, knowledge, deadline, parallelism).evaluate();
        // The same articles were checked in every environment: one list for all the reports (List.copyOf keeps
        // it, where it would copy a Stream.toList, which allows nulls).
        List<String> checked =
                List.copyOf(checks.stream().map(c -> c.article().toString()).toList());
        // Reports are kbsh's own work (waivers, sorting), no plugin code: over many environments they are made on
        // every core, in order, rather than on the caller's thread while the workers sit idle.
        IntStream indexes = IntStream.range(0, results.length);
        if (results.length >= PARALLEL_REPORTS) {
            indexes = indexes.parallel();
        }
        return indexes.mapToObj(i -> report(checks, checked, results[i], facts, waivers, today))
                .toList();
    }

    private static CheckReport report(
            List<PluginCheck> checks,
            List<String> checked,
            Object[] results,
            Facts facts,
            Waivers waivers,
            LocalDate today) {
        List<Outcome> outcomes = new ArrayList<>();
        List<CheckFailure> failures = new ArrayList<>();
        Set<Waiver> expiredInUse = new LinkedHashSet<>();
        for (int i = 0; i < checks.size(); i++) {
            PluginCheck check = checks.get(i);
            if (results[i] instanceof CheckFailure failure) {
                failures.add(failure);
                continue;
            }
            @SuppressWarnings("unchecked")
            List<Finding> findings = (List<Finding>) results[i];
            // Indexed: the batch's copies are random access, and most are empty.
            for (int k = 0, n = findings.size(); k < n; k++) {
                Finding f = findings.get(k);
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
