package io.kbsh.net.lookup;

import io.kbsh.model.fact.SoaFact;
import io.kbsh.net.dns.DnsException;
import io.kbsh.net.dns.DnsResolver;
import io.kbsh.net.dns.SoaAnswer;
import io.kbsh.net.probe.ProbeOptions;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;
import org.xbill.DNS.ZoneTransferException;
import org.xbill.DNS.ZoneTransferIn;

/**
 * A zone's SOA record from each of the servers given (the primary and its secondaries), serials compared:
 * {@link SoaFact#serialsAgree()}, {@link SoaFact#behind()}. Each server is asked directly, never through a
 * recursive resolver; the options' deadline covers all of them, the DNS time-out each query. At most
 * {@value #MAX_SERVERS} servers.
 *
 * <p>{@link #withTransfers()} also transfers the zone from each server that answered (AXFR over TCP) and
 * compares the records, {@link SoaFact#contentsAgree()}: two servers with the same serial and different
 * records hold a change whose serial was never raised (Q194129). A transfer is read to at most {@value
 * #MAX_TRANSFER_RECORDS} records and within what is left of the deadline.
 *
 * @since 2.1
 */
public final class SoaProbe {

    public static final int MAX_SERVERS = 16;

    /** The most records read from one zone transfer; a server that sends more is not read further. */
    public static final int MAX_TRANSFER_RECORDS = 200_000;

    private final boolean transfers;

    /** A probe that asks for the SOA record only. */
    public SoaProbe() {
        this(false);
    }

    private SoaProbe(boolean transfers) {
        this.transfers = transfers;
    }

    /** A probe that also transfers the zone from each server that gave its SOA record, and compares the records. */
    public static SoaProbe withTransfers() {
        return new SoaProbe(true);
    }

    public SoaFact check(String zone, List<InetSocketAddress> servers, ProbeOptions options) {
        Objects.requireNonNull(zone, "zone");
        if (servers.isEmpty() || servers.size() > MAX_SERVERS) {
            throw new IllegalArgumentException(
                    "an SOA comparison takes 1 to " + MAX_SERVERS + " servers, got " + servers.size());
        }
        Instant started = Instant.now();
        long end = System.nanoTime() + options.deadline().toNanos();
        List<SoaFact.Server> answers = new ArrayList<>();
        for (InetSocketAddress server : servers) {
            String name = show(server);
            long left = end - System.nanoTime();
            if (left <= 0 || Thread.currentThread().isInterrupted()) {
                answers.add(new SoaFact.Server(name, "TIMEOUT", 0, "", false, "not asked: the deadline had passed"));
                continue;
            }
            try {
                SoaAnswer soa = DnsResolver.at(server, options.dnsTimeout())
                        .within(Duration.ofNanos(left))
                        .soa(zone);
                Optional<SoaFact.Transfer> transfer =
                        transfers ? Optional.of(transfer(zone, server, end)) : Optional.empty();
                answers.add(
                        new SoaFact.Server(name, "OK", soa.serial(), soa.primary(), soa.authoritative(), "", transfer));
            } catch (DnsException e) {
                answers.add(new SoaFact.Server(name, e.outcome().name(), 0, "", false, e.getMessage()));
            } catch (InterruptedIOException e) {
                Thread.currentThread().interrupt();
                answers.add(new SoaFact.Server(name, "ERROR", 0, "", false, "cancelled"));
            }
        }
        String bare = zone.endsWith(".") ? zone.substring(0, zone.length() - 1) : zone;
        return new SoaFact(bare, answers, started);
    }

