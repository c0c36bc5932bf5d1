package io.kbsh.model.fact;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable collection of facts with the look-ups checks need. A newer fact about an endpoint or a
 * domain is kept beside the older ones, each with its time: checks use the newest ({@link #newest}, {@link
 * #mx}), evidence can show the history ({@link #history}).
 *
 * @since 2.0
 */
public record Facts(List<Fact> all) {

    private static final Facts NONE = new Facts(List.of());

    public Facts {
        all = List.copyOf(all);
    }

    public static Facts none() {
        return NONE;
    }

    public boolean isEmpty() {
        return all.isEmpty();
    }

    /** These facts plus {@code more}; a later fact about the same thing does not remove an earlier one. */
    public Facts with(List<? extends Fact> more) {
        List<Fact> merged = new ArrayList<>(all);
        merged.addAll(more);
        return new Facts(merged);
    }

    /**
     * {@link #with}, keeping at most {@code perSubject} facts about each subject (one probe of one endpoint,
     * or one domain): the oldest go first, so that a long session stays bounded.
     *
     * @since 2.1
     */
    public Facts with(List<? extends Fact> more, int perSubject) {
        if (perSubject < 1) {
            throw new IllegalArgumentException("perSubject must be at least 1: " + perSubject);
        }
        List<Fact> merged = with(more).all;
        Map<String, Integer> left = new HashMap<>();
        List<Fact> kept = new ArrayList<>();
        for (int i = merged.size() - 1; i >= 0; i--) {
            Fact f = merged.get(i);
            int n = left.merge(historyKey(f), 1, Integer::sum);
            if (n <= perSubject) {
                kept.add(0, f);
            }
        }
        return new Facts(kept);
    }

    /**
     * The probe and {@link Fact#subject()} of a fact, case-folded: facts with the same key form a history.
     *
     * @since 2.1
     */
    public static String historyKey(Fact fact) {
        return fact.probe() + " " + fact.subject().toLowerCase(Locale.ROOT);
    }

    /** Endpoint facts about {@code host} and {@code port} (any probe), oldest first, newest last. */
    public List<EndpointFact> endpoint(String host, int port) {
        return all.stream()
                .filter(EndpointFact.class::isInstance)
                .map(EndpointFact.class::cast)
                .filter(f -> f.port() == port && f.host().equalsIgnoreCase(host))
                .toList();
    }

    /**
     * What probe {@code probe} found at {@code host} and {@code port} over time, oldest first.
     *
     * @since 2.1
     */
    public List<EndpointFact> history(String probe, String host, int port) {
        return endpoint(host, port).stream()
                .filter(f -> f.probe().equals(probe))
                .toList();
    }

    /**
     * The newest fact of {@code probe} about {@code host} and {@code port}: the one checks decide on.
     *
     * @since 2.1
     */
    public Optional<EndpointFact> newest(String probe, String host, int port) {
        List<EndpointFact> h = history(probe, host, port);
        return h.isEmpty() ? Optional.empty() : Optional.of(h.get(h.size() - 1));
    }

    /** The newest MX fact for {@code domain}. */
    public Optional<MxFact> mx(String domain) {
        String wanted = domain.toLowerCase(Locale.ROOT);
        MxFact found = null;
        for (Fact f : all) {
            if (f instanceof MxFact mx && mx.domain().toLowerCase(Locale.ROOT).equals(wanted)) {
                found = mx;
            }
        }
        return Optional.ofNullable(found);
    }
}
