package io.kbsh.shell.net;

import io.kbsh.model.fact.EndpointFact;
import io.kbsh.model.fact.Fact;
import io.kbsh.model.fact.MxFact;
import io.kbsh.model.fact.ProbeStatus;
import java.util.Optional;
import java.util.Set;

/**
 * Probe outcomes in the words a person reads ({@code connected, no reply} rather than
 * {@code CONNECTED_SILENT}), and which outcomes say something about the peer at all: a name that did not
 * resolve or a probe stopped by Ctrl-C is no evidence that a finding applies. JSON keeps the enum names.
 */
public final class ProbeWords {

    /** MX look-ups that ended without an answer about the domain. */
    private static final Set<String> UNANSWERED_DNS = Set.of("SERVFAIL", "REFUSED", "TIMEOUT", "ERROR");

    private ProbeWords() {}

    /** How a probe ended, in words. */
    public static String status(ProbeStatus status) {
        return switch (status) {
            case OK -> "ok";
            case REFUSED -> "connection refused";
            case TIMEOUT -> "timed out";
            case UNREACHABLE -> "unreachable";
            case CONNECTED_SILENT -> "connected, no reply";
            case PROTOCOL_ERROR -> "protocol error";
            case REJECTED -> "service refused us";
            case TLS_ERROR -> "TLS handshake failed";
            case DNS_ERROR -> "name not resolved";
            case CANCELLED -> "cancelled";
        };
    }

    /** How far a probe got, in words: the furthest stage it completed. */
    public static String reached(String stage) {
        return switch (stage) {
            case "none" -> "nothing";
            case "resolve" -> "name resolved";
            case "connect" -> "connected";
            default -> stage;
        };
    }

    /** How the MX look-up of a domain ended, in words. */
    public static String dns(String outcome) {
        return switch (outcome) {
            case "OK" -> "MX records found";
            case "NXDOMAIN" -> "no such domain";
            case "SERVFAIL" -> "the DNS server failed to answer";
            case "REFUSED" -> "the DNS server refused the query";
            case "TIMEOUT" -> "the DNS look-up timed out";
            case "NODATA" -> "no MX record and no address";
            case "NULL_MX" -> "null MX: the domain accepts no mail";
            case "IMPLICIT_MX" -> "no MX record: mail goes to the domain's own address";
            default -> "DNS error";
        };
    }

    /** Why {@code fact} is no evidence about its peer (a cancelled probe, an unresolved name); empty when it is. */
    public static Optional<String> notEvidence(Fact fact) {
        if (fact instanceof EndpointFact e
                && (e.status() == ProbeStatus.CANCELLED || e.status() == ProbeStatus.DNS_ERROR)) {
            return Optional.of(e.probe() + " " + e.host() + ":" + e.port() + " " + status(e.status()));
        }
        if (fact instanceof MxFact mx
                && (UNANSWERED_DNS.contains(mx.dnsOutcome())
                        || mx.hosts().stream().anyMatch(h -> h.status() == ProbeStatus.CANCELLED))) {
            return Optional.of("mx " + mx.domain() + " "
                    + (UNANSWERED_DNS.contains(mx.dnsOutcome()) ? dns(mx.dnsOutcome()) : "cancelled"));
        }
        return Optional.empty();
    }

    /** A probe's fact as a person reads it: {@code smtp mail.example.net:25 connection refused (got as far as: name resolved)}. */
    public static String describe(Fact fact) {
        if (fact instanceof EndpointFact e) {
            String detail = e.evidence()
                    .text("greeting")
                    .or(() -> e.evidence().text("detail"))
                    .orElse("");
            return e.probe() + " " + e.host() + ":" + e.port() + " " + status(e.status())
                    + (e.ok() ? "" : " (got as far as: " + reached(e.stage()) + ")")
                    + (detail.isEmpty() ? "" : ": " + detail);
        }
        if (fact instanceof MxFact mx) {
            StringBuilder sb =
                    new StringBuilder("mx ").append(mx.domain()).append(": ").append(dns(mx.dnsOutcome()));
            for (MxFact.Host h : mx.hosts()) {
                sb.append("; MX ")
                        .append(h.preference())
                        .append(' ')
                        .append(h.name())
                        .append(h.address().map(a -> " [" + a + "]").orElse(""))
                        .append(' ')
                        .append(status(h.status()));
                if (h.status() != ProbeStatus.OK) {
                    sb.append(" (got as far as: ").append(reached(h.stage())).append(')');
                }
            }
            if (mx.hostsNotFollowed() > 0) {
                sb.append("; ").append(mx.hostsNotFollowed()).append(" more MX hosts not followed");
            }
            return sb.toString();
        }
        return fact.describe();
    }
}
