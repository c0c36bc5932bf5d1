package io.kbsh.testkit.net;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.ReverseMap;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.TextParseException;

/**
 * A small authoritative DNS server on 127.0.0.1 answering real UDP queries from a table built by the test:
 * MX, A and CNAME records, an RCODE for a name, or silence.
 */
public final class DnsTestServer implements AutoCloseable {

    private static final long TTL = 60;

    private final DatagramSocket socket;
    private final Map<Name, List<Record>> records = new ConcurrentHashMap<>();
    private final Map<Name, Integer> rcodes = new ConcurrentHashMap<>();
    private final Map<Name, Boolean> silent = new ConcurrentHashMap<>();
    private final AtomicInteger queries = new AtomicInteger();
    private final AtomicInteger answers = new AtomicInteger();
    private volatile boolean rotating;
    private final Thread thread;

    public DnsTestServer() throws IOException {
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        thread = new Thread(this::serve, "test-dns");
        thread.setDaemon(true);
        thread.start();
    }

    public InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), socket.getLocalPort());
    }

    public int queries() {
        return queries.get();
    }

    /**
     * Answers with each name's records in rotating order, one further on every answer, as a server with
     * round-robin (BIND's {@code rrset-order cyclic}) does.
     *
     * @since 2.1
     */
    public DnsTestServer rotating() {
        rotating = true;
        return this;
    }

    public DnsTestServer mx(String domain, int preference, String host) {
        return add(new MXRecord(name(domain), DClass.IN, TTL, preference, name(host)));
    }

    /** RFC 7505: a single MX of preference 0 pointing at the root. */
    public DnsTestServer nullMx(String domain) {
        return add(new MXRecord(name(domain), DClass.IN, TTL, 0, Name.root));
    }

    public DnsTestServer a(String host, String address) {
        try {
            return add(new ARecord(name(host), DClass.IN, TTL, InetAddress.getByName(address)));
        } catch (IOException e) {
            throw new IllegalArgumentException(address, e);
        }
    }

    /** A PTR record for {@code address} (its reverse name) pointing at {@code host}. */
    public DnsTestServer ptr(String address, String host) {
        try {
            Name reverse = ReverseMap.fromAddress(InetAddress.getByName(address));
            return add(new PTRRecord(reverse, DClass.IN, TTL, name(host)));
        } catch (IOException e) {
            throw new IllegalArgumentException(address, e);
        }
    }

    /** The SOA record of {@code zone} with {@code serial}; answers for it carry authority. */
    public DnsTestServer soa(String zone, long serial) {
        return add(new SOARecord(
                name(zone),
                DClass.IN,
                TTL,
                name("ns1." + zone),
                name("hostmaster." + zone),
                serial,
                3600,
                600,
                86400,
                60));
    }

    public DnsTestServer cname(String alias, String target) {
        return add(new CNAMERecord(name(alias), DClass.IN, TTL, name(target)));
    }

    public DnsTestServer rcode(String domain, int rcode) {
        rcodes.put(name(domain), rcode);
        return this;
    }

    public DnsTestServer silent(String domain) {
        silent.put(name(domain), true);
        return this;
    }

    private DnsTestServer add(Record r) {
        records.computeIfAbsent(r.getName(), n -> new ArrayList<>()).add(r);
        return this;
    }

    private void serve() {
        byte[] buffer = new byte[4096];
        while (!socket.isClosed()) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
                queries.incrementAndGet();
                Message query = new Message(java.util.Arrays.copyOf(buffer, packet.getLength()));
                Message answer = answer(query);
                if (answer != null) {
                    byte[] out = answer.toWire();
                    socket.send(new DatagramPacket(out, out.length, packet.getSocketAddress()));
                }
            } catch (IOException e) {
                if (socket.isClosed()) {
                    return;
                }
            }
        }
    }

    private @Nullable Message answer(Message query) {
        Record question = query.getQuestion();
        Name name = question.getName();
        if (silent.containsKey(name)) {
            return null;
        }
        Message answer = new Message(query.getHeader().getID());
        answer.getHeader().setFlag(Flags.QR);
        answer.getHeader().setFlag(Flags.AA);
        answer.addRecord(question, Section.QUESTION);
        Integer rcode = rcodes.get(name);
        if (rcode != null) {
            answer.getHeader().setRcode(rcode);
            return answer;
        }
        Name current = name;
        for (int hop = 0; hop < 8; hop++) {
            List<Record> here = records.get(current);
            if (here == null) {
                if (hop == 0) {
                    answer.getHeader().setRcode(Rcode.NXDOMAIN);
                }
                return answer;
            }
            Name next = null;
            if (rotating && here.size() > 1) {
                List<Record> turned = new ArrayList<>(here);
                java.util.Collections.rotate(turned, -(answers.getAndIncrement() % turned.size()));
                here = turned;
            }
            for (Record r : here) {
                if (r.getType() == question.getType()) {
                    answer.addRecord(r, Section.ANSWER);
                } else if (r instanceof CNAMERecord c) {
                    answer.addRecord(r, Section.ANSWER);
                    next = c.getTarget();
                }
            }
            if (next == null) {
                return answer;
            }
            current = next;
        }
        return answer;
    }

    private static Name name(String text) {
        try {
            return Name.fromString(text.endsWith(".") ? text : text + ".");
        } catch (TextParseException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
