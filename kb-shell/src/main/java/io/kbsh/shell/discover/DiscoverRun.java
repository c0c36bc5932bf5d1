package io.kbsh.shell.discover;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.kbsh.model.command.Arguments;
import io.kbsh.model.command.OptionSpec;
import io.kbsh.model.command.UsageException;
import io.kbsh.model.command.ValueKind;
import io.kbsh.model.fact.ProbeStatus;
import io.kbsh.net.dns.DnsResolver;
import io.kbsh.net.probe.ProbeOptions;
import io.kbsh.net.probe.ProbeResult;
import io.kbsh.net.probe.ProbeRunner;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The {@code env discover} sub-command's work: parse its words, run {@link Discovery}, print what each host
 * said and return the environment JSON to write.
 */
public final class DiscoverRun {

    public static final OptionSpec PORT = OptionSpec.repeatable(
            "port",
            ValueKind.TEXT,
            "with 'discover': NAME=PORT moves a port (smtp, pop3, pop3s, imap4, imap4s, nntp, nntps, ldap, ldaps, x400, wsp, socks, web)");
    public static final OptionSpec TIMEOUT = OptionSpec.value(
            "timeout", ValueKind.TEXT, "with 'discover': seconds a connect or a read may take (default 5)");
    public static final OptionSpec DEADLINE =
            OptionSpec.value("deadline", ValueKind.TEXT, "with 'discover': seconds in all (default 20)");
    public static final int MAX_HOSTS = 64;

    private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_.])?");

    /** The environment JSON and the facts for the session. */
    public record Outcome(String json, List<Discovery.HostReport> reports) {}

    private DiscoverRun() {}

    public static Outcome run(Arguments args, PrintWriter out) throws UsageException {
        List<String> hosts = args.positional().subList(1, args.positional().size());
        if (hosts.isEmpty()) {
            throw new UsageException("missing argument HOST: the servers to discover");
        }
        if (hosts.size() > MAX_HOSTS) {
            throw new UsageException("at most " + MAX_HOSTS + " hosts at once");
        }
        for (String h : hosts) {
            if (DnsResolver.literal(h).isEmpty() && !HOST_NAME.matcher(h).matches()) {
                throw new UsageException("not a host name or address: '" + h + "'");
            }
        }
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : args.keyValues("port").entrySet()) {
            if (Discovery.PORTS.stream().noneMatch(p -> p.name().equals(e.getKey()))) {
                throw new UsageException("option --port: no port named '" + e.getKey() + "'");
            }
            try {
                int port = Integer.parseInt(e.getValue());
                if (port < 1 || port > 65535) {
                    throw new NumberFormatException();
                }
                ports.put(e.getKey(), port);
            } catch (NumberFormatException bad) {
                throw new UsageException(
                        "option --port: " + e.getKey() + " needs a port from 1 to 65535, got '" + e.getValue() + "'");
            }
        }
        int timeout = args.intValue("timeout", 5, 1, 600);
        int deadline = args.intValue("deadline", 20, 1, 3600);
        ProbeOptions options = ProbeOptions.defaults()
                .withTimeouts(Duration.ofSeconds(timeout), Duration.ofSeconds(timeout), Duration.ofSeconds(deadline));
        Instant when = Instant.now();
        List<Discovery.HostReport> reports =
                new Discovery(ExchangeBuilds.bundled()).discover(hosts, ports, options, ProbeRunner.defaults());
        for (Discovery.HostReport r : reports) {
            out.println(r.host() + ": " + summary(r));
            for (int i = 0; i < r.results().size(); i++) {
                ProbeResult res = r.results().get(i);
                if (res.status() == ProbeStatus.REFUSED || res.status() == ProbeStatus.CANCELLED) {
                    continue;
                }
                Discovery.Port p = r.ports().get(i);
                out.println("  " + p.name() + " " + res.target() + " " + res.status() + " ("
                        + (p.probe().equals("tcp") ? p.means() + " open" : res.stage()) + ")"
                        + (res.evidence("greeting").isEmpty() ? "" : ": " + res.evidence("greeting")));
            }
            r.greetings().forEach(g -> out.println("  " + g.describe()));
        }
        try {
            String json = new ObjectMapper()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(Discovery.environment(reports, when));
            return new Outcome(json + "\n", reports);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String summary(Discovery.HostReport r) {
        if (r.exchange()) {
            return "Microsoft Exchange Server "
                    + r.level().map(Object::toString).orElse("(release not said)")
                    + r.decidedBy()
                            .flatMap(WireLevel::match)
                            .map(m -> m.hotfix() ? " with a later build (a hotfix)" : "")
                            .orElse("")
                    + r.decidedBy().map(d -> ", from " + d.origin()).orElse("");
        }
        long answered = r.results().stream().filter(ProbeResult::ok).count();
        if (answered == 0) {
            return "nothing answered";
        }
        List<String> services = r.results().stream()
                .filter(ProbeResult::ok)
                .map(ProbeResult::probe)
                .distinct()
                .toList();
        return "not recognised as Exchange; answers " + String.join(", ", services) + " (product and version not said)";
    }
}
