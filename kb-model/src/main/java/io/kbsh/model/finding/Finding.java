package io.kbsh.model.finding;

import io.kbsh.model.article.ArticleId;
import io.kbsh.model.fact.EndpointFact;
import io.kbsh.model.fact.Facts;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a check found: the article, how bad it is, a one-line summary, the objects affected, the evidence
 * (in words a person can follow), whether the match is within the article's stated scope or by analogy,
 * the fix level it relied on (empty when it relied on none), the resolution as actions, and probes that would
 * sharpen it.
 *
 * @since 2.0
 */
public record Finding(
        ArticleId article,
        Severity severity,
        String summary,
        List<ObjectRef> affected,
        List<String> evidence,
        Scope scope,
        Optional<FixReference> fix,
        List<Action> resolution,
        List<ProbeRequest> probes) {

    public Finding {
        Objects.requireNonNull(article, "article");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(fix, "fix");
        affected = List.copyOf(affected);
        evidence = List.copyOf(evidence);
        resolution = List.copyOf(resolution);
        probes = List.copyOf(probes);
        if (affected.isEmpty()) {
            throw new IllegalArgumentException("a finding must name at least one affected object");
        }
    }

    /** The first affected object, which waivers and reports key on. */
    public ObjectRef subject() {
        return affected.get(0);
    }

    public static Builder builder(ArticleId article, Severity severity, String summary) {
        return new Builder(article, severity, summary);
    }

    /**
     * Collects a finding step by step, as checks discover the evidence.
     *
     * @since 2.0
     */
    public static final class Builder {
        private final ArticleId article;
        private Severity severity;
        private final String summary;
        private final List<ObjectRef> affected = new ArrayList<>();
        private final List<String> evidence = new ArrayList<>();
        private Scope scope = Scope.STATED;
        private Optional<FixReference> fix = Optional.empty();
        private final List<Action> resolution = new ArrayList<>();
        private final List<ProbeRequest> probes = new ArrayList<>();

        private Builder(ArticleId article, Severity severity, String summary) {
            this.article = article;
            this.severity = severity;
            this.summary = summary;
        }

        public Builder affects(ObjectRef ref) {
            if (!affected.contains(ref)) {
                affected.add(ref);
            }
            return this;
        }

        public Builder evidence(String line) {
            evidence.add(line);
            return this;
        }

        public Builder severity(Severity s) {
            severity = s;
            return this;
        }

        public Builder scope(Scope s) {
            scope = s;
            return this;
        }

        public Builder fix(FixReference f) {
            fix = Optional.of(f);
            return this;
        }

        public Builder action(Action a) {
            resolution.add(a);
            return this;
        }

        /** Asks for a probe as evidence; also listed as a verification step of the resolution. */
        public Builder probe(ProbeRequest p, ObjectRef target) {
            probes.add(p);
            resolution.add(new Action.Verify(p, target));
            return this;
        }

        /**
         * {@link #probe(ProbeRequest, ObjectRef)}, and what runs of that probe found (facts of the same probe,
         * host and port) as evidence: the newest first, then the older ones with their times.
         */
        public Builder probe(ProbeRequest p, ObjectRef target, Facts facts) {
            probe(p, target);
            if (p.port() > 0) {
                // The newest decides and reads as before; older runs follow, each with its time.
                List<EndpointFact> history = facts.history(p.probe(), p.host(), p.port());
                for (int i = history.size() - 1; i >= 0; i--) {
                    EndpointFact fact = history.get(i);
                    evidence(
                            i == history.size() - 1
                                    ? "probe: " + fact.describe()
                                    : "probe earlier (" + fact.observedAt() + "): " + fact.describe());
                }
            }
            return this;
        }

        public Finding build() {
            return new Finding(article, severity, summary, affected, evidence, scope, fix, resolution, probes);
        }
    }
}
