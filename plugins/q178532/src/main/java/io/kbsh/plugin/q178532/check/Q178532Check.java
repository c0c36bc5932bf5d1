package io.kbsh.plugin.q178532.check;

import io.kbsh.model.article.ArticleBrief;
import io.kbsh.model.article.ArticleId;
import io.kbsh.model.article.ArticleStore;
import io.kbsh.model.env.Environment;
import io.kbsh.model.env.IniFile;
import io.kbsh.model.env.Protocol;
import io.kbsh.model.env.ProxyServer;
import io.kbsh.model.env.Publication;
import io.kbsh.model.env.Server;
import io.kbsh.model.fact.Facts;
import io.kbsh.model.finding.Action;
import io.kbsh.model.finding.Finding;
import io.kbsh.model.finding.ObjectRef;
import io.kbsh.model.finding.ProbeRequest;
import io.kbsh.model.finding.Severity;
import io.kbsh.model.version.ReleaseLevel;
import io.kbsh.rules.ArticleCheck;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Q178532: to publish POP3, IMAP4, LDAP or NNTP of an Exchange 5.0/5.5 server through a Proxy Server 2.0
 * running on another computer, the Exchange server needs the WinSock Proxy client and a {@code Wspcfg.ini}
 * beside Store.exe (Exchsrvr\Bin) binding the ports on the proxy's external interface. The archive's
 * Q181420 adds: the file must not be Unicode, and SSL ports need {@code ProxyBindIP}, Proxy Server 2.0 SP1
 * and the Q232588 fix. Each missing piece is reported.
 */
public final class Q178532Check implements ArticleCheck {

    static final ArticleId ID = new ArticleId(178532);
    static final String INI_NAME = "Wspcfg.ini";
    static final String DEFAULT_PATH = "C:\\Exchsrvr\\Bin\\Wspcfg.ini";
    static final ReleaseLevel PROXY_SSL_LEVEL = ReleaseLevel.parse("2.0 SP1");
    static final String SSL_HOTFIX = "Q232588";
    /** The Exchange lines the article covers; 4.0 served none of these protocols. */
    static final Set<String> LINES = Set.of("5.0", "5.5");

    private static final ArticleBrief BRIEF = new ArticleBrief(
            ID,
            "XFOR: Configuring Exchange Internet Protocols with Proxy Server",
            List.of("Microsoft Exchange Server 5.0", "Microsoft Exchange Server 5.5", "Microsoft Proxy Server 2.0"),
            "Exchange's Internet protocols (POP3, IMAP4, LDAP, NNTP) can be offered to Internet clients through"
                    + " Proxy Server 2.0: with the WinSock Proxy client installed and a Wspcfg.ini beside Store.exe"
                    + " (a [STORE] section, or [DSAMAIN] for LDAP) listing the ports with Persistent and"
                    + " KillOldSession set, the Exchange service listens on the proxy's external interface after a"
                    + " restart. SSL ports also need ProxyBindIP. Not needed when Proxy Server runs on the Exchange"
                    + " server itself.");

    @Override
    public ArticleBrief article() {
        return BRIEF;
    }

    @Override
    public List<Finding> evaluate(Environment environment, Facts facts, ArticleStore knowledge) {
        List<Finding> findings = new ArrayList<>();
        for (Server s : environment.servers()) {
            if (!LINES.contains(s.exchange().release())) {
                continue;
            }
            Map<ProxyServer, List<Publication>> byProxy = new LinkedHashMap<>();
            for (Publication p : environment.publicationsOf(s)) {
                if (p.protocol() == Protocol.SMTP) {
                    continue;
                }
                environment
                        .proxy(p.proxy())
                        .filter(px -> px.isRelease("2.0") && !px.runsOn(s.id()))
                        .ifPresent(px -> byProxy.computeIfAbsent(px, k -> new ArrayList<>())
                                .add(p));
            }
            byProxy.forEach((proxy, pubs) -> findings.add(finding(facts, s, proxy, pubs)));
        }
        return findings;
    }

