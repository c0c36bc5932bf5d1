package io.kbsh.net.dns;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Address;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.ResolverConfig;
import org.xbill.DNS.ReverseMap;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;
import org.xbill.DNS.hosts.HostsFileParser;

/**
 * Resolves names with dnsjava's message classes over its own UDP (and, for truncated answers, TCP)
 * exchange, so that every query has a hard time-out, runs on the calling thread and starts no
 * background thread; never the JDK's blocking look-up. An interrupt of the calling thread ends a
 * query within a tenth of a second.
 *
 * <p>Thread safety: immutable (a server and a time-out); one resolver may be shared and queried from
 * several threads at once.
 *
 * @since 2.0
 */
public final class DnsResolver {

    private static final int MAX_CNAME_HOPS = 8;
    private static final int SLICE_MILLIS = 100;
    private static final HostsFileParser HOSTS = new HostsFileParser();
    private static final Pattern LITERAL = Pattern.compile("[0-9.]+|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

    /** The server to ask; empty for the system's (with the hosts file first). */
    private final Optional<InetSocketAddress> server;

    private final Duration timeout;
    /** System.nanoTime() past which no query waits, if there is such a limit. */
    private final OptionalLong deadlineNanos;

    private DnsResolver(Optional<InetSocketAddress> server, Duration timeout, OptionalLong deadlineNanos) {
        this.server = server;
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.deadlineNanos = deadlineNanos;
    }

    /**
     * This resolver with an absolute limit: every query waits its time-out or until {@code total} from now
     * has passed, whichever comes first, so that a caller's deadline covers its look-ups (a look-up of
     * several queries, A then AAAA, or CNAME hops, cannot add its time-outs up past it).
     *
     * @since 2.1
     */
    public DnsResolver within(Duration total) {
        long end = System.nanoTime() + Objects.requireNonNull(total, "total").toNanos();
        long bounded =
                deadlineNanos.isPresent() && deadlineNanos.getAsLong() - end < 0 ? deadlineNanos.getAsLong() : end;
        return new DnsResolver(server, timeout, OptionalLong.of(bounded));
    }

    /** Asks {@code server}; names in the hosts file are not consulted. */
    public static DnsResolver at(InetSocketAddress server, Duration timeout) {
        return new DnsResolver(Optional.of(server), timeout, OptionalLong.empty());
    }

    /** Consults the hosts file, then the first name server of the system's configuration. */
    public static DnsResolver system(Duration timeout) {
        return new DnsResolver(Optional.empty(), timeout, OptionalLong.empty());
    }

    /** The address {@code host} stands for when it is an IPv4 or IPv6 literal (brackets allowed). */
    public static Optional<InetAddress> literal(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (!LITERAL.matcher(h).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Address.getByAddress(h));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** The IPv4 addresses of {@code host}, else its IPv6 addresses; a literal is returned as is. */
    public List<InetAddress> addresses(String host) throws DnsException, InterruptedIOException {
        Optional<InetAddress> literal = literal(host);
        if (literal.isPresent()) {
            return List.of(literal.get());
        }
        Name name = name(host);
        if (server.isEmpty()) {
            Optional<InetAddress> fromHosts = fromHostsFile(name);
            if (fromHosts.isPresent()) {
                return List.of(fromHosts.get());
            }
        }
        List<InetAddress> found = records(name, Type.A);
        if (found.isEmpty()) {
            found = records(name, Type.AAAA);
        }
        if (found.isEmpty()) {
            throw new DnsException(DnsOutcome.NODATA, stripDot(name.toString()) + " has no address record");
        }
        return found;
    }

    /** The MX records of {@code domain}, or the implicit MX, or how the look-up failed. */
    public MxAnswer mx(String domain) throws InterruptedIOException {
        String bare = stripDot(domain);
        Name name;
        List<MxRecord> found = new ArrayList<>();
        try {
            name = name(bare);
            Name current = name;
            for (int hop = 0; hop <= MAX_CNAME_HOPS; hop++) {
                Message answer = query(current, Type.MX);
                Name next = null;
                for (Record r : answer.getSection(Section.ANSWER)) {
                    if (r instanceof MXRecord mx && r.getName().equals(current)) {
                        found.add(new MxRecord(stripDot(mx.getTarget().toString()), mx.getPriority()));
                    } else if (r instanceof CNAMERecord c && r.getName().equals(current)) {
                        next = c.getTarget();
                    }
                }
                if (!found.isEmpty() || next == null) {
                    break;
                }
                current = next;
            }
        } catch (DnsException e) {
            return new MxAnswer(bare, e.outcome(), List.of(), Objects.requireNonNullElse(e.getMessage(), ""));
        }
        if (found.isEmpty()) {
            try {
                addresses(bare);
                return new MxAnswer(
                        bare,
                        DnsOutcome.IMPLICIT_MX,
                        List.of(new MxRecord(bare, 0)),
                        "no MX record; the domain's own address receives mail");
            } catch (DnsException e) {
                return new MxAnswer(bare, e.outcome(), List.of(), "no MX record and " + e.getMessage());
            }
        }
        List<MxRecord> real = found.stream().filter(r -> !r.host().isEmpty()).toList();
        if (real.isEmpty()) {
            return new MxAnswer(bare, DnsOutcome.NULL_MX, List.of(), "null MX: the domain accepts no mail");
        }
        String detail = real.size() < found.size() ? "a null MX record next to real ones was ignored" : "";
        return new MxAnswer(bare, DnsOutcome.OK, real, detail);
    }

    /**
     * The names a PTR look-up of {@code address} gives (the reverse zone's {@code in-addr.arpa} or {@code
     * ip6.arpa} name), without the trailing dot; NODATA when the reverse name exists without a PTR record.
     *
     * @since 2.1
     */
    public List<String> ptr(InetAddress address) throws DnsException, InterruptedIOException {
        Name reverse = ReverseMap.fromAddress(address);
        Message answer = query(reverse, Type.PTR);
        List<String> names = new ArrayList<>();
        for (Record r : answer.getSection(Section.ANSWER)) {
            if (r instanceof PTRRecord p && r.getName().equals(reverse)) {
                names.add(stripDot(p.getTarget().toString()));
            }
        }
        if (names.isEmpty()) {
            throw new DnsException(DnsOutcome.NODATA, stripDot(reverse.toString()) + " has no PTR record");
        }
        return names;
    }

    /**
     * The SOA record of {@code zone} as this resolver's server gives it, and whether the server answered
     * with authority (the AA flag): what a comparison of a zone's servers needs.
     *
     * @since 2.1
     */
    public SoaAnswer soa(String zone) throws DnsException, InterruptedIOException {
        Name name = name(zone);
        Message answer = query(name, Type.SOA);
        for (Record r : answer.getSection(Section.ANSWER)) {
            if (r instanceof SOARecord soa && r.getName().equals(name)) {
                return new SoaAnswer(
                        stripDot(name.toString()),
                        stripDot(soa.getHost().toString()),
                        stripDot(soa.getAdmin().toString()),
                        soa.getSerial(),
                        answer.getHeader().getFlag(Flags.AA));
            }
        }
        throw new DnsException(
                DnsOutcome.NODATA, stripDot(name.toString()) + " has no SOA record here: not a zone apex");
    }

    private List<InetAddress> records(Name name, int type) throws DnsException, InterruptedIOException {
        Name current = name;
        for (int hop = 0; hop <= MAX_CNAME_HOPS; hop++) {
            Message answer = query(current, type);
            List<InetAddress> out = new ArrayList<>();
            // An answer may carry the whole CNAME chain: follow it inside the answer before asking again.
            for (int inAnswer = 0; inAnswer <= MAX_CNAME_HOPS; inAnswer++) {
                Name next = null;
                for (Record r : answer.getSection(Section.ANSWER)) {
                    if (!r.getName().equals(current)) {
                        continue;
                    }
                    if (r instanceof ARecord a) {
                        out.add(a.getAddress());
                    } else if (r instanceof AAAARecord a) {
                        out.add(a.getAddress());
                    } else if (r instanceof CNAMERecord c) {
                        next = c.getTarget();
                    }
                }
                if (!out.isEmpty() || next == null) {
                    break;
                }
                current = next;
            }
            if (!out.isEmpty()) {
                return out;
            }
            if (current.equals(answer.getQuestion().getName())) {
                return List.of();
            }
        }
        throw new DnsException(DnsOutcome.ERROR, "CNAME chain longer than " + MAX_CNAME_HOPS + " at " + name);
    }

    private Message query(Name name, int type) throws DnsException, InterruptedIOException {
        InetSocketAddress to = server.isPresent() ? server.get() : systemServer();
        Message query = Message.newQuery(Record.newRecord(name, type, DClass.IN));
        long deadline = System.nanoTime() + timeout.toNanos();
        if (deadlineNanos.isPresent() && deadlineNanos.getAsLong() - deadline < 0) {
            deadline = deadlineNanos.getAsLong();
        }
        long wait = Math.max(0, (deadline - System.nanoTime()) / 1_000_000);
        Message answer;
        try {
            answer = overUdp(query, to, deadline);
            if (answer.getHeader().getFlag(Flags.TC)) {
                answer = overTcp(query, to, deadline);
            }
        } catch (InterruptedIOException e) {
            if (e instanceof SocketTimeoutException) {
                throw new DnsException(
                        DnsOutcome.TIMEOUT,
                        "no answer from " + show(to) + " for " + stripDot(name.toString()) + " " + Type.string(type)
                                + " within " + wait + " ms");
            }
            throw e;
        } catch (PortUnreachableException e) {
            throw new DnsException(DnsOutcome.REFUSED, "no DNS server at " + show(to));
        } catch (IOException e) {
            throw new DnsException(DnsOutcome.ERROR, "DNS query to " + show(to) + " failed: " + e.getMessage());
        }
        int rcode = answer.getRcode();
        String what = stripDot(name.toString()) + " " + Type.string(type);
        switch (rcode) {
            case Rcode.NOERROR -> {
                return answer;
            }
            case Rcode.NXDOMAIN ->
                throw new DnsException(
                        DnsOutcome.NXDOMAIN, "NXDOMAIN: " + stripDot(name.toString()) + " does not exist");
            case Rcode.SERVFAIL ->
                throw new DnsException(DnsOutcome.SERVFAIL, "SERVFAIL from " + show(to) + " for " + what);
            case Rcode.REFUSED -> throw new DnsException(DnsOutcome.REFUSED, "REFUSED by " + show(to) + " for " + what);
            default ->
                throw new DnsException(DnsOutcome.ERROR, Rcode.string(rcode) + " from " + show(to) + " for " + what);
        }
    }

    private static Message overUdp(Message query, InetSocketAddress to, long deadline) throws IOException {
        byte[] out = query.toWire();
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.connect(to);
            socket.send(new DatagramPacket(out, out.length));
            byte[] in = new byte[65535];
            while (true) {
                // Short slices so that an interrupt (Ctrl-C) ends the wait promptly.
                int wait = sliceUntil(deadline);
                socket.setSoTimeout(wait);
                DatagramPacket packet = new DatagramPacket(in, in.length);
                try {
                    socket.receive(packet);
                } catch (SocketTimeoutException slice) {
                    continue;
                }
                Message answer;
                try {
                    answer = new Message(Arrays.copyOf(in, packet.getLength()));
                } catch (IOException malformed) {
                    continue; // not a DNS message: keep waiting for the real answer
                }
                if (answer.getHeader().getID() == query.getHeader().getID()) {
                    return answer;
                }
            }
        }
    }

    private static Message overTcp(Message query, InetSocketAddress to, long deadline) throws IOException {
        byte[] out = query.toWire();
        try (Socket socket = new Socket()) {
            socket.connect(to, remainingMillis(deadline));
            socket.setSoTimeout(remainingMillis(deadline));
            OutputStream os = socket.getOutputStream();
            os.write(new byte[] {(byte) (out.length >> 8), (byte) out.length});
            os.write(out);
            os.flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            int length = in.readUnsignedShort();
            byte[] body = new byte[length];
            in.readFully(body);
            return new Message(body);
        } catch (EOFException e) {
            throw new IOException("TCP answer cut short", e);
        }
    }

    private static int sliceUntil(long deadline) throws InterruptedIOException {
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedIOException("DNS query interrupted");
        }
        return Math.min(SLICE_MILLIS, remainingMillis(deadline));
    }

