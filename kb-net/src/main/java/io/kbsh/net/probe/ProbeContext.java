package io.kbsh.net.probe;

import io.kbsh.model.fact.Evidence;
import io.kbsh.model.fact.EvidenceValue;
import io.kbsh.model.fact.ProbeStatus;
import io.kbsh.net.dns.DnsException;
import io.kbsh.net.dns.DnsResolver;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Proxy;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLException;

/**
 * One run of one probe: its target and options, its absolute deadline, the stages it reached and the
 * evidence it saw, and the connections it opened (all closed when it ends, or at once when the run is
 * cancelled). Probes get one from the {@link ProbeRunner} or {@link Probe#probe}.
 *
 * <p>Thread safety: one context belongs to one run of one probe, on the thread that runs it; only the
 * runner's cancellation reaches it from another thread, and evidence may be recorded from helper threads.
 *
 * @since 2.0
 */
public final class ProbeContext {

    private static final int MAX_ITEMS = 256;

    private final String probeId;
    private final ProbeTarget target;
    private final ProbeOptions options;
    private final Instant startedAt = Instant.now();
    private final long startNanos = System.nanoTime();
    private final long deadlineNanos;
    private final Map<String, EvidenceValue> evidence = new LinkedHashMap<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final List<Wire> wires = new CopyOnWriteArrayList<>();
    private final List<DatagramSocket> datagrams = new CopyOnWriteArrayList<>();
    private volatile String stage = "none";
    private volatile boolean aborted;
    private boolean legacyHello;
    private boolean legacyHelloSent;

    private ProbeContext(String probeId, ProbeTarget target, ProbeOptions options, long deadlineNanos) {
        this.probeId = probeId;
        this.target = target;
        this.options = options;
        this.deadlineNanos = deadlineNanos;
    }

    /** A context whose deadline is the options' deadline from now, or {@code runDeadline} if that is sooner. */
    /** A context whose deadline is the probe's own, or the run's ({@code System.nanoTime()}) when that is sooner. */
    static ProbeContext open(String probeId, ProbeTarget target, ProbeOptions options, OptionalLong runDeadlineNanos) {
        long own = System.nanoTime() + options.deadline().toNanos();
        long deadline = runDeadlineNanos.isEmpty() || own - runDeadlineNanos.getAsLong() < 0
                ? own
                : runDeadlineNanos.getAsLong();
        return new ProbeContext(probeId, target, options, deadline);
    }

    public ProbeTarget target() {
        return target;
    }

    public ProbeOptions options() {
        return options;
    }

    /** Time left before the absolute deadline (zero once it passed). */
    public Duration remaining() {
        return Duration.ofNanos(Math.max(0, deadlineNanos - System.nanoTime()));
    }

    /** Records that the probe completed {@code name} (e.g. {@code greeting}); the last one is the result's stage. */
    public void reached(String name) {
        stage = name;
    }

    /** Records text evidence (see {@link EvidenceKeys}); made printable and cut to a readable length. */
    public void evidence(String key, String value) {
        put(key, new EvidenceValue.TextValue(Wire.printable(value)));
    }

    /**
     * Records a number.
     *
     * @since 2.1
     */
    public void evidence(String key, long value) {
        put(key, new EvidenceValue.NumberValue(value));
    }

    /**
     * Records a flag.
     *
     * @since 2.1
     */
    public void evidence(String key, boolean value) {
        put(key, new EvidenceValue.FlagValue(value));
    }

    /**
     * Records a time.
     *
     * @since 2.1
     */
    public void evidence(String key, Instant value) {
        put(key, new EvidenceValue.TimeValue(value));
    }

    /**
     * Records a list whole: each item made printable, at most {@value #MAX_ITEMS} items (a capability list is
     * bounded by the reply cap long before that).
     *
     * @since 2.1
     */
    public void evidence(String key, List<String> items) {
        List<String> shown = new ArrayList<>();
        for (String item : items) {
            if (shown.size() == MAX_ITEMS) {
                break;
            }
            shown.add(Wire.printable(item));
        }
        put(key, new EvidenceValue.ListValue(shown));
    }

    /**
     * Records typed evidence gathered elsewhere (e.g. a certificate's).
     *
     * @since 2.1
     */
    public void evidence(Evidence more) {
        more.values().forEach(this::put);
    }

