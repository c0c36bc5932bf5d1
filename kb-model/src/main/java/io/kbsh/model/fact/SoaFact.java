package io.kbsh.model.fact;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A zone's SOA record as each of the servers asked gave it, and whether their serials agree (Q194129: a
 * primary whose serial was not raised; Q302639: a secondary that fell behind). Serials compare by RFC 1982
 * serial-number arithmetic, so a serial that wrapped around still counts as newer. When the zone was also
 * transferred from each server (AXFR), {@link #contentsAgree()} says whether they hold the same records: the
 * same serial with different contents is a change whose serial was never raised.
 *
 * @since 2.1
 */
public record SoaFact(String zone, List<Server> servers, Instant observedAt) implements Fact {

    /**
     * One server's answer: {@code dnsOutcome} {@code OK} with the serial, primary server (MNAME) and whether
     * it answered with authority; otherwise how the query ended and why.
     */
    public record Server(
            String server,
            String dnsOutcome,
            long serial,
            String primary,
            boolean authoritative,
            String detail,
            Optional<Transfer> transfer) {
        public Server {
            Objects.requireNonNull(server, "server");
            Objects.requireNonNull(dnsOutcome, "dnsOutcome");
            Objects.requireNonNull(primary, "primary");
            Objects.requireNonNull(detail, "detail");
            Objects.requireNonNull(transfer, "transfer");
        }

        /** A server's answer when the zone was not transferred. */
        public Server(
                String server, String dnsOutcome, long serial, String primary, boolean authoritative, String detail) {
            this(server, dnsOutcome, serial, primary, authoritative, detail, Optional.empty());
        }

        public boolean answered() {
            return dnsOutcome.equals("OK");
        }
    }

    /**
     * The zone as one server transferred it (AXFR): {@code outcome} {@code OK} with how many records it held
     * (the SOA not counted) and a digest of them that does not depend on their order (SHA-256, as hex); otherwise
     * how the transfer ended ({@code REFUSED}, {@code TIMEOUT}, {@code TOO_LARGE}, {@code ERROR}) and why.
     */
    public record Transfer(String outcome, int records, String digest, String detail) {
        public Transfer {
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(digest, "digest");
            Objects.requireNonNull(detail, "detail");
        }

        public boolean transferred() {
            return outcome.equals("OK");
        }

        /** {@code 12 records (9f2c41aa07e3)}, the digest shortened as Git shortens a commit's; or how it failed. */
        public String describe() {
            return transferred()
                    ? records + " records (" + digest.substring(0, Math.min(12, digest.length())) + ")"
                    : "transfer " + outcome + (detail.isEmpty() ? "" : " (" + detail + ")");
        }
    }

    public SoaFact {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(observedAt, "observedAt");
        servers = List.copyOf(servers);
    }

    @Override
    public String probe() {
        return "soa";
    }

    @Override
    public String subject() {
        return zone;
    }

    /** True when every server answered and all gave the same serial. */
    public boolean serialsAgree() {
        return !servers.isEmpty()
                && servers.stream().allMatch(Server::answered)
                && servers.stream().map(Server::serial).distinct().count() == 1;
    }

    /**
     * Whether the servers hold the same records: empty unless the zone was transferred from every server; then
     * true when all digests are the same.
     */
    public Optional<Boolean> contentsAgree() {
        if (servers.isEmpty()
                || !servers.stream()
                        .allMatch(s -> s.transfer().map(Transfer::transferred).orElse(false))) {
            return Optional.empty();
        }
        return Optional.of(servers.stream()
                        .map(s -> s.transfer().orElseThrow().digest())
                        .distinct()
                        .count()
                == 1);
    }

    /** The newest serial any server gave. */
    public Optional<Long> newestSerial() {
        Long newest = null;
        for (Server s : servers) {
            if (s.answered() && (newest == null || newer(s.serial(), newest))) {
                newest = s.serial();
            }
        }
        return Optional.ofNullable(newest);
    }

    /** The servers that answered with a serial older than the newest: behind, or never raised. */
    public List<Server> behind() {
        Optional<Long> newest = newestSerial();
        return servers.stream()
                .filter(s -> s.answered() && newest.isPresent() && newer(newest.get(), s.serial()))
                .toList();
    }

    /** RFC 1982: {@code a} is newer than {@code b} (32-bit serials, wrapping). */
    public static boolean newer(long a, long b) {
        long diff = (a - b) & 0xffffffffL;
        return diff != 0 && diff < 0x80000000L;
    }

    @Override
    public String describe() {
        StringBuilder sb =
                new StringBuilder("soa ").append(zone).append(serialsAgree() ? " serials agree" : " serials differ");
        contentsAgree().ifPresent(same -> sb.append(same ? ", contents agree" : ", contents differ"));
        for (Server s : servers) {
            sb.append("; ").append(s.server()).append(' ');
            sb.append(
                    s.answered()
                            ? "serial " + s.serial() + (s.authoritative() ? "" : " (not authoritative)")
                            : s.dnsOutcome() + (s.detail().isEmpty() ? "" : " (" + s.detail() + ")"));
            s.transfer().ifPresent(t -> sb.append(", ").append(t.describe()));
        }
        return sb.toString();
    }
}
