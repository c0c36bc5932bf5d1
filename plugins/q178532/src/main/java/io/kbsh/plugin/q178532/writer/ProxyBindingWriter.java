package io.kbsh.plugin.q178532.writer;

import io.kbsh.ini.document.IniDocument;
import io.kbsh.ini.document.IniEditException;
import io.kbsh.ini.plan.IniEdit;
import io.kbsh.ini.plan.IniPlan;
import io.kbsh.ini.writer.IniWriter;
import io.kbsh.ini.writer.IniWriterException;
import io.kbsh.ini.writer.WriterArguments;
import io.kbsh.ini.writer.WriterParameter;
import io.kbsh.model.article.ArticleId;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Q178532: Exchange's Internet protocols reach clients through Microsoft Proxy Server 2.0 when the
 * WinSock Proxy client binds their listening ports on the proxy. {@code Wspcfg.ini} beside
 * {@code Store.exe} and {@code Dsamain.exe} ({@code Exchsrvr\Bin}) gets one section per process —
 * {@code STORE} (POP3, IMAP4, NNTP) and {@code DSAMAIN} (LDAP) — with {@code ServerBindTcpPorts},
 * {@code Persistent=1}, {@code KillOldSession=1}, and {@code ProxyBindIP=port:address,…} for SSL
 * ports, without which SSL binding fails (the form comes from Q181420). Q181420 also rules out a
 * Unicode file and says SSL binding needs Proxy Server 2.0 SP1 and the Q232588 fix. SMTP through the
 * proxy ({@code [MSEXCIMC]} beside the IMS) is not this writer's business.
 */
public final class ProxyBindingWriter implements IniWriter {

    /** A protocol the article lists: the process that serves it and its port. */
    enum Protocol {
        POP3("STORE", 110, false),
        POP3S("STORE", 995, true),
        IMAP4("STORE", 143, false),
        IMAP4S("STORE", 993, true),
        NNTP("STORE", 119, false),
        NNTPS("STORE", 563, true),
        LDAP("DSAMAIN", 389, false),
        LDAPS("DSAMAIN", 636, true);

        final String process;
        final int port;
        final boolean ssl;

        Protocol(String process, int port, boolean ssl) {
            this.process = process;
            this.port = port;
            this.ssl = ssl;
        }

        // Locale.ROOT: in a Turkish locale "IMAP4S".toLowerCase() is "ımap4s" (dotless i).
        String choice() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Protocol of(String choice) {
            return valueOf(choice.toUpperCase(Locale.ROOT));
        }
    }

    static final String STORE = "STORE";
    static final String DSAMAIN = "DSAMAIN";

    @Override
    public String id() {
        return "wspcfg-bind";
    }

    @Override
    public ArticleId article() {
        return new ArticleId(178532);
    }

    @Override
    public String summary() {
        return "bind Exchange POP3/IMAP4/NNTP (STORE) and LDAP (DSAMAIN) ports on the Proxy Server 2.0 through Wspcfg.ini";
    }

    @Override
    public String targetFileName() {
        return "Wspcfg.ini";
    }

    @Override
    public String targetLocation() {
        return "the directory of Store.exe and Dsamain.exe (Exchsrvr\\Bin by default: one file for both)";
    }

    @Override
    public List<WriterParameter> parameters() {
        String[] choices = new String[Protocol.values().length];
        for (Protocol p : Protocol.values()) {
            choices[p.ordinal()] = p.choice();
        }
        return List.of(
                WriterParameter.choiceList(
                        "protocols",
                        "protocols to bind on the proxy: pop3 110, pop3s 995, imap4 143, "
                                + "imap4s 993, nntp 119, nntps 563 (STORE); ldap 389, ldaps 636 (DSAMAIN); the 's' forms are SSL",
                        "pop3,imap4",
                        choices),
                WriterParameter.choice(
                        "process",
                        "limit the edit to one process section; auto picks STORE and/or "
                                + "DSAMAIN from the protocols",
                        "auto",
                        "auto",
                        STORE,
                        DSAMAIN),
                WriterParameter.optionalAddress(
                        "proxy-address",
                        "the proxy server's external IPv4 address; " + "required for SSL ports (ProxyBindIP)"));
    }

