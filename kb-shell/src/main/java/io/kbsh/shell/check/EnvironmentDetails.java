package io.kbsh.shell.check;

import io.kbsh.model.env.CollectedEvidence;
import io.kbsh.model.env.DnsServer;
import io.kbsh.model.env.DnsZone;
import io.kbsh.model.env.Environment;
import io.kbsh.model.env.Firewall;
import io.kbsh.model.env.FlowRule;
import io.kbsh.model.env.InstalledService;
import io.kbsh.model.env.MailHost;
import io.kbsh.model.env.Server;
import io.kbsh.model.env.WindowsDomain;
import io.kbsh.shell.env.EnvironmentReader;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The schema version 2 parts of {@code env show}: one indented line per fact that is described. */
final class EnvironmentDetails {

    private EnvironmentDetails() {}

    static void describe(Server s, StringBuilder sb) {
        List<String> lines = new ArrayList<>();
        s.cluster()
                .ifPresent(c -> lines.add(
                        "cluster" + c.virtualServer().map(v -> " " + v).orElse("")
                                + (c.nodeAddresses().isEmpty() ? "" : ", node " + String.join(", ", c.nodeAddresses()))
                                + (c.virtualAddresses().isEmpty()
                                        ? ""
                                        : ", virtual " + String.join(", ", c.virtualAddresses()))));
        if (!s.roles().isEmpty()) {
            lines.add("roles " + s.roles().stream().map(r -> r.label()).sorted().collect(Collectors.joining(", "))
                    + s.windowsDomain().map(d -> " of " + d).orElse(""));
        } else {
            s.windowsDomain().ifPresent(d -> lines.add("member of " + d));
        }
        if (!s.serves().isEmpty()) {
            lines.add("serves " + s.serves().stream().map(p -> p.describe()).collect(Collectors.joining(", ")));
        }
        if (!s.dnsServers().isEmpty()) {
            lines.add("asks DNS " + String.join(", ", s.dnsServers()));
        }
        if (!s.services().isEmpty()) {
            lines.add("services " + services(s.services()));
        }
        s.ims().ifPresent(ims -> {
            List<String> parts = new ArrayList<>();
            ims.reverseLookup().ifPresent(r -> parts.add("reverse lookup " + (r ? "on" : "off")));
            ims.relay().ifPresent(r -> parts.add(r.open() ? "open relay" : "relay restricted"));
            if (!ims.tlsDomains().isEmpty()) {
                parts.add("TLS to " + String.join(", ", ims.tlsDomains()));
            }
            ims.smartHost().ifPresent(h -> parts.add("smart host " + h));
            lines.add("IMS " + (parts.isEmpty() ? "settings not described" : String.join(", ", parts)));
        });
        s.provenance().forEach((field, p) -> lines.add(field + " from " + p.describe()));
        s.extensions()
                .names()
                .forEach(n -> lines.add(n + " = " + s.extensions().value(n).orElseThrow()));
        for (String line : lines) {
            sb.append("  ").append(s.id()).append(": ").append(line).append('\n');
        }
    }

    static void describe(Firewall f, StringBuilder sb) {
        List<String> parts = new ArrayList<>();
        String product = String.join(
                        " ",
                        f.vendor().orElse(""),
                        f.product().orElse(""),
                        f.version().orElse(""))
                .trim();
        if (!product.isEmpty()) {
            parts.add(product);
        }
        f.mode().ifPresent(m -> parts.add(EnvironmentReader.jsonName(m)));
        f.features().stream().map(EnvironmentReader::jsonName).sorted().forEach(parts::add);
        sb.append(parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")").append('\n');
        for (FlowRule r : f.rules()) {
            sb.append("  allows ")
                    .append(r.from())
                    .append(" -> ")
                    .append(r.to())
                    .append(' ')
                    .append(EnvironmentReader.jsonName(r.protocol()))
                    .append(' ')
                    .append(r.ports().stream().map(Object::toString).collect(Collectors.joining(",")))
                    .append(r.note().map(n -> "  (" + n + ")").orElse(""))
                    .append('\n');
        }
    }

    static void describeRest(Environment env, StringBuilder sb) {
        for (DnsServer d : env.dnsServers()) {
            sb.append("DNS server ")
                    .append(d.id())
                    .append(' ')
                    .append(String.join(", ", d.addresses()))
                    .append(d.product()
                            .map(p -> ", " + p + d.version().map(v -> " " + v).orElse(""))
                            .orElse(""))
                    .append(d.runsOn().map(r -> ", on " + r).orElse(""))
                    .append('\n');
            for (DnsZone z : d.zones()) {
                sb.append("  zone ")
                        .append(z.name())
                        .append(' ')
                        .append(EnvironmentReader.jsonName(z.role()))
                        .append(z.serial().map(n -> " serial " + n).orElse(""))
                        .append(z.masters().isEmpty() ? "" : " from " + String.join(", ", z.masters()))
                        .append('\n');
            }
        }
        for (WindowsDomain d : env.windowsDomains()) {
            sb.append("Windows domain ")
                    .append(d.name())
                    .append(d.controllers().isEmpty() ? "" : ", controllers " + String.join(", ", d.controllers()))
                    .append(d.trusts().isEmpty() ? "" : ", trusts " + String.join(", ", d.trusts()))
                    .append('\n');
        }
        for (MailHost m : env.mailHosts()) {
            sb.append("mail host ")
                    .append(m.id())
                    .append(' ')
                    .append(m.host())
                    .append(m.product().map(p -> " (" + p + ")").orElse(""))
                    .append(m.requiresTls() ? ", requires TLS" : "")
                    .append(m.requiresAuth() ? ", requires AUTH" : "")
                    .append('\n');
        }
        for (CollectedEvidence c : env.collected()) {
            sb.append("collected from ")
                    .append(c.from())
                    .append(": ")
                    .append(c.registry().size())
                    .append(" registry value(s), ")
                    .append(c.events().size())
                    .append(" event(s)")
                    .append('\n');
        }
    }

    private static String services(List<InstalledService> services) {
        return services.stream()
                .map(s -> s.name()
                        + s.state()
                                .map(st -> " (" + EnvironmentReader.jsonName(st) + ")")
                                .orElse(""))
                .collect(Collectors.joining(", "));
    }
}