    private static int remainingMillis(long deadline) throws SocketTimeoutException {
        long left = (deadline - System.nanoTime()) / 1_000_000;
        if (left <= 0) {
            throw new SocketTimeoutException("DNS time-out");
        }
        return (int) Math.min(Integer.MAX_VALUE, left);
    }

    private static InetSocketAddress systemServer() throws DnsException {
        InetSocketAddress s = ResolverConfig.getCurrentConfig().server();
        if (s == null) {
            throw new DnsException(DnsOutcome.ERROR, "no DNS server configured");
        }
        return s;
    }

    private static Optional<InetAddress> fromHostsFile(Name name) {
        try {
            Optional<InetAddress> v4 = HOSTS.getAddressForHost(name, Type.A);
            return v4.isPresent() ? v4 : HOSTS.getAddressForHost(name, Type.AAAA);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Name name(String host) throws DnsException {
        try {
            return Name.fromString(stripDot(host).toLowerCase(Locale.ROOT) + ".");
        } catch (TextParseException e) {
            throw new DnsException(DnsOutcome.ERROR, "not a valid host name: '" + host + "'");
        }
    }

    private static String stripDot(String name) {
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }

    private static String show(InetSocketAddress a) {
        return a.getAddress().getHostAddress() + ":" + a.getPort();
    }

    @Override
    public String toString() {
        return server.map(s -> "resolver " + show(s)).orElse("system resolver");
    }
}
