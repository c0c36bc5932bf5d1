import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark's loopback servers, in their own process so that the probing JVM's memory is measured
 * alone: SMTP-like listeners that greet 1 s after accepting (one selector thread), and plain listeners on
 * every 20th port of the sweep range. Prints "ready <greeting ports…>" and runs until stdin closes.
 *
 * usage: java GreetingServer.java SWEEP_START SWEEP_COUNT GREETING_LISTENERS
 */
public final class GreetingServer {

    private static final byte[] GREETING = "220 bench.invalid ESMTP\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EHLO = "250-bench.invalid\r\n250 PIPELINING\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] BYE = "221 bye\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final long DELAY_NANOS = 1_000_000_000L;

    private record Due(SocketChannel channel, long at) {
    }

    public static void main(String[] args) throws Exception {
        int sweepStart = Integer.parseInt(args[0]);
        int sweepCount = Integer.parseInt(args[1]);
        int listeners = Integer.parseInt(args[2]);
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        Selector selector = Selector.open();
        List<Integer> greetingPorts = new ArrayList<>();
        for (int i = 0; i < listeners; i++) {
            ServerSocketChannel server = ServerSocketChannel.open();
            server.bind(new InetSocketAddress(loopback, 0), 4096);
            server.configureBlocking(false);
            server.register(selector, SelectionKey.OP_ACCEPT, "greet");
            greetingPorts.add(server.socket().getLocalPort());
        }
        int open = 0;
        for (int port = sweepStart; port < sweepStart + sweepCount; port += 20) {
            ServerSocketChannel server = ServerSocketChannel.open();
            server.bind(new InetSocketAddress(loopback, port), 512);
            server.configureBlocking(false);
            server.register(selector, SelectionKey.OP_ACCEPT, "sweep");
            open++;
        }
        Thread watcher = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // run until the bench closes our stdin
                }
            } catch (IOException ignored) {
                // parent gone
            }
            System.exit(0);
        });
        watcher.setDaemon(true);
        watcher.start();
        StringBuilder ready = new StringBuilder("ready " + open);
        greetingPorts.forEach(p -> ready.append(' ').append(p));
        System.out.println(ready);
        System.out.flush();

        ArrayDeque<Due> due = new ArrayDeque<>(); // accept order is greeting order: a FIFO is enough
        ByteBuffer buffer = ByteBuffer.allocate(4096);
        while (true) {
            long wait = due.isEmpty() ? 0 : Math.max(1, (due.peek().at() - System.nanoTime()) / 1_000_000);
            selector.select(wait);
            for (SelectionKey key : selector.selectedKeys()) {
                if (!key.isValid()) {
                    continue;
                }
                if (key.isAcceptable()) {
                    SocketChannel c;
                    while ((c = ((ServerSocketChannel) key.channel()).accept()) != null) {
                        c.configureBlocking(false);
                        if ("greet".equals(key.attachment())) {
                            c.register(selector, SelectionKey.OP_READ, new StringBuilder());
                            due.add(new Due(c, System.nanoTime() + DELAY_NANOS));
                        } else {
                            c.close();
                        }
                    }
                } else if (key.isReadable()) {
                    SocketChannel c = (SocketChannel) key.channel();
                    buffer.clear();
                    int n;
                    try {
                        n = c.read(buffer);
                    } catch (IOException e) {
                        n = -1;
                    }
                    if (n < 0) {
                        key.cancel();
                        c.close();
                        continue;
                    }
                    StringBuilder line = (StringBuilder) key.attachment();
                    line.append(new String(buffer.array(), 0, n, StandardCharsets.US_ASCII));
                    int end;
                    while ((end = line.indexOf("\n")) >= 0) {
                        String command = line.substring(0, end).trim().toUpperCase();
                        line.delete(0, end + 1);
                        if (command.startsWith("QUIT")) {
                            write(c, BYE);
                            key.cancel();
                            c.close();
                            break;
                        }
                        write(c, command.startsWith("EHLO") ? EHLO : "500 ?\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                }
            }
            selector.selectedKeys().clear();
            long now = System.nanoTime();
            while (!due.isEmpty() && due.peek().at() - now <= 0) {
                SocketChannel c = due.poll().channel();
                if (c.isOpen()) {
                    write(c, GREETING);
                }
            }
        }
    }

    private static void write(SocketChannel c, byte[] bytes) {
        try {
            c.write(ByteBuffer.wrap(bytes)); // a few dozen bytes: the socket buffer always takes them
        } catch (IOException e) {
            try {
                c.close();
            } catch (IOException ignored) {
                // gone
            }
        }
    }
}
