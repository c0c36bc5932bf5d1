package io.kbsh.testkit;

import io.kbsh.model.finding.Action;
import io.kbsh.model.finding.Finding;
import io.kbsh.model.finding.ObjectRef;
import io.kbsh.model.finding.ProbeRequest;
import io.kbsh.model.finding.Severity;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Assertions on what a check found, with failure messages that show the findings:
 * <pre>{@code
 * FindingAssert.assertThat(check.evaluate(env, facts, store))
 *         .single()
 *         .hasSeverity(Severity.ERROR)
 *         .affects(ObjectRef.server("EXCH1"))
 *         .hasEvidence("no Wspcfg.ini")
 *         .resolves(Action.RunIniWriter.class)
 *         .asksProbe("pop3", "203.0.113.5", 995);
 * }</pre>
 * Failures are plain {@link AssertionError}s, so the kit works under any test framework.
 */
public final class FindingAssert {

    private final Finding finding;

    private FindingAssert(Finding finding) {
        this.finding = finding;
    }

    /** Starts on a list of findings. */
    public static Findings assertThat(List<Finding> findings) {
        return new Findings(List.copyOf(findings));
    }

    /** Starts on one finding. */
    public static FindingAssert assertThat(Finding finding) {
        return new FindingAssert(finding);
    }

    /** The finding under test, for assertions of your own. */
    public Finding finding() {
        return finding;
    }

    public FindingAssert hasSeverity(Severity severity) {
        return check(finding.severity() == severity, "severity " + severity);
    }

    public FindingAssert isAbout(String article) {
        return check(finding.article().toString().equalsIgnoreCase(article), "article " + article);
    }

    public FindingAssert affects(ObjectRef ref) {
        return check(finding.affected().contains(ref), "affecting " + ref.kind() + " " + ref.id());
    }

    /** The summary contains {@code text}. */
    public FindingAssert hasSummary(String text) {
        return check(finding.summary().contains(text), "a summary containing '" + text + "'");
    }

    /** Some line of evidence contains {@code text}. */
    public FindingAssert hasEvidence(String text) {
        return check(finding.evidence().stream().anyMatch(e -> e.contains(text)), "evidence containing '" + text + "'");
    }

    /** No line of evidence contains {@code text}. */
    public FindingAssert hasNoEvidence(String text) {
        return check(
                finding.evidence().stream().noneMatch(e -> e.contains(text)), "no evidence containing '" + text + "'");
    }

    /** Some action of the resolution is of {@code kind} (e.g. {@code Action.RunIniWriter.class}). */
    public FindingAssert resolves(Class<? extends Action> kind) {
        return check(finding.resolution().stream().anyMatch(kind::isInstance), "a " + kind.getSimpleName() + " action");
    }

    /** The first action of the resolution that is of {@code kind}; fails when there is none. */
    public <A extends Action> A action(Class<A> kind) {
        resolves(kind);
        return finding.resolution().stream()
                .filter(kind::isInstance)
                .map(kind::cast)
                .findFirst()
                .orElseThrow();
    }

    /** The finding asks probe {@code probe} of {@code host}:{@code port} to sharpen it. */
    public FindingAssert asksProbe(String probe, String host, int port) {
        return check(request(probe, host, port).isPresent(), "a request for probe " + probe + " " + host + ":" + port);
    }

    /** The probe request for {@code probe} of {@code host}:{@code port}; fails when there is none. */
    public ProbeRequest probeRequest(String probe, String host, int port) {
        asksProbe(probe, host, port);
        return request(probe, host, port).orElseThrow();
    }

    private Optional<ProbeRequest> request(String probe, String host, int port) {
        return finding.probes().stream()
                .filter(p -> p.probe().equals(probe) && p.host().equalsIgnoreCase(host) && p.port() == port)
                .findFirst();
    }

    private FindingAssert check(boolean ok, String expected) {
        if (!ok) {
            throw new AssertionError("expected a finding with " + expected + ", got:\n" + describe(finding));
        }
        return this;
    }

    static String describe(Finding f) {
        StringBuilder sb = new StringBuilder("  ")
                .append(f.article())
                .append(' ')
                .append(f.severity())
                .append(' ')
                .append(f.subject().kind())
                .append(' ')
                .append(f.subject().id())
                .append(": ")
                .append(f.summary());
        f.evidence().forEach(e -> sb.append("\n    because ").append(e));
        f.resolution().forEach(a -> sb.append("\n    - ").append(a.describe()));
        f.probes()
                .forEach(p -> sb.append("\n    probe ")
                        .append(p.probe())
                        .append(' ')
                        .append(p.host())
                        .append(':')
                        .append(p.port()));
        return sb.toString();
    }

    /** Assertions on a list of findings. */
    public static final class Findings {
        private final List<Finding> findings;

        private Findings(List<Finding> findings) {
            this.findings = findings;
        }

        public Findings isEmpty() {
            if (!findings.isEmpty()) {
                throw new AssertionError("expected no findings, got " + findings.size() + ":\n" + describeAll());
            }
            return this;
        }

        public Findings hasSize(int n) {
            if (findings.size() != n) {
                throw new AssertionError(
                        "expected " + n + " finding(s), got " + findings.size() + ":\n" + describeAll());
            }
            return this;
        }

        /** The one finding; fails unless there is exactly one. */
        public FindingAssert single() {
            hasSize(1);
            return new FindingAssert(findings.get(0));
        }

        /** The finding that affects {@code ref}; fails unless exactly one does. */
        public FindingAssert about(ObjectRef ref) {
            return only(f -> f.affected().contains(ref), "affecting " + ref.kind() + " " + ref.id());
        }

        private FindingAssert only(Predicate<Finding> which, String what) {
            List<Finding> matching = findings.stream().filter(which).toList();
            if (matching.size() != 1) {
                throw new AssertionError(
                        "expected one finding " + what + ", got " + matching.size() + " of:\n" + describeAll());
            }
            return new FindingAssert(matching.get(0));
        }

        private String describeAll() {
            return findings.isEmpty()
                    ? "  (none)"
                    : String.join(
                            "\n", findings.stream().map(FindingAssert::describe).toList());
        }
    }
}
