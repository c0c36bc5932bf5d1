package io.kbsh.model.env;

import io.kbsh.model.article.ArticleId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a derived field came from: {@code env discover} (a greeting on the wire), {@code env collect} (a
 * file copied off the server) or a probe. In JSON an object's derived fields are named in its
 * {@code provenance} member, e.g. {@code "provenance": {"exchange": {"source": "discover", "evidence":
 * "220 ... Microsoft Exchange Internet Mail Service 5.5.2448.0", "origin": "10.0.0.5:25", "article":
 * "Q191499", "observedAt": "2026-12-01T22:00:00Z"}}}. A field without provenance was stated by a person.
 *
 * @param source what derived the field
 * @param evidence what was seen, in one line (a greeting, a registry value, an INI line)
 * @param origin where it was seen: {@code host:port} on the wire, {@code file} or {@code file:line} of a
 *     collected file
 * @param article the article whose facts turned the evidence into the field (a build table, say)
 * @param observedAt when it was seen
 * @since 2.1
 */
public record Provenance(
        Source source,
        String evidence,
        Optional<String> origin,
        Optional<ArticleId> article,
        Optional<Instant> observedAt) {

    /**
     * What derived a field.
     *
     * @since 2.1
     */
    public enum Source {
        /** {@code env discover}: what a server said on the wire. */
        DISCOVER,
        /** {@code env collect}: a file copied off the server (INI copy, registry or event-log export). */
        COLLECT,
        /** A probe's fact, taken into the environment. */
        PROBE
    }

    public Provenance {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(evidence, "evidence");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(article, "article");
        Objects.requireNonNull(observedAt, "observedAt");
        if (evidence.isBlank()) {
            throw new IllegalArgumentException("provenance needs its evidence");
        }
    }

    /** Provenance with evidence only. */
    public static Provenance of(Source source, String evidence) {
        return new Provenance(source, evidence, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** This provenance with the place the evidence was seen. */
    public Provenance from(String where) {
        return new Provenance(source, evidence, Optional.of(where), article, observedAt);
    }

    /** This provenance naming the article whose facts were used. */
    public Provenance citing(ArticleId id) {
        return new Provenance(source, evidence, origin, Optional.of(id), observedAt);
    }

    /** This provenance with the time the evidence was seen. */
    public Provenance at(Instant when) {
        return new Provenance(source, evidence, origin, article, Optional.of(when));
    }

    /** One line for people, e.g. {@code discover: 220 ... 5.5.2448.0 (10.0.0.5:25, Q191499)}. */
    public String describe() {
        StringBuilder sb = new StringBuilder(source.name().toLowerCase(java.util.Locale.ROOT))
                .append(": ")
                .append(evidence);
        if (origin.isPresent() || article.isPresent()) {
            sb.append(" (");
            origin.ifPresent(sb::append);
            if (origin.isPresent() && article.isPresent()) {
                sb.append(", ");
            }
            article.ifPresent(sb::append);
            sb.append(')');
        }
        return sb.toString();
    }
}
