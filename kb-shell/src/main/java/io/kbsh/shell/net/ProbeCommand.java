package io.kbsh.shell.net;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kbsh.model.command.Arguments;
import io.kbsh.model.command.CommandContext;
import io.kbsh.model.command.CommandException;
import io.kbsh.model.command.ExitStatus;
import io.kbsh.model.command.OptionSpec;
import io.kbsh.model.command.ShellCommand;
import io.kbsh.model.command.UsageException;
import io.kbsh.model.command.ValueKind;
import io.kbsh.model.env.Protocol;
import io.kbsh.model.fact.Evidence;
import io.kbsh.model.fact.EvidenceValue;
import io.kbsh.model.fact.Fact;
import io.kbsh.model.fact.ProbeStatus;
import io.kbsh.model.fact.PtrFact;
import io.kbsh.model.fact.SoaFact;
import io.kbsh.net.dns.DnsResolver;
import io.kbsh.net.lookup.PtrProbe;
import io.kbsh.net.lookup.SoaProbe;
import io.kbsh.net.mx.MxHost;
import io.kbsh.net.mx.MxReport;
import io.kbsh.net.probe.EvidenceKeys;
import io.kbsh.net.probe.Probe;
import io.kbsh.net.probe.ProbeOptions;
import io.kbsh.net.probe.ProbeRequest;
import io.kbsh.net.probe.ProbeResult;
import io.kbsh.net.probe.ProbeRunner;
import io.kbsh.net.probe.ProbeTarget;
import io.kbsh.net.probe.TlsMode;
import io.kbsh.net.rfc1006.Tsel;
import io.kbsh.shell.check.CheckSession;
import io.kbsh.shell.plugin.Contribution;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code probe}: checks endpoints on the wire as the articles do by hand with telnet — a TCP connect, a
 * mail or news greeting, LDAP, TLS, RFC 1006 for X.400 MTAs, the MX hosts of a domain, and every Exchange
 * Internet protocol port of a server at once. A table for people, {@code --json} for tools. The exit
 * status is 0 when every probe reached its goal (for {@code mx}: when a sender that falls back delivers).
 */
public final class ProbeCommand implements ShellCommand {

    private static final OptionSpec JSON = OptionSpec.flag("json", "print JSON instead of a table");
    private static final OptionSpec TLS = OptionSpec.flag("tls", "TLS from the first byte (implicit TLS)");
    private static final OptionSpec STARTTLS = OptionSpec.flag("starttls", "upgrade with the protocol's STARTTLS");
    private static final OptionSpec TSEL =
            OptionSpec.value("tsel", ValueKind.TEXT, "RFC 1006 called transport selector: text, or 0x… hex");
    private static final OptionSpec CALLING_TSEL =
            OptionSpec.value("calling-tsel", ValueKind.TEXT, "RFC 1006 calling transport selector: text, or 0x… hex");
    private static final OptionSpec DNS =
            OptionSpec.value("dns", ValueKind.TEXT, "the DNS server to ask, ADDRESS[:PORT] (default: the system's)");
    private static final OptionSpec SMTP_PORT =
            OptionSpec.value("smtp-port", ValueKind.TEXT, "the SMTP port of MX hosts (default 25)");
    private static final OptionSpec TIMEOUT =
            OptionSpec.value("timeout", ValueKind.TEXT, "seconds a connect or a read may take (default 5)");
    private static final OptionSpec DEADLINE =
            OptionSpec.value("deadline", ValueKind.TEXT, "seconds one probe may take in all (default 15)");
    private static final OptionSpec TRANSFER =
            OptionSpec.flag("transfer", "soa: transfer the zone from each server too (AXFR) and compare the records");
    private static final OptionSpec PARAM = OptionSpec.repeatable(
            "param", ValueKind.TEXT, "NAME=VALUE for the probe (smtp: helo; smtp-relay: from, to; udp: payload)");
    private static final List<OptionSpec> OPTIONS =
            List.of(JSON, TLS, STARTTLS, TSEL, CALLING_TSEL, DNS, SMTP_PORT, TIMEOUT, DEADLINE, TRANSFER, PARAM);

    /** One endpoint {@code probe exchange} checks. */
    private record ExchangePort(String probe, int port, TlsMode tls) {}

    /** The ports of Q178532 (the Exchange Internet protocols, plain and SSL), SMTP and X.400 over RFC 1006. */
    private static final List<ExchangePort> EXCHANGE = exchangePorts();

