package io.kbsh.shell.discover;

import io.kbsh.model.article.ArticleBrief;
import io.kbsh.model.article.ArticleId;
import io.kbsh.model.article.ArticleStore;
import io.kbsh.model.env.Environment;
import io.kbsh.model.env.Server;
import io.kbsh.model.fact.EndpointFact;
import io.kbsh.model.fact.Fact;
import io.kbsh.model.fact.Facts;
import io.kbsh.model.finding.Finding;
import io.kbsh.model.finding.ObjectRef;
import io.kbsh.model.finding.Severity;
import io.kbsh.model.version.ReleaseLevel;
import io.kbsh.rules.ArticleCheck;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Built-in check (Q257618 and the other build-number articles): a server's declared Exchange level that its
 * own greetings contradict. Reads the newest greeting fact of each of the server's addresses (from {@code
 * probe}, {@code env discover} or {@code diagnose}), maps the build to its level by range and reports a
 * finding when the wire shows another release or service pack than the environment states.
 */
public final class DeclaredLevelCheck implements ArticleCheck {

    static final ArticleId ID = new ArticleId(257618);

    private static final ArticleBrief BRIEF = new ArticleBrief(
            ID,
            "XCON: Exchange Server IMC, Internet Mail Service Build Numbers",
            List.of("Microsoft Exchange Server 4.0", "Microsoft Exchange Server 5.0", "Microsoft Exchange Server 5.5"),
            "The Exchange build in a server's SMTP, POP3, IMAP4 or NNTP greeting names its release and service"
                    + " pack (builds between two packs are hotfixes of the lower one). kbsh compares it with the"
                    + " level the environment declares; this article and Q163294, Q158530, Q166349 and Q158336"
                    + " give the builds.");

    private final ExchangeBuilds builds;

    public DeclaredLevelCheck() {
        this(ExchangeBuilds.bundled());
    }

    DeclaredLevelCheck(ExchangeBuilds builds) {
        this.builds = builds;
    }

    @Override
    public ArticleBrief article() {
        return BRIEF;
    }

    @Override
    public List<Finding> evaluate(Environment environment, Facts facts, ArticleStore knowledge) {
        List<Finding> findings = new ArrayList<>();
        for (Server s : environment.servers()) {
            Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
            names.add(s.id());
            names.addAll(s.addresses());
            ReleaseLevel declared = s.exchange();
            List<String> contradicting = new ArrayList<>();
            for (EndpointFact f : newestGreetings(facts, names)) {
                Optional<WireLevel> wire = WireLevel.of(f, builds);
                if (wire.isEmpty() || wire.get().match().isEmpty()) {
                    continue;
                }
                ReleaseLevel seen = wire.get().match().get().level();
                if (!seen.equals(declared)) {
                    contradicting.add(wire.get().describe());
                }
            }
            if (!contradicting.isEmpty()) {
                ObjectRef server = ObjectRef.server(s.id());
                Finding.Builder b = Finding.builder(
                                ID,
                                Severity.WARNING,
                                "server " + s.id() + " is declared as Exchange " + declared
                                        + ", but its greetings show another level")
                        .affects(server)
                        .evidence("declared: Exchange " + declared);
                contradicting.forEach(b::evidence);
                findings.add(b.build());
            }
        }
        return findings;
    }

    /** The newest fact of each greeting probe and endpoint of the server. */
    private static List<EndpointFact> newestGreetings(Facts facts, Set<String> names) {
        Map<String, EndpointFact> newest = new LinkedHashMap<>();
        for (Fact f : facts.all()) {
            if (f instanceof EndpointFact e
                    && names.contains(e.host())
                    && WireLevel.GREETING_PROBES.contains(e.probe())) {
                newest.put(Facts.historyKey(e).toLowerCase(Locale.ROOT), e);
            }
        }
        return List.copyOf(newest.values());
    }
}
