package io.kbsh.shell.graph;

import io.kbsh.model.env.Environment;
import io.kbsh.shell.env.EnvironmentReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Draws a small site once, on a background thread, so that the picture a command will draw later finds
 * the layout engine ready. In a fresh JVM ELK's first layout spends most of a second loading and
 * initialising its classes (hundreds, from signed JARs that class-data sharing cannot archive); a
 * {@code check --html} or {@code diagnose --html} starts this when it reads its options and spends that
 * second while its checks and probes run, on the other core.
 *
 * <p>Thread safety: {@link #start()} may be called from any thread; the warm-up runs at most once per JVM.
 */
public final class LayoutWarmUp {

    private static final AtomicBoolean STARTED = new AtomicBoolean();

    /** A site with each kind of shape and line the picture draws: sites, servers, a proxy, connectors, MX. */
    private static final String SAMPLE = """
            {"schemaVersion": 1, "organisation": "warm-up",
             "sites": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}],
             "servers": [{"id": "S1", "site": "a", "exchange": "5.5 SP1", "windowsNt": "4.0 SP4",
                          "winsockProxyClient": true, "components": ["mta", "internet-mail"]},
                         {"id": "S2", "site": "b", "exchange": "5.5", "clustered": true}],
             "proxies": [{"id": "P", "version": "2.0", "internalAddress": "10.0.0.1", "externalAddress": "192.0.2.1"}],
             "firewalls": [{"id": "F"}],
             "connectors": [{"id": "x", "type": "x400", "server": "S1", "transport": "tcpip", "remoteMta": "S2",
                             "path": ["F"]},
                            {"id": "i", "type": "internet-mail", "server": "S1", "path": ["P"]}],
             "domains": [{"name": "example.com", "mx": [{"preference": 10, "host": "P"}]}]}
            """;

    private LayoutWarmUp() {}

    /** The sample's picture, drawn on the calling thread (what the warm-up does; tests hold the sample to it). */
    static String draw() throws Exception {
        Environment env = EnvironmentReader.parse(SAMPLE.getBytes(StandardCharsets.UTF_8), "warm-up", null);
        return SitePicture.render(env, SitePicture.Format.SVG);
    }

    /** Starts the warm-up unless it has started before; returns at once. */
    public static void start() {
        if (!STARTED.compareAndSet(false, true)) {
            return;
        }
        Thread thread = new Thread(LayoutWarmUp::run, "kbsh-layout-warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    private static void run() {
        try {
            draw();
        } catch (Exception | LinkageError e) {
            // Only a head start: the real picture is drawn (and any failure of it reported) when it is due.
        }
    }
}
