package io.kbsh.shell.discover;

import io.kbsh.model.fact.EndpointFact;
import io.kbsh.model.fact.ProbeStatus;
import java.util.Optional;
import java.util.Set;

/**
 * The Exchange level one greeting shows: the greeting as read and the build table's match for it. What both
 * {@code env discover} and the declared-level check decide from.
 *
 * @param greeting what the greeting says
 * @param match    the level its build maps to, when it carries a build the table knows
 * @param line     the greeting line
 * @param origin   {@code host:port} where it was seen
 */
public record WireLevel(Greeting greeting, Optional<ExchangeBuilds.Match> match, String line, String origin) {

    /** The probes whose greeting carries an Exchange build. */
    public static final Set<String> GREETING_PROBES = Set.of("smtp", "pop3", "imap4", "nntp");

    /** What {@code fact}'s greeting shows; empty when it is no greeting probe that reached a greeting. */
    public static Optional<WireLevel> of(EndpointFact fact, ExchangeBuilds builds) {
        if (!GREETING_PROBES.contains(fact.probe())) {
            return Optional.empty();
        }
        Optional<String> line = fact.evidence().text("greeting");
        if (line.isEmpty() || fact.status() == ProbeStatus.PROTOCOL_ERROR) {
            return Optional.empty();
        }
        Greeting g = Greeting.read(fact.probe(), line.get());
        Optional<ExchangeBuilds.Match> m = g.release().isPresent() && g.build().isPresent()
                ? builds.level(g.component(), g.release().get(), g.build().getAsInt())
                : Optional.empty();
        return Optional.of(new WireLevel(g, m, line.get(), fact.subject()));
    }

    /** One line of evidence: where, what was said, what it means and by which article. */
    public String describe() {
        String meaning = match.map(
                        m -> "build " + greeting.build().getAsInt() + " is " + m.describe() + " (" + m.article() + ")")
                .orElseGet(() -> greeting.exchange()
                        ? greeting.release()
                                .map(r -> "Exchange " + r + ", no build in the greeting")
                                .orElse("Exchange, no version")
                        : "not Exchange");
        return origin + " said '" + line + "': " + meaning;
    }
}
