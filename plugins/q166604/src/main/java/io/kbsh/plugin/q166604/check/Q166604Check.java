package io.kbsh.plugin.q166604.check;

import io.kbsh.model.article.ArticleBrief;
import io.kbsh.model.article.ArticleId;
import io.kbsh.model.article.ArticleStore;
import io.kbsh.model.env.Component;
import io.kbsh.model.env.Connector;
import io.kbsh.model.env.ConnectorType;
import io.kbsh.model.env.DnsDomain;
import io.kbsh.model.env.Environment;
import io.kbsh.model.env.Firewall;
import io.kbsh.model.env.Server;
import io.kbsh.model.fact.Facts;
import io.kbsh.model.fact.MxFact;
import io.kbsh.model.finding.Action;
import io.kbsh.model.finding.Finding;
import io.kbsh.model.finding.FixReference;
import io.kbsh.model.finding.ObjectRef;
import io.kbsh.model.finding.ProbeRequest;
import io.kbsh.model.finding.Severity;
import io.kbsh.model.version.ReleaseLevel;
import io.kbsh.rules.ArticleCheck;
import io.kbsh.rules.FixLevels;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Q166604: behind a firewall, the Internet Mail Connector (4.0) and Internet Mail Service (5.0) may not
 * fall back to the second MX host when the first is unavailable. Fixed in 4.0 SP5 (fix list Q174189) and
 * 5.0 SP1 (the SP1 readme, Q154481); each line is judged on its own. The {@code mx} probe sharpens the
 * finding: it is an error when the first MX host is down and a later one up, since mail then waits for
 * nothing.
 */
public final class Q166604Check implements ArticleCheck {

    static final ArticleId ID = new ArticleId(166604);
    static final String PRODUCT = "Exchange Server";
    static final List<ReleaseLevel> FIXED_IN = List.of(ReleaseLevel.parse("4.0 SP5"), ReleaseLevel.parse("5.0 SP1"));
    static final Set<String> LINES = Set.of("4.0", "5.0");
    /** MX look-up outcomes that settle how many MX hosts a domain has (others: SERVFAIL, REFUSED, TIMEOUT, ERROR). */
    static final Set<String> CONCLUSIVE = Set.of("OK", "NXDOMAIN", "NODATA", "NULL_MX", "IMPLICIT_MX");

    private static final ArticleBrief BRIEF = new ArticleBrief(
            ID,
            "XFOR: IMS Behind Firewall Does Not Use Second MX Record",
            List.of("Microsoft Exchange Server 4.0", "Microsoft Exchange Server 5.0"),
            "When Exchange Server 4.0 or 5.0 sends Internet mail from behind a firewall, it sometimes does not"
                    + " try the next MX host of a domain when the first one cannot be reached. Service packs fix it:"
                    + " 4.0 SP5 and 5.0 SP1 list it among their fixes.");

    @Override
    public ArticleBrief article() {
        return BRIEF;
    }

    @Override
    public List<Finding> evaluate(Environment environment, Facts facts, ArticleStore knowledge) {
        FixLevels fix = null;
        List<Finding> findings = new ArrayList<>();
        for (Server s : environment.servers()) {
            if (!LINES.contains(s.exchange().release())) {
                continue;
            }
            List<Connector> mail = new ArrayList<>();
            for (Connector c : environment.connectorsOf(s)) {
                if (c.type() == ConnectorType.INTERNET_MAIL) {
                    mail.add(c);
                }
            }
            if (mail.isEmpty() && !s.has(Component.INTERNET_MAIL)) {
                continue;
            }
            Set<String> firewalls = new LinkedHashSet<>();
            environment.firewallsProtecting(s).forEach(f -> firewalls.add(f.id()));
            mail.forEach(c ->
                    environment.firewallsOnPath(c).stream().map(Firewall::id).forEach(firewalls::add));
            if (firewalls.isEmpty()) {
                continue;
            }
            if (fix == null) {
                fix = FixLevels.resolve(
                        ID, PRODUCT, "exchange", FIXED_IN, "fix lists Q174189 (4.0) and Q154481 (5.0)", knowledge);
            }
            if (!fix.affected(s.exchange())) {
                continue;
            }
            for (Connector c : mail) {
                for (String domain : c.domains()) {
                    finding(environment, facts, s, c, domain, firewalls, fix).ifPresent(findings::add);
                }
            }
        }
        return findings;
    }