    private void put(String key, EvidenceValue value) {
        synchronized (evidence) {
            evidence.put(key, value);
        }
    }

    /** A resolver honouring the options' DNS server and time-out (bounded by the deadline too). */
    public DnsResolver resolver() {
        Duration left = remaining().isZero() ? Duration.ofMillis(1) : remaining();
        DnsResolver r = options.dnsServer()
                .map(server -> DnsResolver.at(server, options.dnsTimeout()))
                .orElseGet(() -> DnsResolver.system(options.dnsTimeout()));
        return r.within(left);
    }

    /**
     * Resolves the target (stage {@code resolve}) and connects to it (stage {@code connect}); a failure ends
     * the probe as {@code DNS_ERROR}, {@code REFUSED}, {@code TIMEOUT} or {@code UNREACHABLE}.
     */
    public Wire connect() throws IOException, ProbeException {
        InetAddress address = resolve();
        // Direct, never through a configured SOCKS proxy: the probe is about this path to the peer.
        Socket socket = new Socket(Proxy.NO_PROXY);
        sockets.add(socket);
        if (aborted()) {
            socket.close();
            throw new SocketException("probe cancelled");
        }
        long before = System.nanoTime();
        int wait = (int) Math.min(
                options.connectTimeout().toMillis(), Math.max(1, remaining().toMillis()));
        try {
            socket.connect(new InetSocketAddress(address, target.port()), wait);
        } catch (ConnectException e) {
            throw new ProbeException(
                    ProbeStatus.REFUSED,
                    "connection refused by " + address.getHostAddress() + " port " + target.port());
        } catch (SocketTimeoutException e) {
            throw new ProbeException(ProbeStatus.TIMEOUT, "no answer to connect within " + wait + " ms");
        } catch (NoRouteToHostException e) {
            throw new ProbeException(ProbeStatus.UNREACHABLE, "no route to " + address.getHostAddress());
        } catch (SocketException e) {
            if (aborted()) {
                throw e;
            }
            if (String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("reset")) {
                // The handshake completed and the peer reset at once: the reset overtook connect's return.
                reached("connect");
                throw new ProbeException(ProbeStatus.PROTOCOL_ERROR, "connection reset by the peer right after accept");
            }
            throw new ProbeException(
                    ProbeStatus.UNREACHABLE, "cannot reach " + address.getHostAddress() + ": " + e.getMessage());
        }
        evidence(EvidenceKeys.CONNECT_MS, (System.nanoTime() - before) / 1_000_000);
        reached("connect");
        Wire wire = new Wire(this, socket);
        wires.add(wire);
        return wire;
    }

    /**
     * Resolves the target's host (stage {@code resolve}, evidence {@code address}); {@code DNS_ERROR} when it
     * does not resolve.
     *
     * @since 2.1
     */
    public InetAddress resolve() throws IOException, ProbeException {
        InetAddress address;
        try {
            address = resolver().addresses(target.host()).get(0);
        } catch (DnsException e) {
            throw new ProbeException(ProbeStatus.DNS_ERROR, e.getMessage());
        }
        reached("resolve");
        evidence(EvidenceKeys.ADDRESS, address.getHostAddress());
        return address;
    }

    /** A UDP socket closed when the probe ends or is cancelled, like the TCP ones. */
    DatagramSocket datagramSocket() throws SocketException {
        DatagramSocket socket = new DatagramSocket();
        datagrams.add(socket);
        if (aborted()) {
            socket.close();
            throw new SocketException("probe cancelled");
        }
        return socket;
    }

