package io.kbsh.shell.net;

import java.io.PrintWriter;
import java.util.concurrent.TimeUnit;

/**
 * "still waiting" on a terminal: after the first second of a slow probe, one line redrawn each second
 * ({@code waiting for smtp mail.example.net:25… 3 s}), cleared when the probe ends (a carriage return at the
 * start of a write clears the line on a terminal, see {@code ScreenWriter}). Nothing off a terminal.
 */
final class WaitingLine implements AutoCloseable {

    private final PrintWriter err;
    private final Thread ticker;
    private volatile boolean drawn;

    private WaitingLine(PrintWriter err, String what) {
        this.err = err;
        long start = System.nanoTime();
        this.ticker = new Thread(
                () -> {
                    try {
                        while (true) {
                            TimeUnit.SECONDS.sleep(1);
                            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
                            synchronized (err) {
                                err.print("\rwaiting for " + what + "… " + seconds + " s (Ctrl-C stops)");
                                err.flush();
                                drawn = true;
                            }
                        }
                    } catch (InterruptedException e) {
                        // closed
                    }
                },
                "kbsh-waiting");
        ticker.setDaemon(true);
    }

    /** Starts the line for {@code what} when {@code terminal}; else a line that never draws. */
    static WaitingLine start(boolean terminal, PrintWriter err, String what) {
        WaitingLine line = new WaitingLine(err, what);
        if (terminal) {
            line.ticker.start();
        }
        return line;
    }

    @Override
    public void close() {
        ticker.interrupt();
        try {
            ticker.join(TimeUnit.SECONDS.toMillis(2));
        } catch (InterruptedException e) {
            // Ctrl-C while the line is cleared: keep the flag for the caller.
            Thread.currentThread().interrupt();
        }
        synchronized (err) {
            if (drawn) {
                err.print("\r");
                err.flush();
            }
        }
    }
}
