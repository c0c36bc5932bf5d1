package io.kbsh.shell.testing;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A program in a real terminal emulator: a detached tmux session of a fixed size on a private tmux server
 * (its own socket, so a person's tmux is never touched), typed at with {@code send-keys} and read with
 * {@code capture-pane}. Where {@link PseudoTerminal} sees the bytes a program writes, this sees the screen
 * they make: what stays on top while a pager scrolls, which lines the terminal had to wrap.
 */
public final class Tmux implements AutoCloseable {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final AtomicInteger SESSIONS = new AtomicInteger();
    private static final String EXIT_MARK = "[exit status ";

    private final Path socket;
    private final String target;
    private volatile int columns;
    private volatile int rows;

    private Tmux(Path socket, String target, int columns, int rows) {
        this.socket = socket;
        this.target = target;
        this.columns = columns;
        this.rows = rows;
    }

    /** Whether tmux is installed. */
    public static boolean available() {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(path.split(File.pathSeparator)).anyMatch(d -> Files.isExecutable(Path.of(d, "tmux")));
    }

    /**
     * Starts {@code command} in a {@code columns}×{@code rows} xterm-256color window, in {@code directory};
     * the server's socket lives in {@code directory} too. The window stays after the program ends, so that
     * its last screen and exit status can be read.
     */
    public static Tmux start(int columns, int rows, Path directory, List<String> command) throws IOException {
        Path socket = directory.resolve("tmux-" + ProcessHandle.current().pid() + "-" + SESSIONS.incrementAndGet());
        String session = "kbsh";
        List<String> argv = new ArrayList<>(List.of(
                "new-session",
                "-d",
                "-s",
                session,
                "-x",
                String.valueOf(columns),
                "-y",
                String.valueOf(rows),
                "-c",
                directory.toString(),
                "-e",
                "TERM=xterm-256color"));
        // The exit status is printed by a shell around the program: tmux does not always learn it (a JVM's pane
        // can read as dead before its status is known).
        argv.add(String.join(" ", command.stream().map(Tmux::quote).toList()) + "; echo \"" + EXIT_MARK + "$?]\"");
        // A configuration of its own (never the person's ~/.tmux.conf): the window outlives its program, so that
        // its last screen and exit status can be read, and keeps the whole session's history.
        Path config = directory.resolve(socket.getFileName() + ".conf");
        Files.writeString(
                config,
                "set-option -g default-terminal xterm-256color\n"
                        + "set-option -g remain-on-exit on\nset-option -g history-limit 50000\nset-option -g status off\n");
        argv.addAll(0, List.of("-f", config.toString()));
        Tmux tmux = new Tmux(socket, session + ":0.0", columns, rows);
        tmux.tmux(argv);
        return tmux;
    }

    public int columns() {
        return columns;
    }

    public int rows() {
        return rows;
    }

    /** Types {@code text} literally (no key names), as a paste would. */
    public Tmux type(String text) throws IOException {
        tmux(List.of("send-keys", "-t", target, "-l", text));
        return this;
    }

    /** Presses keys by tmux's names: {@code Enter}, {@code Tab}, {@code Space}, {@code C-c}, {@code PageDown}. */
    public Tmux press(String... keys) throws IOException {
        List<String> argv = new ArrayList<>(List.of("send-keys", "-t", target));
        argv.addAll(List.of(keys));
        tmux(argv);
        return this;
    }

    /** What the window shows now, one string a row (trailing blanks removed). */
    public List<String> screen() throws IOException {
        return List.of(tmux(List.of("capture-pane", "-p", "-t", target)).split("\n", -1))
                .subList(0, rows);
    }

    /**
     * Everything the window has shown, scrolled-off history included, with the lines the terminal wrapped
     * joined again ({@code -J}): a line here longer than {@link #columns()} did not fit the window.
     */
    public List<String> transcript() throws IOException {
        String all = tmux(List.of("capture-pane", "-p", "-J", "-S", "-", "-E", "-", "-t", target));
        return List.of(all.stripTrailing().split("\n", -1));
    }

    /** Waits until the screen satisfies {@code condition} (polling capture-pane); returns that screen. */
    public List<String> await(String what, Predicate<List<String>> condition) throws IOException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            List<String> screen = screen();
            if (condition.test(screen)) {
                return screen;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(
                        "the screen never showed " + what + "; it shows:\n" + String.join("\n", screen));
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }

    /** Waits until some row of the screen contains {@code text}. */
    public List<String> awaitText(String text) throws IOException {
        return await("'" + text + "'", screen -> screen.stream().anyMatch(l -> l.contains(text)));
    }

    /** Whether the program has switched to the alternate screen (a pager, a full-screen program). */
    public boolean alternateScreen() throws IOException {
        return tmux(List.of("display-message", "-p", "-t", target, "#{alternate_on}"))
                .strip()
                .equals("1");
    }

    /** The row the cursor is on, as shown. */
    public String cursorRow() throws IOException {
        int y = Integer.parseInt(tmux(List.of("display-message", "-p", "-t", target, "#{cursor_y}"))
                .strip());
        return screen().get(y);
    }

    /** Waits until the cursor's row holds the prompt {@code prompt} and nothing after it: the program waits for input. */
    public List<String> awaitPrompt(String prompt) throws IOException {
        return await("the prompt '" + prompt + "'", screen -> {
            try {
                return !alternateScreen() && cursorRow().equals(prompt.stripTrailing());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /** Resizes the window, as a person dragging its corner does (the program gets SIGWINCH). */
    public void resize(int newColumns, int newRows) throws IOException {
        tmux(List.of("resize-window", "-t", target, "-x", String.valueOf(newColumns), "-y", String.valueOf(newRows)));
        columns = newColumns;
        rows = newRows;
    }

    /** Waits for the program to end and returns its exit status. */
    public int exitStatus() throws IOException {
        List<String> screen = await("the program's end", rows -> rows.stream().anyMatch(l -> l.startsWith(EXIT_MARK)));
        String line =
                screen.stream().filter(l -> l.startsWith(EXIT_MARK)).findFirst().orElseThrow();
        return Integer.parseInt(line.substring(EXIT_MARK.length()).replaceAll("\\D.*", ""));
    }

    @Override
    public void close() throws IOException {
        tmux(List.of("kill-server"));
        Files.deleteIfExists(socket);
    }

    private String tmux(List<String> arguments) throws IOException {
        List<String> argv = new ArrayList<>(List.of("tmux", "-S", socket.toString()));
        argv.addAll(arguments);
        Process p = new ProcessBuilder(argv)
                .redirectErrorStream(true)
                .redirectInput(new File("/dev/null"))
                .start();
        // Read first: a long capture fills the pipe, and tmux ends only once it is read.
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("tmux did not answer: " + argv);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (p.exitValue() != 0 && !arguments.get(0).equals("kill-server")) {
            throw new IOException("tmux " + String.join(" ", arguments) + ": " + out.strip());
        }
        return out;
    }

    private static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