    private static Optional<Finding> finding(
            Environment env, Facts facts, Server s, Connector c, String domain, Set<String> firewalls, FixLevels fix) {
        Optional<DnsDomain> described = env.domain(domain);
        Optional<MxFact> probed = facts.mx(domain);
        long describedHosts = described.map(DnsDomain::hostCount).orElse(0L);
        long probedHosts = probed.map(m ->
                        m.hosts().stream().map(MxFact.Host::name).distinct().count())
                .orElse(0L);
        ObjectRef target = ObjectRef.server(s.id());
        FixReference ref = fix.referenceFor(s.exchange());
        if (describedHosts == 0
                && probed.map(m -> !CONCLUSIVE.contains(m.dnsOutcome())).orElse(true)) {
            // Nobody knows the MX set yet: without this finding no one would ask the mx probe to find out.
            return Optional.of(unknownMxSet(s, c, domain, firewalls, ref, probed));
        }
        if (describedHosts < 2 && probedHosts < 2) {
            // One MX host (or none): there is no second record to fall back to.
            return Optional.empty();
        }
        boolean firstDown = probed.map(MxFact::firstDownLaterUp).orElse(false);
        Finding.Builder f = Finding.builder(
                        ID,
                        firstDown ? Severity.ERROR : Severity.WARNING,
                        firstDown
                                ? "first MX host of " + domain + " is down and the " + s.internetMailName()
                                        + " may not fall back to the next"
                                : "the " + s.internetMailName() + " may not fall back to the second MX host of "
                                        + domain)
                .affects(target)
                .affects(ObjectRef.connector(c.id()))
                .affects(ObjectRef.domain(domain))
                .fix(ref)
                .evidence("server " + s.id() + " runs Exchange Server " + s.exchange() + " behind firewall "
                        + String.join(", ", firewalls))
                .evidence(ref.level()
                        .map(fixed ->
                                s.exchange() + " is below " + fixed + ", the level that fixed it in its release line")
                        .orElse("no service pack of the " + s.exchange().release() + " line is recorded as fixing it"));
        if (describedHosts >= 2) {
            f.evidence(domain + " has " + describedHosts + " MX hosts in the environment: "
                    + String.join(
                            ", ",
                            described.get().byPreference().stream()
                                    .map(r -> r.preference() + " " + r.host())
                                    .toList()));
        }
        probed.ifPresent(m -> f.evidence("probe: " + m.describe()
                + (m.firstDownLaterUp() ? " (first host down, a later one up: the case the article describes)" : "")));
        probed.filter(m -> m.fallbackDelivers() && m.firstHostOnly() == MxFact.FirstHostOnly.INDETERMINATE)
                .ifPresent(m -> f.evidence(indeterminate(m)));
        fix.target(s.exchange()).ifPresent(level -> f.action(new Action.InstallServicePack(PRODUCT, level, target)));
        f.probe(mxProbe(domain), ObjectRef.domain(domain));
        return Optional.of(f.build());
    }

    /**
     * Hosts of equal, lowest preference of which some accept and some do not: a sender picks one of them at
     * random (RFC 5321), so whether one that tries only the first host fails is decided by its pick, not by
     * the order this probe happened to try them in. The finding stays a warning either way.
     */
    private static String indeterminate(MxFact m) {
        int lowest = m.hosts().stream().mapToInt(MxFact.Host::preference).min().orElse(0);
        Set<String> up = new java.util.TreeSet<>();
        Set<String> down = new java.util.TreeSet<>();
        for (MxFact.Host h : m.hosts()) {
            if (h.preference() == lowest) {
                (h.status() == io.kbsh.model.fact.ProbeStatus.OK ? up : down).add(h.name());
            }
        }
        down.removeAll(up);
        return "of the MX hosts of preference " + lowest + ", " + String.join(", ", up) + " accept"
                + (up.size() == 1 ? "s" : "")
                + " mail and " + String.join(", ", down) + " do" + (down.size() == 1 ? "es" : "")
                + " not: a sender that tries only"
                + " the first host fails or not depending on which of them it picks (indeterminate)";
    }

    /** Everything else matches, but the environment lists no MX records for the domain and no probe has told. */
    private static Finding unknownMxSet(
            Server s, Connector c, String domain, Set<String> firewalls, FixReference ref, Optional<MxFact> probed) {
        Finding.Builder f = Finding.builder(
                        ID,
                        Severity.INFO,
                        "the " + s.internetMailName() + " may not fall back" + " to a second MX host of " + domain
                                + "; probe mx to learn whether it has one")
                .affects(ObjectRef.server(s.id()))
                .affects(ObjectRef.connector(c.id()))
                .affects(ObjectRef.domain(domain))
                .fix(ref)
                .evidence("server " + s.id() + " runs Exchange Server " + s.exchange() + " behind firewall "
                        + String.join(", ", firewalls) + ", below the level that fixed it")
                .evidence("the environment lists no MX records for " + domain
                        + ", so whether it has a second MX host is unknown");
        probed.ifPresent(m -> f.evidence("probe: " + m.describe() + " (the look-up did not conclude)"));
        return f.probe(mxProbe(domain), ObjectRef.domain(domain)).build();
    }

    private static ProbeRequest mxProbe(String domain) {
        return ProbeRequest.of("mx", domain, 0, "which MX hosts of " + domain + " accept mail, in order");
    }
}