    /** Runs {@code probe} here and classifies how it ended. */
    ProbeResult execute(Probe probe) {
        ProbeStatus status = ProbeStatus.OK;
        String detail = null;
        try {
            if (deadlineNanos - System.nanoTime() <= 0) {
                throw new ProbeException(ProbeStatus.TIMEOUT, "the deadline passed before the probe started");
            }
            runNamingLegacyTls(probe);
        } catch (ProbeException e) {
            status = e.status();
            detail = e.getMessage();
        } catch (WireLimitException e) {
            status = e.status();
            detail = e.getMessage();
        } catch (SocketTimeoutException e) {
            boolean silent = received() == 0 && stage.equals("connect");
            status = silent ? ProbeStatus.CONNECTED_SILENT : ProbeStatus.TIMEOUT;
            detail = (silent
                            ? "the peer accepted the connection but said nothing within "
                            : "no answer after " + stage + " within ")
                    + options.readTimeout().toMillis() + " ms";
        } catch (EOFException e) {
            status = ProbeStatus.PROTOCOL_ERROR;
            detail = received() == 0
                    ? "the peer closed the connection without a word"
                    : "the peer closed the connection: " + e.getMessage();
        } catch (SSLException e) {
            status = ProbeStatus.TLS_ERROR;
            detail = "TLS failed: " + e.getMessage();
        } catch (InterruptedIOException e) {
            status = ProbeStatus.CANCELLED;
            detail = "interrupted";
        } catch (SocketException e) {
            status = ProbeStatus.PROTOCOL_ERROR;
            String what = e.getMessage() == null ? "failed" : e.getMessage().toLowerCase(Locale.ROOT);
            // The JDK says "Connection reset": do not make it "connection connection reset".
            detail = (what.startsWith("connection") ? what : "connection " + what) + " after " + stage;
        } catch (IOException | RuntimeException e) {
            status = ProbeStatus.PROTOCOL_ERROR;
            detail = "probe failed: " + e;
        } finally {
            closeAll();
        }
        if (aborted()) {
            status = ProbeStatus.CANCELLED;
            detail = "cancelled";
        }
        Evidence found;
        synchronized (evidence) {
            if (detail != null) {
                evidence.put(EvidenceKeys.DETAIL, new EvidenceValue.TextValue(Wire.printable(detail)));
            }
            found = Evidence.of(evidence);
        }
        return new ProbeResult(
                probeId, target, status, stage, Duration.ofNanos(System.nanoTime() - startNanos), found, startedAt);
    }

    /**
     * Runs {@code probe}; when a server refuses the JDK's TLS offer with a bare {@code protocol_version}
     * alert, runs it once more on a fresh connection (same deadline) with a legacy hello in place of the
     * handshake, so that a server of the SSLv3 / TLS 1.0 era is named by the version it chooses.
     */
    private void runNamingLegacyTls(Probe probe) throws IOException, ProbeException {
        try {
            probe.run(this);
        } catch (ModernTlsRefused refused) {
            closeAll();
            legacyHello = true;
            try {
                probe.run(this);
            } catch (ProbeException again) {
                if (legacyHelloSent) {
                    throw again; // the legacy hello's verdict
                }
                evidence(EvidenceKeys.TLS_LEGACY_HELLO, "not sent: " + again.getMessage());
            } catch (IOException again) {
                // A second connection that failed or stalled says nothing about TLS: the refusal stands.
                evidence(
                        EvidenceKeys.TLS_LEGACY_HELLO,
                        (legacyHelloSent ? "no answer: " : "not sent: ") + again.getMessage());
            }
            throw refused;
        }
    }

    /** True on the second run after {@link ModernTlsRefused}: {@link Wire#startTls} sends a legacy hello. */
    boolean askingForLegacyHello() {
        return legacyHello;
    }

    void legacyHelloSent() {
        legacyHelloSent = true;
    }

    /** The socket time-out for the next read: the read time-out, or less when the deadline is nearer. */
    int readWait() throws WireLimitException {
        long left = (deadlineNanos - System.nanoTime()) / 1_000_000;
        if (left <= 0) {
            throw new WireLimitException(
                    ProbeStatus.TIMEOUT,
                    "the probe's deadline of " + options.deadline().toMillis() + " ms passed after " + stage);
        }
        return (int) Math.min(options.readTimeout().toMillis(), left);
    }

    /** True once the run was cancelled, or when the probing thread was interrupted. */
    boolean aborted() {
        return aborted || Thread.currentThread().isInterrupted();
    }

    /** Cancels the probe from another thread: closes its sockets so that blocked reads end at once. */
    void abort() {
        aborted = true;
        closeAll();
    }

    private long received() {
        return wires.stream().mapToLong(Wire::bytesReceived).sum();
    }

    private void closeAll() {
        datagrams.forEach(DatagramSocket::close);
        for (Socket s : sockets) {
            try {
                s.close();
            } catch (IOException ignored) {
                // already closed or broken: nothing left to release
            }
        }
    }
}