    private Finding finding(Facts facts, Server s, ProxyServer proxy, List<Publication> pubs) {
        List<String> missing = new ArrayList<>();
        List<String> evidence = new ArrayList<>();
        boolean unknown = false;
        boolean iniNeedsWork = false;
        evidence.add(pubs.stream().map(Publication::describe).collect(Collectors.joining(", "))
                + " of " + s.id() + " (Exchange Server " + s.exchange() + ") published through proxy " + proxy.id()
                + " (Proxy Server " + proxy.version() + "), which runs on another computer");
        if (!s.winsockProxyClient()) {
            missing.add("the WinSock Proxy client is not installed on " + s.id());
        }
        List<IniFile> inBin = s.inis(INI_NAME).stream()
                .filter(f -> f.serverDirectory().toLowerCase(Locale.ROOT).endsWith("\\exchsrvr\\bin"))
                .toList();
        s.inis(INI_NAME).stream()
                .filter(f -> !inBin.contains(f))
                .forEach(f -> evidence.add(f.serverPath() + " is not beside Store.exe, so the store does not read it"));
        s.inis(INI_NAME + ".txt")
                .forEach(f -> missing.add(f.serverPath() + " has a .txt extension; rename it to " + INI_NAME));
        IniFile wspcfg = inBin.isEmpty() ? new IniFile(DEFAULT_PATH) : inBin.get(0);
        if (inBin.isEmpty()) {
            missing.add("no " + INI_NAME + " in Exchsrvr\\Bin");
            iniNeedsWork = true;
        } else if (wspcfg.localCopy().isEmpty()) {
            evidence.add(wspcfg.serverPath() + " exists but no copy was collected, so its contents are unknown");
            unknown = true;
            iniNeedsWork = true;
        } else {
            try {
                WspcfgReview.Result r = WspcfgReview.review(wspcfg, pubs, proxy);
                missing.addAll(r.missing());
                r.present().forEach(p -> evidence.add("present: " + p));
                iniNeedsWork = !r.missing().isEmpty();
            } catch (IOException e) {
                evidence.add("the collected copy " + wspcfg.localCopy().orElseThrow() + " cannot be read: "
                        + e.getMessage());
                unknown = true;
                iniNeedsWork = true;
            }
        }
        boolean ssl = pubs.stream().anyMatch(Publication::ssl);
        boolean proxyTooOld = ssl && !proxy.version().atLeast(PROXY_SSL_LEVEL);
        boolean hotfixMissing = ssl && !s.hasHotfix(SSL_HOTFIX) && !proxy.hasHotfix(SSL_HOTFIX);
        if (proxyTooOld) {
            missing.add("SSL binding needs Proxy Server 2.0 SP1; " + proxy.id() + " runs " + proxy.version()
                    + " (Q181420)");
        }
        if (hotfixMissing) {
            missing.add("SSL binding needs the " + SSL_HOTFIX + " fix, recorded on neither " + s.id() + " nor "
                    + proxy.id());
        }
        Severity severity = !missing.isEmpty() ? Severity.ERROR : unknown ? Severity.WARNING : Severity.INFO;
        String summary = !missing.isEmpty()
                ? missing.size() + " piece(s) missing to publish through Proxy Server 2.0"
                : unknown
                        ? "publishing through Proxy Server 2.0: collect Wspcfg.ini to confirm the set-up"
                        : "publishing through Proxy Server 2.0 is set up as the article describes";
        ObjectRef target = ObjectRef.server(s.id());
        Finding.Builder f =
                Finding.builder(ID, severity, summary).affects(target).affects(ObjectRef.proxy(proxy.id()));
        evidence.forEach(f::evidence);
        missing.forEach(m -> f.evidence("missing: " + m));
        if (!s.winsockProxyClient()) {
            f.action(new Action.ManualStep(
                    "install the WinSock Proxy client on " + s.id() + " and test it with a"
                            + " WinSock application such as telnet or ftp (the proxy passes no ICMP, so ping proves nothing)",
                    target));
        }
        if (proxyTooOld) {
            f.action(new Action.InstallServicePack("Proxy Server", PROXY_SSL_LEVEL, ObjectRef.proxy(proxy.id())));
        }
        if (hotfixMissing) {
            f.action(new Action.ManualStep(
                    "apply the fix of " + SSL_HOTFIX
                            + " (the WinSock Proxy client cannot bind remotely to the proxy without it)",
                    target));
        }
        if (iniNeedsWork) {
            f.action(new Action.RunIniWriter("wspcfg-bind", writerParameters(pubs, proxy), wspcfg, target));
        }
        if (severity != Severity.INFO) {
            f.action(new Action.ManualStep("restart the " + services(pubs) + " on " + s.id(), target));
        }
        String host = proxy.externalAddress().orElse(proxy.id());
        for (Publication p : pubs) {
            ProbeRequest probe = new ProbeRequest(
                    p.protocol().name().toLowerCase(Locale.ROOT),
                    host,
                    p.effectivePort(),
                    p.ssl() ? Map.of("tls", "implicit") : Map.of(),
                    (p.ssl() ? "TLS handshake and greeting of " : "greeting of ") + p.protocol()
                            + " on the proxy's external address");
            f.probe(probe, ObjectRef.proxy(proxy.id()), facts);
        }
        return f.build();
    }

    /**
     * Parameters for the Q178532 INI writer ({@code wspcfg-bind}): the protocols, an {@code s} marking the SSL
     * form ({@code pop3s}), and the proxy's external address for ProxyBindIP when a port is SSL.
     */
    static Map<String, String> writerParameters(List<Publication> pubs, ProxyServer proxy) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put(
                "protocols",
                pubs.stream()
                        .map(p -> p.protocol().name().toLowerCase(Locale.ROOT) + (p.ssl() ? "s" : ""))
                        .distinct()
                        .collect(Collectors.joining(",")));
        if (pubs.stream().anyMatch(Publication::ssl) && proxy.externalAddress().isPresent()) {
            params.put("proxy-address", proxy.externalAddress().get());
        }
        return params;
    }

    private static String services(List<Publication> pubs) {
        boolean ldap = pubs.stream().anyMatch(p -> p.protocol() == Protocol.LDAP);
        boolean store = pubs.stream().anyMatch(p -> p.protocol() != Protocol.LDAP);
        return store && ldap
                ? "Microsoft Exchange Information Store and Directory services"
                : ldap ? "Microsoft Exchange Directory service" : "Microsoft Exchange Information Store service";
    }
}
