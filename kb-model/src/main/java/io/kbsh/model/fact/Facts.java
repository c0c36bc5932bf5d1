package io.kbsh.model.fact;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** An immutable collection of facts with the look-ups checks need. */
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

    /** Endpoint facts about {@code host} and {@code port} (any probe), newest last. */
    public List<EndpointFact> endpoint(String host, int port) {
        return all.stream()
                .filter(EndpointFact.class::isInstance)
                .map(EndpointFact.class::cast)
                .filter(f -> f.port() == port && f.host().equalsIgnoreCase(host))
                .toList();
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
