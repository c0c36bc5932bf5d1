package io.kbsh.testkit.net;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.BindException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
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
import org.xbill.DNS.Type;

/**
 * A small authoritative DNS server on 127.0.0.1 answering real UDP queries from a table built by the test:
 * MX, A and CNAME records, an RCODE for a name, or silence. The same port takes TCP too: the same answers, and
 * zone transfers (AXFR) of the zones given with {@link #transferable}; any other zone's transfer is REFUSED.
 */
public final class DnsTestServer implements AutoCloseable {

    private static final long TTL = 60;

    private final DatagramSocket socket;
    private final ServerSocket tcp;
    private final List<Socket> connections = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** The records of each transferable zone, its SOA not included; a zone whose transfer never ends has none. */
    private final Map<Name, List<Record>> zones = new ConcurrentHashMap<>();

    private final Map<Name, Boolean> endless = new ConcurrentHashMap<>();
    private final Map<Name, List<Record>> records = new ConcurrentHashMap<>();
    private final Map<Name, Integer> rcodes = new ConcurrentHashMap<>();
    private final Map<Name, Boolean> silent = new ConcurrentHashMap<>();
    private final AtomicInteger queries = new AtomicInteger();
    private final AtomicInteger answers = new AtomicInteger();
    private volatile boolean rotating;
    private final Thread thread;

    public DnsTestServer() throws IOException {
        Sockets bound = Sockets.bind();
        socket = bound.udp();
        tcp = bound.tcp();
        thread = new Thread(this::serve, "test-dns");
        thread.setDaemon(true);
        thread.start();
        Thread acceptor = new Thread(this::accept, "test-dns-tcp");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** UDP and TCP on one port number, as a DNS server has. */
    private record Sockets(DatagramSocket udp, ServerSocket tcp) {
        /** TCP first, then UDP on its port, which another process may hold: a few tries. */
        static Sockets bind() throws IOException {
            for (int attempt = 0; ; attempt++) {
                ServerSocket stream = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
                try {
                    return new Sockets(
                            new DatagramSocket(
                                    new InetSocketAddress(InetAddress.getLoopbackAddress(), stream.getLocalPort())),
                            stream);
                } catch (BindException e) {
                    stream.close();
                    if (attempt == 20) {
                        throw e;
                    }
                }
            }
        }
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

    /**
     * Lets {@code zone} (whose SOA {@link #soa} gave) be transferred over TCP with {@code records}, each
     * written {@code NAME TYPE DATA} as in a zone file ({@code www.example.test A 192.0.2.10}); the transfer
     * sends the SOA, the records and the SOA again, a few records to a message.
     *
     * @since 2.1
     */
    public DnsTestServer transferable(String zone, String... records) {
        List<Record> parsed = new ArrayList<>();
        for (String line : records) {
            String[] parts = line.trim().split("\\s+", 3);
            if (parts.length != 3) {
                throw new IllegalArgumentException("a record is NAME TYPE DATA: '" + line + "'");
            }
            try {
                parsed.add(
                        Record.fromString(name(parts[0]), Type.value(parts[1]), DClass.IN, TTL, parts[2], name(zone)));
            } catch (IOException e) {
                throw new IllegalArgumentException(line, e);
            }
        }
        zones.put(name(zone), List.copyOf(parsed));
        return this;
    }

    /**
     * A hostile server: the transfer of {@code zone} sends its SOA and then records without end, never the closing
     * SOA, until the client goes.
     *
     * @since 2.1
     */
    public DnsTestServer endlessTransfer(String zone) {
        endless.put(name(zone), true);
        zones.put(name(zone), List.of());
        return this;
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

    private void accept() {
        while (!tcp.isClosed()) {
            try {
                Socket client = tcp.accept();
                connections.add(client);
                Thread t = new Thread(() -> converse(client), "test-dns-tcp-client");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                if (tcp.isClosed()) {
                    return;
                }
            }
        }
    }

    /** One TCP connection: length-prefixed messages (RFC 1035 4.2.2) until the client closes it. */
    private void converse(Socket client) {
        try (client;
                DataInputStream in = new DataInputStream(client.getInputStream());
                DataOutputStream out = new DataOutputStream(client.getOutputStream())) {
            while (true) {
                byte[] message = new byte[in.readUnsignedShort()];
                in.readFully(message);
                queries.incrementAndGet();
                Message query = new Message(message);
                if (query.getQuestion().getType() == Type.AXFR) {
                    transfer(query, out);
                } else {
                    Message answer = answer(query);
                    if (answer != null) {
                        send(out, answer);
                    }
                }
            }
        } catch (IOException e) {
            // The client went (or the server closed): the conversation is over.
        } finally {
            connections.remove(client);
        }
    }

    private void transfer(Message query, DataOutputStream out) throws IOException {
        Name zone = query.getQuestion().getName();
        List<Record> body = zones.get(zone);
        Record soa = records.getOrDefault(zone, List.of()).stream()
                .filter(r -> r.getType() == Type.SOA)
                .findFirst()
                .orElse(null);
        if (body == null || soa == null) {
            Message refused = reply(query);
            refused.getHeader().setRcode(Rcode.REFUSED);
            send(out, refused);
            return;
        }
        Message first = reply(query);
        first.addRecord(soa, Section.ANSWER);
        send(out, first);
        if (endless.containsKey(zone)) {
            for (long i = 0; ; i++) {
                Message more = reply(query);
                for (int j = 0; j < 20; j++) {
                    more.addRecord(
                            new ARecord(
                                    name("h" + i + "-" + j + "." + zone),
                                    DClass.IN,
                                    TTL,
                                    InetAddress.getByAddress(new byte[] {(byte) 192, 0, 2, (byte) j})),
                            Section.ANSWER);
                }
                send(out, more);
            }
        }
        for (int i = 0; i < body.size(); i += 3) {
            Message part = reply(query);
            body.subList(i, Math.min(body.size(), i + 3)).forEach(r -> part.addRecord(r, Section.ANSWER));
            send(out, part);
        }
        Message last = reply(query);
        last.addRecord(soa, Section.ANSWER);
        send(out, last);
    }

    private static Message reply(Message query) {
        Message m = new Message(query.getHeader().getID());
        m.getHeader().setFlag(Flags.QR);
        m.getHeader().setFlag(Flags.AA);
        m.addRecord(query.getQuestion(), Section.QUESTION);
        return m;
    }

    private static void send(DataOutputStream out, Message m) throws IOException {
        byte[] wire = m.toWire();
        out.writeShort(wire.length);
        out.write(wire);
        out.flush();
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
        try {
            tcp.close();
        } catch (IOException e) {
            // closing: nothing to keep
        }
        for (Socket c : connections) {
            try {
                c.close();
            } catch (IOException e) {
                // closing: nothing to keep
            }
        }
    }
}