    private static List<ExchangePort> exchangePorts() {
        List<ExchangePort> ports = new ArrayList<>(List.of(new ExchangePort("smtp", 25, TlsMode.NONE)));
        for (Protocol p : List.of(Protocol.POP3, Protocol.IMAP4, Protocol.LDAP, Protocol.NNTP)) {
            String probe = p.name().toLowerCase(Locale.ROOT);
            ports.add(new ExchangePort(probe, p.port(false), TlsMode.NONE));
            ports.add(new ExchangePort(probe, p.port(true), TlsMode.IMPLICIT));
        }
        ports.add(new ExchangePort("rfc1006", 102, TlsMode.NONE));
        return List.copyOf(ports);
    }

    /** A host name as DNS spells it (letters, digits, hyphens, underscores, dots); literals are checked apart. */
    private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_.])?");

    private final ProbeCatalogue catalogue;
    /** Where what the probes find is kept, so that a later {@code check} uses it as evidence. */
    private final CheckSession session;

    @Inject
    public ProbeCommand(ProbeCatalogue catalogue, CheckSession session) {
        this.catalogue = catalogue;
        this.session = session;
    }

    @Override
    public String name() {
        return "probe";
    }

    @Override
    public String description() {
        return "probe endpoints on the wire: TCP, UDP, SMTP (and relay), POP3, IMAP4, NNTP, LDAP, TLS, RFC 1006, MX, PTR, SOA";
    }

    @Override
    public List<String> examples() {
        return List.of(
                "probe smtp mail.example.net --starttls  greeting, EHLO extensions and the TLS certificate",
                "probe rfc1006 mta.example.net --tsel MTA  X.400 transport connection",
                "probe mx example.net  every MX host in order, and the Q166604 verdict",
                "probe exchange proxy.example.net  every Exchange protocol port");
    }

    @Override
    public String usage() {
        return String.join(
                "\n",
                "probe tcp HOST PORT",
                "probe smtp HOST [PORT] [--tls|--starttls] [--param NAME=VALUE]   (greeting, EHLO, STARTTLS; helo=NAME for EHLO)",
                "probe pop3|imap4|nntp|ldap HOST [PORT] [--tls|--starttls]",
                "probe rfc1006 HOST [PORT] [--tsel SEL] [--calling-tsel SEL]",
                "probe mx DOMAIN [--dns ADDRESS[:PORT]] [--smtp-port N]",
                "probe smtp-relay HOST [PORT] [--param NAME=VALUE]   (from=ADDRESS, to=ADDRESS; RCPT only, never DATA)",
                "probe udp HOST PORT [--param NAME=VALUE]            (payload=TEXT or 0xHEX)",
                "probe ptr ADDRESS [--dns ADDRESS[:PORT]]      (reverse look-up, names checked forward)",
                "probe soa ZONE SERVER[:PORT]... [--transfer]  (the zone's SOA serial from each server, compared; with --transfer its records too)",
                "probe exchange HOST      (every Exchange Internet protocol port of Q178532, plain and SSL, 25, 102)");
    }

    @Override
    public List<String> subcommands() {
        List<String> words = new ArrayList<>(catalogue.kinds());
        words.add("exchange");
        return words;
    }

    @Override
    public List<OptionSpec> options() {
        return OPTIONS;
    }

    /** {@code --param} after {@code probe KIND}: the names that probe's parameters have. */
    @Override
    public List<String> optionCandidates(CommandContext context, String option, List<String> precedingWords) {
        if (!option.equals("param") || precedingWords.isEmpty()) {
            return List.of();
        }
        Contribution<Probe> probe = probes().get(precedingWords.get(0));
        if (probe == null) {
            return List.of();
        }
        try {
            return probe.instance().parameterNames().stream()
                    .sorted()
                    .map(name -> name + "=")
                    .toList();
        } catch (RuntimeException | LinkageError e) {
            // A plugin probe that cannot list its parameters offers none; the command reports it when run.
            return List.of();
        }
    }

    @Override
    public int run(CommandContext context, List<String> words) throws CommandException {
        Arguments args = Arguments.parse(words, OPTIONS);
        String kind = args.positional(0, "PROBE (" + String.join("|", subcommands()) + ")");
        ProbeOptions options = options(args);
        onlyFor(args, "smtp-port", kind.equals("mx"), "mx");
        onlyFor(args, "tsel", kind.equals("rfc1006") || kind.equals("exchange"), "rfc1006 and exchange");
        onlyFor(args, "calling-tsel", kind.equals("rfc1006") || kind.equals("exchange"), "rfc1006 and exchange");
        onlyFor(args, "param", !List.of("mx", "ptr", "soa", "exchange").contains(kind), "a single endpoint probe");
        onlyFor(args, "transfer", kind.equals("soa"), "soa");
        if (kind.equals("mx")) {
            return mx(context, args, options);
        }
        if (kind.equals("ptr") || kind.equals("soa")) {
            onlyFor(args, "tls", false, "endpoint probes");
            onlyFor(args, "starttls", false, "endpoint probes");
            return lookup(context, args, kind, options);
        }
        String host = args.positional(1, "HOST");
        List<Planned> plan = new ArrayList<>();
        if (kind.equals("exchange")) {
            onlyFor(args, "tls", false, "a single protocol: exchange probes plain and SSL ports");
            onlyFor(args, "starttls", false, "a single protocol: exchange probes plain and SSL ports");
            expectPositionals(args, 2);
            Map<String, Contribution<Probe>> probes = probes();
            for (ExchangePort port : EXCHANGE) {
                plan.add(new Planned(probes.get(port.probe()), target(host, port.port()), options.withTls(port.tls())));
            }
        } else {
            Contribution<Probe> probe = probes().get(kind);
            if (probe == null) {
                throw new UsageException("unknown probe '" + kind + "'; known: " + String.join(", ", subcommands()));
            }
            TlsMode tls = args.has("tls") ? TlsMode.IMPLICIT : args.has("starttls") ? TlsMode.STARTTLS : TlsMode.NONE;
            if (!probe.instance().tlsModes().contains(tls)) {
                throw new UsageException(
                        "probe " + kind + " has no " + (tls == TlsMode.IMPLICIT ? "--tls" : "--starttls"));
            }
            expectPositionals(args, 3);
            int port = args.positional().size() > 2
                    ? port(args.positional().get(2), "PORT")
                    : probe.instance().defaultPort(tls);
            if (port == 0) {
                throw new UsageException("missing argument PORT");
            }
            Map<String, String> parameters = args.keyValues("param");
            if (!parameters.isEmpty()) {
                Probe configured;
                try {
                    configured = probe.instance().configured(parameters);
                } catch (IllegalArgumentException e) {
                    throw new UsageException("option --param: " + e.getMessage());
                }
                probe = new Contribution<>(probe.plugin(), configured);
            }
            plan.add(new Planned(probe, target(host, port), options.withTls(tls)));
        }
        List<ProbeResult> results = runAll(context, plan, options);
        boolean cancelled = Thread.currentThread().isInterrupted();
        session.addFacts(results.stream()
                .map(ProbeResult::toFact)
                .filter(f -> ProbeWords.notEvidence(f).isEmpty())
                .toList());
        if (args.has("json")) {
            printJson(context.out(), results);
        } else {
            printTable(context.out(), results, plan.size() == 1);
        }
        context.out().flush();
        if (cancelled) {
            throw new CommandException("cancelled: "
                    + results.stream()
                            .filter(r -> r.status() != ProbeStatus.CANCELLED)
                            .count() + " of " + results.size() + " probes finished");
        }
        return results.stream().allMatch(ProbeResult::ok) ? ExitStatus.OK : ExitStatus.FAILED;
    }

    private record Planned(Contribution<Probe> probe, ProbeTarget target, ProbeOptions options) {}

    private List<ProbeResult> runAll(CommandContext context, List<Planned> plan, ProbeOptions options) {
        List<ProbeRequest> requests = plan.stream()
                .map(p -> new ProbeRequest(p.probe().instance(), p.target(), p.options()))
                .toList();
        Instant deadline = Instant.now().plus(options.deadline()).plusSeconds(1);
        ProbeRunner runner = ProbeRunner.defaults();
        PrintWriter err = context.err();
        boolean showProgress = context.interactive() && plan.size() > 1;
        ProbeRunner.Progress progress = (done, total, latest) -> {
            if (showProgress) {
                synchronized (err) {
                    err.print("\rprobing " + done + "/" + total + " (last: " + latest.probe() + " " + latest.target()
                            + " " + ProbeWords.status(latest.status()) + ")");
                    err.flush();
                }
            }
        };
        // Plugin probes run with their plugin's class loader: the runner's threads inherit it from here.
        List<ProbeResult> results;
        try (WaitingLine waiting = WaitingLine.start(
                context.interactive() && plan.size() == 1,
                err,
                plan.get(0).probe().instance().id() + " " + plan.get(0).target())) {
            results = plan.get(0).probe().call(p -> runner.run(requests, deadline, progress));
        }
        if (showProgress) {
            synchronized (err) {
                err.print("\r");
                err.flush();
            }
        }
        return results;
    }

    private int mx(CommandContext context, Arguments args, ProbeOptions options) throws CommandException {
        onlyFor(args, "tls", false, "a single protocol: mx tries STARTTLS where the MX host offers it");
        onlyFor(args, "starttls", false, "a single protocol: mx tries STARTTLS where the MX host offers it");
        String domain = args.positional(1, "DOMAIN");
        checkHost(domain, "domain");
        expectPositionals(args, 2);
        int smtpPort = args.has("smtp-port") ? port(args.value("smtp-port").get(), "--smtp-port") : 25;
        MxReport report;
        try (WaitingLine waiting = WaitingLine.start(
                context.interactive() && !args.has("json"), context.err(), "the MX hosts of " + domain)) {
            report = catalogue.mx().check(domain, options.withSmtpPort(smtpPort));
        }
        boolean cancelled = Thread.currentThread().isInterrupted();
        if (!cancelled && ProbeWords.notEvidence(report.toFact()).isEmpty()) {
            session.addFacts(List.of(report.toFact()));
        }
        PrintWriter out = context.out();
        if (args.has("json")) {
            printJson(out, report);
        } else {
            printTable(out, report, cancelled);
        }
        out.flush();
        if (cancelled) {
            throw new CommandException("cancelled");
        }
        return report.fallbackDelivers() ? ExitStatus.OK : ExitStatus.FAILED;
    }

    /** {@code probe ptr ADDRESS} and {@code probe soa ZONE SERVER...}: DNS questions, not endpoints. */
    private int lookup(CommandContext context, Arguments args, String kind, ProbeOptions options)
            throws CommandException {
        Fact fact;
        boolean ok;
        if (kind.equals("ptr")) {
            String address = args.positional(1, "ADDRESS");
            expectPositionals(args, 2);
            if (DnsResolver.literal(address).isEmpty()) {
                throw new UsageException("probe ptr takes an IP address, got '" + address + "'");
            }
            PtrFact ptr = new PtrProbe().check(address, options);
            fact = ptr;
            ok = ptr.dnsOutcome().equals("OK") && !ptr.confirmed().isEmpty();
        } else {
            onlyFor(args, "dns", false, "ptr and mx: soa asks each SERVER itself");
            String zone = args.positional(1, "ZONE");
            checkHost(zone, "zone");
            List<InetSocketAddress> servers = new ArrayList<>();
            for (String server : args.positional().subList(2, args.positional().size())) {
                servers.add(dnsServer(server, "SERVER"));
            }
            if (servers.isEmpty()) {
                throw new UsageException("missing argument SERVER: the zone's servers to compare");
            }
            if (servers.size() > SoaProbe.MAX_SERVERS) {
                throw new UsageException("at most " + SoaProbe.MAX_SERVERS + " servers");
            }
            SoaFact soa =
                    (args.has("transfer") ? SoaProbe.withTransfers() : new SoaProbe()).check(zone, servers, options);
            fact = soa;
            // With --transfer, records that could not be compared (a refused transfer) fail the command too.
            ok = soa.serialsAgree() && soa.contentsAgree().orElse(!args.has("transfer"));
        }
        boolean cancelled = Thread.currentThread().isInterrupted();
        if (!cancelled) {
            session.addFacts(List.of(fact));
        }
        PrintWriter out = context.out();
        if (args.has("json")) {
            out.println(lookupJson(fact));
        } else if (fact instanceof SoaFact soa) {
            printTable(out, soa);
        } else {
            out.println(fact.describe());
        }
        out.flush();
        if (cancelled) {
            throw new CommandException("cancelled");
        }
        return ok ? ExitStatus.OK : ExitStatus.FAILED;
    }

    private static ObjectNode lookupJson(Fact fact) {
        ObjectNode root = JsonNodeFactory.instance
                .objectNode()
                .put("probe", fact.probe())
                .put("observedAt", fact.observedAt().toString());
        if (fact instanceof PtrFact ptr) {
            root.put("address", ptr.address())
                    .put("dnsOutcome", ptr.dnsOutcome())
                    .put("detail", ptr.detail());
            ptr.names().forEach(root.putArray("names")::add);
            ptr.confirmed().forEach(root.putArray("confirmed")::add);
        } else if (fact instanceof SoaFact soa) {
            root.put("zone", soa.zone()).put("serialsAgree", soa.serialsAgree());
            soa.contentsAgree().ifPresent(same -> root.put("contentsAgree", same));
            ArrayNode servers = root.putArray("servers");
            for (SoaFact.Server s : soa.servers()) {
                ObjectNode n = servers.addObject().put("server", s.server()).put("dnsOutcome", s.dnsOutcome());
                if (s.answered()) {
                    n.put("serial", s.serial()).put("primary", s.primary()).put("authoritative", s.authoritative());
                } else {
                    n.put("detail", s.detail());
                }
                s.transfer().ifPresent(t -> {
                    ObjectNode x =
                            n.putObject("transfer").put("outcome", t.outcome()).put("records", t.records());
                    if (t.transferred()) {
                        x.put("digest", t.digest());
                    } else {
                        x.put("detail", t.detail());
                    }
                });
            }
        }
        return root;
    }

    private Map<String, Contribution<Probe>> probes() {
        return catalogue.endpointProbes();
    }

    private static ProbeOptions options(Arguments args) throws UsageException {
        ProbeOptions o = ProbeOptions.defaults();
        int timeout = args.intValue("timeout", 5, 1, 600);
        int deadline = args.intValue("deadline", Math.max(15, timeout * 3), 1, 3600);
        o = o.withTimeouts(Duration.ofSeconds(timeout), Duration.ofSeconds(timeout), Duration.ofSeconds(deadline));
        if (args.has("tls") && args.has("starttls")) {
            throw new UsageException("--tls and --starttls exclude each other");
        }
        Optional<String> called = tsel(args, "tsel");
        Optional<String> calling = tsel(args, "calling-tsel");
        if (called.isPresent()) {
            o = o.withCalledTsel(called.get());
        }
        if (calling.isPresent()) {
            o = o.withCallingTsel(calling.get());
        }
        if (args.has("dns")) {
            o = o.withDnsServer(dnsServer(args.value("dns").get()));
        }
        return o;
    }

    /** The transport selector given with {@code option}, checked now so that a typo is a usage error. */
    private static Optional<String> tsel(Arguments args, String option) throws UsageException {
        Optional<String> spec = args.value(option);
        if (spec.isPresent()) {
            try {
                Tsel.parse(spec.get());
            } catch (IllegalArgumentException e) {
                throw new UsageException("option --" + option + ": " + e.getMessage());
            }
        }
        return spec;
    }

    /** ADDRESS[:PORT] with an address literal: the DNS server itself is never looked up. */
    public static InetSocketAddress dnsServer(String text) throws UsageException {
        return dnsServer(text, "option --dns");
    }

    private static InetSocketAddress dnsServer(String text, String what) throws UsageException {
        String address = text;
        int port = 53;
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0) {
                throw new UsageException(what + ": missing ] in '" + text + "'");
            }
            address = text.substring(1, close);
            if (close + 1 < text.length()) {
                if (text.charAt(close + 1) != ':') {
                    throw new UsageException(what + ": expected [ADDRESS]:PORT, got '" + text + "'");
                }
                port = port(text.substring(close + 2), what + " port");
            }
        } else if (text.indexOf(':') >= 0 && text.indexOf(':') == text.lastIndexOf(':')) {
            address = text.substring(0, text.indexOf(':'));
            port = port(text.substring(text.indexOf(':') + 1), what + " port");
        }
        Optional<InetAddress> literal = DnsResolver.literal(address);
        if (literal.isEmpty()) {
            throw new UsageException(what + " takes an IP address (and :PORT), got '" + text + "'");
        }
        return new InetSocketAddress(literal.get(), port);
    }

    private static ProbeTarget target(String host, int port) throws UsageException {
        checkHost(host, "host name or address");
        return ProbeTarget.of(host, port);
    }

    private static void checkHost(String host, String what) throws UsageException {
        if (DnsResolver.literal(host).isEmpty() && !HOST_NAME.matcher(host).matches()) {
            throw new UsageException("not a " + what + ": '" + host + "'");
        }
    }

    /** Refuses an option given to a probe it means nothing to, rather than ignoring it silently. */
    private static void onlyFor(Arguments args, String option, boolean applies, String where) throws UsageException {
        if (args.has(option) && !applies) {
            throw new UsageException("option --" + option + " is for " + where);
        }
    }

    private static int port(String text, String what) throws UsageException {
        try {
            int port = Integer.parseInt(text.trim());
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new UsageException(what + " must be a port number from 1 to 65535, got '" + text + "'");
    }

    private static void expectPositionals(Arguments args, int max) throws UsageException {
        if (args.positional().size() > max) {
            throw new UsageException("unexpected argument '" + args.positional().get(max) + "'");
        }
    }

    // ---- output

    private static void printTable(PrintWriter out, List<ProbeResult> results, boolean withEvidence) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"PROBE", "TARGET", "STATUS", "REACHED", "TIME", "DETAIL"});
        for (ProbeResult r : results) {
            rows.add(new String[] {
                r.probe(),
                r.target().toString(),
                ProbeWords.status(r.status()),
                ProbeWords.reached(r.stage()),
                r.latency().toMillis() + " ms",
                summary(r)
            });
        }
        printRows(out, rows);
        if (withEvidence && !results.isEmpty()) {
            results.get(0).evidence().asText().forEach((k, v) -> {
                if (!k.equals("detail")) {
                    out.println("  " + k + ": " + v);
                }
            });
        }
    }

    private static String summary(ProbeResult r) {
        if (!r.ok()) {
            return r.detail();
        }
        String greeting = r.evidence("greeting");
        String tls = r.evidence("tls.protocol");
        return (greeting + (tls.isEmpty() ? "" : " [" + tls + "]")).trim();
    }

    /** The verdict, then a row per server: how it answered, its serial and primary, and the transfer when asked. */
    private static void printTable(PrintWriter out, SoaFact soa) {
        out.println("soa " + soa.zone() + ": " + (soa.serialsAgree() ? "serials agree" : "serials differ")
                + soa.contentsAgree()
                        .map(same -> same ? ", contents agree" : ", contents differ")
                        .orElse(""));
        boolean transfers = soa.servers().stream().anyMatch(s -> s.transfer().isPresent());
        List<String[]> rows = new ArrayList<>();
        rows.add(
                transfers
                        ? new String[] {"SERVER", "ANSWER", "SERIAL", "PRIMARY", "TRANSFER"}
                        : new String[] {"SERVER", "ANSWER", "SERIAL", "PRIMARY"});
        for (SoaFact.Server s : soa.servers()) {
            String serial = s.answered() ? Long.toString(s.serial()) : "-";
            String primary =
                    s.answered() ? s.primary() + (s.authoritative() ? "" : " (not authoritative)") : s.detail();
            rows.add(
                    transfers
                            ? new String[] {
                                s.server(),
                                s.dnsOutcome(),
                                serial,
                                primary,
                                s.transfer().map(SoaFact.Transfer::describe).orElse("-")
                            }
                            : new String[] {s.server(), s.dnsOutcome(), serial, primary});
        }
        printRows(out, rows);
    }

    private static void printTable(PrintWriter out, MxReport report, boolean cancelled) {
        out.println("mx " + report.domain() + ": " + verdict(report, cancelled)
                + (report.dnsDetail().isEmpty() ? "" : " (" + report.dnsDetail() + ")"));
        if (!report.hosts().isEmpty()) {
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"PREF", "HOST", "ADDRESS", "STATUS", "REACHED", "DETAIL"});
            for (MxHost h : report.hosts()) {
                String detail =
                        h.accepts() ? h.evidence().text(EvidenceKeys.GREETING).orElse("") : h.detail();
                rows.add(new String[] {
                    Integer.toString(h.preference()),
                    h.name(),
                    h.address().orElse("-"),
                    ProbeWords.status(h.status()),
                    ProbeWords.reached(h.stage()),
                    detail
                });
            }
            printRows(out, rows);
        }
        if (cancelled) {
            // A cancelled probe proves nothing about the hosts it did not finish: no verdict is drawn.
            return;
        }
        out.println("a sender that falls back to later MX hosts delivers: " + yesNo(report.fallbackDelivers()));
        boolean pickDecides = report.firstHostOnly() == io.kbsh.model.fact.MxFact.FirstHostOnly.INDETERMINATE;
        out.println("a sender that tries only the first MX host fails:    "
                + (pickDecides
                        ? "it depends on which host of the lowest preference it picks (indeterminate)"
                        : yesNo(report.firstHostOnlyFails()))
                + (report.fallbackDelivers() && report.firstHostOnlyFails() ? "  (the case of Q166604)" : ""));
    }

    /** The table's heading: what the look-up and the hosts say together, a refused host included. */
    static String verdict(MxReport report, boolean cancelled) {
        if (cancelled) {
            return "cancelled, no verdict";
        }
        String dns = report.dnsOutcome().name();
        List<MxHost> hosts = report.hosts();
        if (hosts.isEmpty()) {
            return ProbeWords.dns(dns);
        }
        long accepting = hosts.stream().filter(MxHost::accepts).count();
        String prefix = dns.equals("OK") ? "" : ProbeWords.dns(dns) + "; ";
        if (accepting == hosts.size()) {
            return prefix
                    + (hosts.size() == 1
                            ? "the MX host accepts mail"
                            : "all " + hosts.size() + " MX hosts accept mail");
        }
        MxHost failing = hosts.stream().filter(h -> !h.accepts()).findFirst().orElseThrow();
        String first = "MX " + failing.preference() + " " + failing.name() + " " + ProbeWords.status(failing.status());
        return prefix
                + (accepting == 0
                        ? "no MX host accepts mail"
                        : accepting + " of " + hosts.size() + " MX hosts accept mail")
                + " (" + first + ")";
    }

    private static String yesNo(boolean b) {
        return b ? "yes" : "no";
    }

    private static void printRows(PrintWriter out, List<String[]> rows) {
        int[] width = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length - 1; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                sb.append(i < row.length - 1 ? String.format("%-" + width[i] + "s  ", row[i]) : row[i]);
            }
            out.println(sb.toString().stripTrailing());
        }
    }

    private static void printJson(PrintWriter out, List<ProbeResult> results) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (ProbeResult r : results) {
            ObjectNode node = array.addObject()
                    .put("probe", r.probe())
                    .put("host", r.target().host())
                    .put("port", r.target().port())
                    .put("status", r.status().name())
                    .put("stage", r.stage())
                    .put("latencyMs", r.latency().toMillis())
                    .put("observedAt", r.observedAt().toString());
            putEvidence(node, r.evidence());
        }
        out.println(array);
    }

    private static void printJson(PrintWriter out, MxReport report) {
        ObjectNode root = JsonNodeFactory.instance
                .objectNode()
                .put("domain", report.domain())
                .put("dnsOutcome", report.dnsOutcome().name())
                .put("dnsDetail", report.dnsDetail())
                .put("hostsNotFollowed", report.hostsNotFollowed())
                .put("fallbackDelivers", report.fallbackDelivers())
                .put("firstHostOnlyFails", report.firstHostOnlyFails())
                .put("firstHostOnly", report.firstHostOnly().name().toLowerCase(java.util.Locale.ROOT));
        ArrayNode hosts = root.putArray("hosts");
        for (MxHost h : report.hosts()) {
            ObjectNode node = hosts.addObject()
                    .put("name", h.name())
                    .put("preference", h.preference())
                    .put("address", h.address().orElse(null))
                    .put("status", h.status().name())
                    .put("stage", h.stage());
            putEvidence(node, h.evidence());
        }
        out.println(root);
    }

    /** Evidence with JSON's own types: lists as arrays, numbers and flags bare, times as ISO-8601 text. */
    static void putEvidence(ObjectNode node, Evidence evidence) {
        ObjectNode e = node.putObject("evidence");
        evidence.values().forEach((k, v) -> {
            if (v instanceof EvidenceValue.NumberValue n) {
                e.put(k, n.value());
            } else if (v instanceof EvidenceValue.FlagValue f) {
                e.put(k, f.value());
            } else if (v instanceof EvidenceValue.ListValue l) {
                ArrayNode items = e.putArray(k);
                l.value().forEach(items::add);
            } else {
                e.put(k, v.display());
            }
        });
    }
}
