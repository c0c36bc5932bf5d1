package io.kbsh.net.testkit;

import java.util.List;

/** What threads a probe run left behind. */
public final class Threads {

    private Threads() {}

    /** Live threads started by a {@code ProbeRunner}. */
    public static List<String> probeThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(n -> n.startsWith("kbsh-probe-"))
                .toList();
    }
}
