package io.kbsh.shell.check.run;

import io.kbsh.model.finding.ProbeRequest;
import io.kbsh.model.finding.Severity;
import io.kbsh.model.finding.Waiver;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The result of running checks over an environment: outcomes (findings with their waiver status), the
 * articles checked, waivers that have expired, and checks that failed.
 */
public record CheckReport(
        LocalDate date,
        List<String> articlesChecked,
        List<Outcome> outcomes,
        List<Waiver> expiredWaivers,
        List<CheckFailure> failures,
        int factCount) {

    public CheckReport {
        articlesChecked = List.copyOf(articlesChecked);
        outcomes = List.copyOf(outcomes);
        expiredWaivers = List.copyOf(expiredWaivers);
        failures = List.copyOf(failures);
    }

    /** True when the run was cancelled (Ctrl-C) before every check answered. */
    public boolean cancelled() {
        return failures.stream().anyMatch(f -> f.kind() == CheckFailure.Kind.CANCELLED);
    }

    /** How many checks ran to an answer (with or without findings). */
    public int answered() {
        return articlesChecked.size() - failures.size();
    }

    public List<Outcome> open() {
        return outcomes.stream().filter(Outcome::open).toList();
    }

    /** The worst severity among open findings. */
    public Optional<Severity> worstOpen() {
        return open().stream().map(o -> o.finding().severity()).max(Enum::compareTo);
    }

    /** True when an open (unwaived) finding at or above {@code threshold} exists. */
    public boolean failsAt(Severity threshold) {
        return worstOpen().map(s -> s.atLeast(threshold)).orElse(false);
    }

    /** The probes the open findings ask for, each once, in the order first asked; a waived finding asks for none. */
    public List<ProbeRequest> probeRequests() {
        Map<String, ProbeRequest> distinct = new LinkedHashMap<>();
        for (Outcome o : open()) {
            for (ProbeRequest p : o.finding().probes()) {
                distinct.putIfAbsent(p.describe(), p);
            }
        }
        return List.copyOf(distinct.values());
    }
}
