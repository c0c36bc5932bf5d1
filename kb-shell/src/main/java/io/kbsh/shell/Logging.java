package io.kbsh.shell;

import java.util.logging.ConsoleHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * kbsh logs through {@code java.util.logging} ({@link System.Logger} and SLF4J both end there): silent by
 * default, everything to stderr under {@code --debug}.
 */
final class Logging {

    private Logging() {}

    static void configure(boolean debug) {
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        if (!debug) {
            root.setLevel(Level.OFF);
            return;
        }
        System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tT.%1$tL %4$s %3$s: %5$s%6$s%n");
        Handler handler = new ConsoleHandler();
        handler.setLevel(Level.FINE);
        handler.setFormatter(new SimpleFormatter());
        root.addHandler(handler);
        root.setLevel(Level.FINE);
    }
}
