package io.kbsh.plugin.q165057.check;

import io.kbsh.model.article.ArticleBrief;
import io.kbsh.model.article.ArticleId;
import io.kbsh.model.article.ArticleStore;
import io.kbsh.model.env.Connector;
import io.kbsh.model.env.ConnectorType;
import io.kbsh.model.env.DnsDomain;
import io.kbsh.model.env.Environment;
import io.kbsh.model.env.MxRecord;
import io.kbsh.model.env.ProxyServer;
import io.kbsh.model.env.Server;
import io.kbsh.model.env.Transport;
import io.kbsh.model.fact.Facts;
import io.kbsh.model.finding.Action;
import io.kbsh.model.finding.Finding;
import io.kbsh.model.finding.ObjectRef;
import io.kbsh.model.finding.ProbeRequest;
import io.kbsh.model.finding.Scope;
import io.kbsh.model.finding.Severity;
import io.kbsh.rules.ArticleCheck;
import java.util.ArrayList;
import java.util.List;

/**
 * Q165057: Proxy Server 1.0 only serves WinSock applications and does not route IP packets, and neither
 * the X.400 connector nor the Internet Mail Service is a WinSock application; so sites joined by either
 * across a Proxy Server 1.0 cannot reach each other. The article names Exchange 5.0; other Exchange
 * versions on the same path get a finding marked as by analogy.
 */
public final class Q165057Check implements ArticleCheck {

    static final ArticleId ID = new ArticleId(165057);

    private static final ArticleBrief BRIEF = new ArticleBrief(
            ID,
            "XCON: Can't Connect Exchange Server Sites w/ Proxy Server",
            List.of("Microsoft Exchange Server 5.0", "Microsoft Proxy Server 1.0"),
            "Proxy Server 1.0 only carries traffic for WinSock applications and does not route IP packets."
                    + " The X.400 connector and the Internet Mail Service do not use WinSock that way, so two"
                    + " Exchange sites cannot be connected with either of them through a Proxy Server 1.0; the"
                    + " configuration is unsupported.");

    @Override
    public ArticleBrief article() {
        return BRIEF;
    }

    @Override
    public List<Finding> evaluate(Environment environment, Facts facts, ArticleStore knowledge) {
        List<Finding> findings = new ArrayList<>();
        for (Connector c : environment.connectors()) {
            boolean ipConnector = (c.type() == ConnectorType.X400 && c.over(Transport.TCPIP))
                    || c.type() == ConnectorType.INTERNET_MAIL;
            if (!ipConnector || c.path().isEmpty()) {
                continue;
            }
            List<ProxyServer> oldProxies = new ArrayList<>();
            for (ProxyServer p : environment.proxiesOnPath(c)) {
                if (p.isRelease("1.0")) {
                    oldProxies.add(p);
                }
            }
            Server server = environment.server(c.server()).orElse(null);
            if (oldProxies.isEmpty() || server == null) {
                continue;
            }
            findings.add(finding(environment, facts, c, server, oldProxies));
        }
        return findings;
    }

    private Finding finding(Environment env, Facts facts, Connector c, Server server, List<ProxyServer> proxies) {
        boolean stated = "5.0".equals(server.exchange().release());
        String kind = c.type() == ConnectorType.X400 ? "X.400 connector" : server.internetMailName();
        ObjectRef target = ObjectRef.connector(c.id());
        Finding.Builder f = Finding.builder(
                        ID,
                        stated ? Severity.CRITICAL : Severity.WARNING,
                        "the " + kind + " crosses Proxy Server 1.0, which cannot carry it: the sites cannot connect")
                .scope(stated ? Scope.STATED : Scope.ANALOGY)
                .affects(target)
                .affects(ObjectRef.server(server.id()));
        for (ProxyServer p : proxies) {
            f.affects(ObjectRef.proxy(p.id()));
            f.evidence(
                    "the path of " + c.describe() + " crosses proxy " + p.id() + " (Proxy Server " + p.version() + ")");
        }
        f.evidence("the " + kind + " of Exchange Server " + server.exchange() + " on " + server.id()
                + " is not a WinSock application, and Proxy Server 1.0 routes no IP packets");
        if (!stated) {
            f.evidence("the article names Exchange Server 5.0; " + server.exchange() + " is included by analogy");
        }
        f.action(new Action.ManualStep(
                "connect the sites over a path that routes IP packets instead of through"
                        + " the Proxy Server 1.0 computer (the article calls this configuration unsupported)",
                target));
        for (ProbeRequest probe : verification(env, c)) {
            f.probe(probe, target, facts);
        }
        return f.build();
    }

    /** rfc1006 to the remote MTA of an X.400 connector; smtp to the first MX host (or remote host) of the IMS. */
    private static List<ProbeRequest> verification(Environment env, Connector c) {
        List<ProbeRequest> probes = new ArrayList<>();
        if (c.type() == ConnectorType.X400) {
            c.remoteMta()
                    .ifPresent(mta -> probes.add(
                            ProbeRequest.of("rfc1006", mta, 102, "the remote MTA accepts a transport connection")));
            return probes;
        }
        c.remoteMta().ifPresent(host -> probes.add(ProbeRequest.of("smtp", host, 25, "the remote SMTP host answers")));
        for (String domain : c.domains()) {
            env.domain(domain)
                    .map(DnsDomain::byPreference)
                    .filter(l -> !l.isEmpty())
                    .map(l -> l.get(0))
                    .map(MxRecord::host)
                    .ifPresent(h ->
                            probes.add(ProbeRequest.of("smtp", h, 25, "the first MX host of " + domain + " answers")));
        }
        return probes;
    }
}
