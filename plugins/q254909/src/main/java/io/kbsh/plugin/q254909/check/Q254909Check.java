package io.kbsh.plugin.q254909.check;

import io.kbsh.ini.document.IniDocument;
import io.kbsh.model.article.ArticleBrief;
import io.kbsh.model.article.ArticleId;
import io.kbsh.model.article.ArticleStore;
import io.kbsh.model.env.Connector;
import io.kbsh.model.env.ConnectorType;
import io.kbsh.model.env.Environment;
import io.kbsh.model.env.IniFile;
import io.kbsh.model.env.Server;
import io.kbsh.model.env.Transport;
import io.kbsh.model.fact.Facts;
import io.kbsh.model.finding.Action;
import io.kbsh.model.finding.Finding;
import io.kbsh.model.finding.ObjectRef;
import io.kbsh.model.finding.ProbeRequest;
import io.kbsh.model.finding.Severity;
import io.kbsh.rules.ArticleCheck;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Q254909: on an Exchange 4.0, 5.0 or 5.5 server with the WinSock Proxy client installed, the client also
 * redirects the MTA's own connections, so the remote MTA sees the proxy's address and refuses the
 * association (event 9301, then 9202). MTA-run connectors (X.400, Site, Dynamic RAS) stop; the Internet
 * Mail Connector/Service alone is not affected. The cure is an {@code [EMSMTA]} section with
 * {@code Disable=1} in the client's {@code Mspclnt.ini}; this check reads the collected copy to tell
 * whether it is there.
 */
public final class Q254909Check implements ArticleCheck {

    static final ArticleId ID = new ArticleId(254909);
    static final String INI_NAME = "Mspclnt.ini";
    /** Where the WinSock Proxy client keeps its configuration by default (the archive's Q231878). */
    static final String DEFAULT_PATH = "C:\\Mspclnt\\Mspclnt.ini";

    static final Set<String> LINES = Set.of("4.0", "5.0", "5.5");

    private static final ArticleBrief BRIEF = new ArticleBrief(
            ID,
            "XCON: Connectors Stop with 9301 After Proxy Client Installed",
            List.of("Microsoft Exchange Server 4.0", "Microsoft Exchange Server 5.0", "Microsoft Exchange Server 5.5"),
            "Installing the WinSock Proxy client on an Exchange server (usually so that Internet mail can go out"
                    + " through the proxy) also captures the MTA's connections. The remote MTA then sees the proxy's"
                    + " address, refuses the connection and logs event 9301 followed by 9202, and X.400, Site and"
                    + " Dynamic RAS connectors stop working. Telling the client to leave the MTA alone, with"
                    + " Disable=1 in an [EMSMTA] section of Mspclnt.ini, cures it; the Internet Mail"
                    + " Connector/Service is not affected.");

    @Override
    public ArticleBrief article() {
        return BRIEF;
    }

    @Override
    public List<Finding> evaluate(Environment environment, Facts facts, ArticleStore knowledge) {
        List<Finding> findings = new ArrayList<>();
        for (Server s : environment.servers()) {
            if (s.winsockProxyClient() && LINES.contains(s.exchange().release())) {
                check(environment, s, facts).ifPresent(findings::add);
            }
        }
        return findings;
    }

    private Optional<Finding> check(Environment env, Server server, Facts facts) {
        // X.400 over TP4 or X.25 is not IP traffic, so a WinSock client cannot redirect it.
        List<Connector> mtaConnectors = new ArrayList<>();
        for (Connector c : env.connectorsOf(server)) {
            if (c.type().runByMta() && (c.type() != ConnectorType.X400 || c.over(Transport.TCPIP))) {
                mtaConnectors.add(c);
            }
        }
        if (mtaConnectors.isEmpty()) {
            return Optional.empty();
        }
        ObjectRef target = ObjectRef.server(server.id());
        IniFile mspclnt = server.ini(INI_NAME).orElse(new IniFile(DEFAULT_PATH));
        ClientSetting setting = readSetting(mspclnt);
        Severity severity = switch (setting.state) {
            case PRESENT -> Severity.INFO;
            case MISSING -> Severity.CRITICAL;
            case UNKNOWN -> Severity.WARNING;
        };
        String summary = switch (setting.state) {
            case PRESENT -> "WinSock Proxy client is installed; the MTA is already exempted ([EMSMTA] Disable=1)";
            case MISSING -> "WinSock Proxy client captures the MTA: connectors stop, remote MTA logs 9301 then 9202";
            case UNKNOWN -> "WinSock Proxy client may capture the MTA; collect Mspclnt.ini to confirm";
        };
        Finding.Builder f = Finding.builder(ID, severity, summary).affects(target);
        f.evidence("server " + server.id() + " runs Exchange Server " + server.exchange()
                + " with the WinSock Proxy client installed");
        for (Connector c : mtaConnectors) {
            f.affects(ObjectRef.connector(c.id()));
            f.evidence("the MTA runs the " + c.describe()
                    + c.remoteMta().map(mta -> " to " + mta).orElse(""));
        }
        f.evidence(setting.evidence);
        if (setting.state != ClientSetting.State.PRESENT) {
            f.action(new Action.RunIniWriter("mspclnt-bypass", Map.of("process", "EMSMTA"), mspclnt, target));
            f.action(new Action.ManualStep(
                    "restart the Microsoft Exchange Message Transfer Agent service on " + server.id(), target));
        }
        for (Connector c : mtaConnectors) {
            if (c.remoteMta().isPresent() && c.type() == ConnectorType.X400) {
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
        return Optional.of(f.build());
    }

    /** What the collected Mspclnt.ini says about the MTA. */
    record ClientSetting(State state, String evidence) {
        enum State {
            PRESENT,
            MISSING,
            UNKNOWN
        }
    }

    static ClientSetting readSetting(IniFile file) {
        if (file.localCopy().isEmpty()) {
            return new ClientSetting(
                    ClientSetting.State.UNKNOWN,
                    "no collected copy of " + file.serverPath() + ", so whether [EMSMTA] Disable=1 is set is unknown");
        }
        IniDocument doc;
        try {
            doc = IniDocument.read(file.localCopy().get());
        } catch (NoSuchFileException e) {
            return new ClientSetting(
                    ClientSetting.State.UNKNOWN,
                    "the collected copy " + file.localCopy().get() + " does not exist");
        } catch (IOException e) {
            return new ClientSetting(
                    ClientSetting.State.UNKNOWN,
                    "the collected copy " + file.localCopy().get() + " cannot be read: " + e.getMessage());
        }
        // The client reads the flag as GetPrivateProfileInt would: names without case, first section and key win.
        int disable = doc.getInt("EMSMTA", "Disable", 0);
        if (disable == 1) {
            return new ClientSetting(
                    ClientSetting.State.PRESENT,
                    "the collected " + file.fileName() + " has [EMSMTA] Disable=1: the fix is present");
        }
        String found = doc.get("EMSMTA", "Disable")
                .map(v -> "[EMSMTA] Disable=" + v)
                .orElse(doc.hasSection("EMSMTA") ? "an [EMSMTA] section without Disable" : "no [EMSMTA] section");
        return new ClientSetting(
                ClientSetting.State.MISSING,
                "the collected " + file.fileName() + " has " + found + ": the fix is missing");
    }
}