    /** The zone as {@code server} transfers it, read until the SOA that closes it, {@code end} (nanoTime) at the latest. */
    private static SoaFact.Transfer transfer(String zone, InetSocketAddress server, long end) {
        long left = end - System.nanoTime();
        if (left <= 0) {
            return new SoaFact.Transfer("TIMEOUT", 0, "", "not transferred: the deadline had passed");
        }
        Name origin;
        try {
            origin = Name.fromString(zone.endsWith(".") ? zone : zone + ".");
        } catch (TextParseException e) {
            return new SoaFact.Transfer("ERROR", 0, "", "not a zone name: " + e.getMessage());
        }
        Records records = new Records();
        ZoneTransferIn xfr = ZoneTransferIn.newAXFR(origin, server, null);
        // dnsjava's time-out bounds the whole transfer (its TCP client has one end time), not each read.
        xfr.setTimeout(Duration.ofNanos(left));
        try {
            xfr.run(records);
        } catch (TooLarge e) {
            return new SoaFact.Transfer(
                    "TOO_LARGE",
                    records.size(),
                    "",
                    "more than " + MAX_TRANSFER_RECORDS + " records; not read further");
        } catch (ZoneTransferException e) {
            String why = Objects.toString(e.getMessage(), "");
            // An RCODE such as REFUSED or NOTAUTH: the server does not let this address transfer the zone.
            boolean refused = Rcode.value(why) > 0;
            return new SoaFact.Transfer(
                    refused ? "REFUSED" : "ERROR", 0, "", refused ? "the server answered " + why : why);
        } catch (SocketTimeoutException e) {
            return new SoaFact.Transfer("TIMEOUT", records.size(), "", "the transfer did not end in time");
        } catch (InterruptedIOException e) {
            Thread.currentThread().interrupt();
            return new SoaFact.Transfer("ERROR", records.size(), "", "cancelled");
        } catch (IOException e) {
            return new SoaFact.Transfer("ERROR", records.size(), "", Objects.toString(e.getMessage(), e.toString()));
        }
        return new SoaFact.Transfer("OK", records.size(), records.digest(), "");
    }

    /**
     * What a transfer delivered: the SHA-256 of each record but the SOA, taken over one canonical line (owner
     * lower-cased, TTL, type, data). Only the 32-byte hashes are kept, so a server sending its largest records
     * holds at most {@value #MAX_TRANSFER_RECORDS} times 32 bytes here, whatever their size.
     */
    private static final class Records implements ZoneTransferIn.ZoneTransferHandler {
        private final List<byte[]> hashes = new ArrayList<>();
        private final MessageDigest sha = sha256();

        int size() {
            return hashes.size();
        }

        @Override
        public void startAXFR() {}

        @Override
        public void startIXFR() throws ZoneTransferException {
            throw new ZoneTransferException("the server answered an AXFR with an IXFR");
        }

        @Override
        public void startIXFRDeletes(org.xbill.DNS.Record soa) {}

        @Override
        public void startIXFRAdds(org.xbill.DNS.Record soa) {}

        @Override
        public void handleRecord(org.xbill.DNS.Record r) throws ZoneTransferException {
            if (r.getType() == Type.SOA) {
                // The SOA opens and closes the transfer; its serial is compared on its own.
                return;
            }
            if (hashes.size() >= MAX_TRANSFER_RECORDS) {
                throw new TooLarge();
            }
            String line = r.getName().toString().toLowerCase(Locale.ROOT) + " " + r.getTTL() + " "
                    + Type.string(r.getType()) + " " + r.rdataToString();
            hashes.add(sha.digest(line.getBytes(StandardCharsets.UTF_8)));
        }

        /** SHA-256 of the records' hashes in sorted order: the same records in any order give the same digest. */
        String digest() {
            List<byte[]> sorted = new ArrayList<>(hashes);
            sorted.sort(java.util.Arrays::compare);
            MessageDigest all = sha256();
            sorted.forEach(all::update);
            return HexFormat.of().formatHex(all.digest());
        }

        private static MessageDigest sha256() {
            try {
                return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java platform has SHA-256", e);
            }
        }
    }

    /** Thrown by {@link Records} when a transfer goes past {@link #MAX_TRANSFER_RECORDS}. */
    private static final class TooLarge extends ZoneTransferException {
        private static final long serialVersionUID = 1L;

        TooLarge() {
            super("too many records");
        }
    }

    private static String show(InetSocketAddress a) {
        String host = a.getAddress().getHostAddress();
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + (a.getPort() == 53 ? "" : ":" + a.getPort());
    }
}