    @Override
    public void validate(WriterArguments arguments) throws IniWriterException {
        List<Protocol> protocols = protocols(arguments);
        if (protocols.isEmpty()) {
            throw new IniWriterException("parameter 'protocols' must name at least one protocol");
        }
        String process = arguments.text("process");
        for (Protocol p : protocols) {
            if (!process.equals("auto") && !process.equals(p.process)) {
                throw new IniWriterException(p.choice() + " is served by " + p.process + ", not " + process
                        + " (Q178532: the information store STORE serves POP3, IMAP4 and NNTP; the directory "
                        + "DSAMAIN serves LDAP)");
            }
        }
        List<String> ssl =
                protocols.stream().filter(p -> p.ssl).map(Protocol::choice).toList();
        Optional<String> address = arguments.optional("proxy-address");
        if (!ssl.isEmpty() && address.isEmpty()) {
            throw new IniWriterException("SSL port(s) " + String.join(", ", ssl) + " need parameter 'proxy-address' "
                    + "(the proxy's external address for ProxyBindIP): Q178532 says SSL binding fails without it");
        }
        if (ssl.isEmpty() && address.isPresent()) {
            throw new IniWriterException("parameter 'proxy-address' is only used for SSL ports "
                    + "(pop3s, imap4s, nntps, ldaps), and none is chosen");
        }
        if (address.isPresent() && !externalAddress(address.get())) {
            throw new IniWriterException("parameter 'proxy-address' must be the proxy server's external address, "
                    + "not " + address.get() + " (an unspecified, loopback or broadcast address binds nothing "
                    + "clients can reach)");
        }
    }

    /** False for addresses no client outside could connect to: 0.0.0.0, 127.x.x.x, 255.255.255.255. */
    private static boolean externalAddress(String dotted) {
        return !dotted.equals("0.0.0.0") && !dotted.startsWith("127.") && !dotted.equals("255.255.255.255");
    }

    @Override
    public IniPlan plan(Path file, Optional<IniDocument> current, WriterArguments arguments) throws IniWriterException {
        if (current.isPresent() && current.get().encoding().isUnicode()) {
            throw new IniWriterException(file + " is saved as Unicode (UTF-16); Q181420: Wspcfg.ini must not be "
                    + "Unicode - save it as ANSI text and plan again");
        }
        Map<String, List<Protocol>> byProcess = new TreeMap<>(Comparator.reverseOrder());
        for (Protocol p : protocols(arguments)) {
            byProcess.computeIfAbsent(p.process, k -> new ArrayList<>()).add(p);
        }
        List<IniEdit> edits = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Optional<String> address = arguments.optional("proxy-address");
        boolean anySsl = false;
        for (Map.Entry<String, List<Protocol>> entry : byProcess.entrySet()) {
            String section = entry.getKey();
            List<Protocol> protocols = new ArrayList<>(entry.getValue());
            protocols.sort(Comparator.comparingInt(p -> p.port));
            edits.add(new IniEdit.Set(
                    section,
                    "ServerBindTcpPorts",
                    protocols.stream().map(p -> String.valueOf(p.port)).collect(Collectors.joining(","))));
            edits.add(new IniEdit.Set(section, "Persistent", "1"));
            edits.add(new IniEdit.Set(section, "KillOldSession", "1"));
            List<Protocol> ssl = protocols.stream().filter(p -> p.ssl).toList();
            if (!ssl.isEmpty()) {
                anySsl = true;
                edits.add(new IniEdit.Set(
                        section,
                        "ProxyBindIP",
                        ssl.stream()
                                .map(p -> p.port + ":" + address.orElseThrow())
                                .collect(Collectors.joining(","))));
            } else if (current.isPresent()
                    && current.get().get(section, "ProxyBindIP").isPresent()) {
                notes.add("[" + section + "] keeps its ProxyBindIP, though no SSL port is bound now; remove it by hand "
                        + "if it is stale");
            }
            notes.add("restart "
                    + (section.equals(STORE)
                            ? "the Microsoft Exchange Information Store service"
                            : "the Microsoft Exchange Directory service")
                    + " so that it binds its ports on the proxy; "
                    + "then telnet to the proxy's external address on each port to check");
        }
        if (anySsl) {
            notes.add("SSL binding through the WinSock Proxy client needs Proxy Server 2.0 Service Pack 1 and the "
                    + "fix from Q232588 (the client otherwise fails to bind remotely)");
        }
        notes.add("the WinSock Proxy client must be installed on the Exchange server (none of this is needed when "
                + "Proxy Server 2.0 runs on the Exchange server itself); with dynamic packet filtering on, the proxy "
                + "opens the ports itself");
        try {
            return IniPlan.of(file, current, edits, notes);
        } catch (IniEditException e) {
            throw new IniWriterException(file + ": " + e.getMessage());
        }
    }

    private static List<Protocol> protocols(WriterArguments arguments) {
        return arguments.list("protocols").stream().map(Protocol::of).toList();
    }
}
