package io.kbsh.testkit.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * A TCP server on a loopback address that plays a script to each client, then waits for the client to
 * close its end so that tests can see the probe released its socket.
 */
public final class ScriptedServer implements AutoCloseable {

    /** What the server does with one accepted connection. */
    @FunctionalInterface
    public interface Script {
        void play(Socket client) throws IOException, InterruptedException;
    }

    private final ServerSocket server;
    private final Script script;
    private final Thread acceptor;
    private final List<Socket> clients = new CopyOnWriteArrayList<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger closedByClient = new AtomicInteger();
    private final Object changes = new Object();
    private volatile boolean closing;

    public ScriptedServer(Script script) throws IOException {
        this("127.0.0.1", 0, script);
    }

    public ScriptedServer(String loopback, int port, Script script) throws IOException {
        this.script = script;
        this.server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getByName(loopback), port), 200);
        this.acceptor = new Thread(this::acceptLoop, "test-server-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    public String host() {
        return server.getInetAddress().getHostAddress();
    }

    public int accepted() {
        return accepted.get();
    }

    /** Waits until every accepted client has closed its end (read returned end of stream or reset). */
    public boolean awaitClientsClosed(Duration within) throws InterruptedException {
        return awaitState(() -> closedByClient.get() == accepted.get(), within);
    }

    /** Waits until {@code n} clients were accepted. */
    public boolean awaitAccepted(int n, Duration within) throws InterruptedException {
        return awaitState(() -> accepted.get() >= n, within);
    }

    private boolean awaitState(java.util.function.BooleanSupplier state, Duration within) throws InterruptedException {
        long end = System.nanoTime() + within.toNanos();
        synchronized (changes) {
            while (!state.getAsBoolean()) {
                long left = (end - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    return false;
                }
                changes.wait(left);
            }
            return true;
        }
    }

    private void changed() {
        synchronized (changes) {
            changes.notifyAll();
        }
    }

    private void acceptLoop() {
        while (!closing) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return;
            }
            accepted.incrementAndGet();
            changed();
            clients.add(client);
            Thread t = new Thread(() -> serve(client), "test-conn-" + client.getPort());
            t.setDaemon(true);
            t.start();
        }
    }

    private void serve(Socket client) {
        boolean sawClose = false;
        try {
            script.play(client);
            sawClose = drainUntilClosed(client);
        } catch (IOException e) {
            sawClose = !closing; // a reset or broken pipe: the client went away
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (sawClose) {
                closedByClient.incrementAndGet();
            }
            changed();
            try {
                client.close();
            } catch (IOException ignored) {
                // test server: nothing to do
            }
        }
    }

    private boolean drainUntilClosed(Socket client) throws IOException {
        if (client.isClosed()) {
            return true; // the script closed (or reset) it: nothing of the client's left to watch
        }
        client.setSoTimeout(30_000);
        InputStream in = client.getInputStream();
        byte[] sink = new byte[4096];
        try {
            while (in.read(sink) >= 0) {
                // discard what the probe still sends (QUIT, unbind)
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        }
    }

    @Override
    public void close() throws IOException {
        closing = true;
        server.close();
        for (Socket c : clients) {
            c.close();
        }
    }

    // ---- script helpers

    public static void send(Socket s, String text) throws IOException {
        OutputStream out = s.getOutputStream();
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    public static void send(Socket s, byte[] bytes) throws IOException {
        s.getOutputStream().write(bytes);
        s.getOutputStream().flush();
    }

    /** Reads one CRLF line (ASCII) from the client; null at end of stream. */
    public static @Nullable String readLine(Socket s) throws IOException {
        return readLine(s.getInputStream());
    }

    public static @Nullable String readLine(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                int n = sb.length();
                return n > 0 && sb.charAt(n - 1) == '\r' ? sb.substring(0, n - 1) : sb.toString();
            }
            sb.append((char) b);
        }
        return sb.length() == 0 ? null : sb.toString();
    }

    /** Blocks until the client goes away; for servers that must stay silent. */
    public static void holdOpen(Socket s) throws IOException {
        s.setSoTimeout(30_000);
        try {
            while (s.getInputStream().read() >= 0) {
                // keep silent, swallow what comes
            }
        } catch (SocketTimeoutException ignored) {
            // the test is long over
        }
    }
}
