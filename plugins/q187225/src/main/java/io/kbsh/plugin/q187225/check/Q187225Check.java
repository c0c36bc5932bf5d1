package io.kbsh.plugin.q187225.check;

import io.kbsh.model.article.ArticleBrief;
import io.kbsh.model.article.ArticleId;
import io.kbsh.model.article.ArticleStore;
import io.kbsh.model.env.Component;
import io.kbsh.model.env.Connector;
import io.kbsh.model.env.ConnectorType;
import io.kbsh.model.env.Environment;
import io.kbsh.model.env.Server;
import io.kbsh.model.env.Transport;
import io.kbsh.model.fact.Facts;
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
import java.util.List;

/**
 * Q187225: the MTA of a clustered Exchange Server 5.5 can hit socket errors on X.400 connections over
 * TCP/IP, because of how IP address resources are handled on the cluster. Fixed in a 5.5 service pack:
 * the archive's fix list for 5.5 SP1 (Q242221) lists it.
 */
public final class Q187225Check implements ArticleCheck {

    static final ArticleId ID = new ArticleId(187225);
    static final String PRODUCT = "Exchange Server";
    /** The plugin's own fact: the 5.5 SP1 fix list (Q242221) names this article. */
    static final List<ReleaseLevel> FIXED_IN = List.of(ReleaseLevel.parse("5.5 SP1"));

    private static final ArticleBrief BRIEF = new ArticleBrief(
            ID,
            "XCON: Clustered MTA Generates Socket Errors w/X.400 Connections",
            List.of("Microsoft Exchange Server 5.5"),
            "On a clustered Exchange Server 5.5 computer the MTA may get socket errors when it opens X.400"
                    + " connections over TCP/IP to other Exchange servers, a problem with the cluster's IP address"
                    + " resources. A 5.5 service pack fixes it (the archive's 5.5 SP1 fix list includes it).");

    @Override
    public ArticleBrief article() {
        return BRIEF;
    }

    @Override
    public List<Finding> evaluate(Environment environment, Facts facts, ArticleStore knowledge) {
        FixLevels fix = null;
        List<Finding> findings = new ArrayList<>();
        for (Server s : environment.servers()) {
            if (!s.clustered() || !"5.5".equals(s.exchange().release())) {
                continue;
            }
            List<Connector> x400 = new ArrayList<>();
            for (Connector c : environment.connectorsOf(s)) {
                if (c.type() == ConnectorType.X400 && c.over(Transport.TCPIP)) {
                    x400.add(c);
                }
            }
            if (x400.isEmpty()) {
                continue;
            }
            if (fix == null) {
                fix = FixLevels.resolve(ID, PRODUCT, "exchange", FIXED_IN, "fix list Q242221", knowledge);
            }
            if (!fix.affected(s.exchange())) {
                continue;
            }
            findings.add(finding(s, x400, fix, facts));
        }
        return findings;
    }

    private static Finding finding(Server s, List<Connector> x400, FixLevels fix, Facts facts) {
        ObjectRef target = ObjectRef.server(s.id());
        FixReference ref = fix.referenceFor(s.exchange());
        Finding.Builder f = Finding.builder(
                        ID,
                        Severity.ERROR,
                        "clustered MTA may hit socket errors on X.400 over TCP/IP; install " + PRODUCT + " "
                                + ref.level().map(Object::toString).orElse("the latest 5.5 service pack"))
                .affects(target)
                .fix(ref)
                .evidence("server " + s.id() + " is clustered and runs Exchange Server " + s.exchange())
                .evidence(ref.level()
                        .map(fixed ->
                                s.exchange() + " is below " + fixed + ", the level that fixed it in its release line")
                        .orElse("no service pack of the " + s.exchange().release() + " line is recorded as fixing it"));
        if (!s.components().isEmpty() && !s.has(Component.MTA)) {
            f.evidence("the environment does not list the MTA among " + s.id()
                    + "'s components, yet it has X.400 connectors");
        }
        for (Connector c : x400) {
            f.affects(ObjectRef.connector(c.id()));
            f.evidence("the MTA runs the " + c.describe()
                    + c.remoteMta().map(mta -> " to " + mta).orElse(""));
        }
        fix.target(s.exchange()).ifPresent(level -> f.action(new Action.InstallServicePack(PRODUCT, level, target)));
        f.action(new Action.ManualStep(
                "after the service pack, bring the MTA's cluster resource back online and"
                        + " watch the MTA event log for socket errors",
                target));
        for (Connector c : x400) {
            if (c.remoteMta().isPresent()) {
                f.probe(
                        ProbeRequest.of(
                                "rfc1006",
                                c.remoteMta().get(),
                                102,
                                "the remote MTA of " + c.id() + " accepts a transport connection"),
                        ObjectRef.connector(c.id()),
                        facts);
            }
        }
        return f.build();
    }
}
