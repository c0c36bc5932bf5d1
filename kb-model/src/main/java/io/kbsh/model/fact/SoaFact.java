package io.kbsh.model.fact;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A zone's SOA record as each of the servers asked gave it, and whether their serials agree (Q194129: a
 * primary whose serial was not raised; Q302639: a secondary that fell behind). Serials compare by RFC 1982
 * serial-number arithmetic, so a serial that wrapped around still counts as newer.
 *
 * @since 2.1
 */
public record SoaFact(String zone, List<Server> servers, Instant observedAt) implements Fact {

    /**
     * One server's answer: {@code dnsOutcome} {@code OK} with the serial, primary server (MNAME) and whether
     * it answered with authority; otherwise how the query ended and why.
     */
    public record Server(
            String server, String dnsOutcome, long serial, String primary, boolean authoritative, String detail) {
        public Server {
            Objects.requireNonNull(server, "server");
            Objects.requireNonNull(dnsOutcome, "dnsOutcome");
            Objects.requireNonNull(primary, "primary");
            Objects.requireNonNull(detail, "detail");
        }

        public boolean answered() {
            return dnsOutcome.equals("OK");
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
        for (Server s : servers) {
            sb.append("; ").append(s.server()).append(' ');
            sb.append(
                    s.answered()
                            ? "serial " + s.serial() + (s.authoritative() ? "" : " (not authoritative)")
                            : s.dnsOutcome() + (s.detail().isEmpty() ? "" : " (" + s.detail() + ")"));
        }
        return sb.toString();
    }
}
