package io.kbsh.shell.testing;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Pattern;
import org.jline.terminal.Size;
import org.jline.terminal.impl.jni.JniNativePty;
import org.jline.terminal.impl.jni.JniTerminalProvider;
import org.jline.terminal.spi.Pty;

/**
 * A person at a terminal: a real pseudo-terminal (opened with JLine's native provider) whose slave side is
 * the controlling terminal of a child process ({@code setsid -c}), so that the kernel's line discipline
 * does what it does for a person — Ctrl-C raises SIGINT in the child, the window has a size, keys arrive
 * one by one. The test types on the master side and reads everything the child draws.
 *
 * <p>{@link #kbsh} starts kbsh itself: the packaged {@code bin/kbsh} when the system property
 * {@code kbsh.distribution} names a built distribution (Failsafe sets it), else {@code java io.kbsh.shell.Main}
 * on this JVM's class path (Surefire), without the bundled plugins.
 */
public final class PseudoTerminal implements AutoCloseable {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    /** The gap between two keys typed by a quick typist. */
    private static final Duration KEY_PACE = Duration.ofMillis(8);

    private static final Pattern ESCAPES = Pattern.compile(
            "\u001B\\[[0-?]*[ -/]*[@-~]|\u001B\\][^\u0007\u001B]*(\u0007|\u001B\\\\)|\u001B[()][0-9A-Za-z]|\u001B[=>78MDEc]");

    private final Pty pty;
    private final Process process;
    private final OutputStream keyboard;
    private final StringBuilder screen = new StringBuilder();
    private final Thread reader;

    private PseudoTerminal(Pty pty, Process process) throws IOException {
        this.pty = pty;
        this.process = process;
        this.keyboard = pty.getMasterOutput();
        InputStream fromChild = pty.getMasterInput();
        this.reader = new Thread(() -> copy(fromChild), "pty-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts {@code command} on a new {@code columns}×{@code rows} terminal of type {@code term}, in
     * {@code directory}, with {@code environment} added to this JVM's.
     */
    public static PseudoTerminal start(
            int columns, int rows, String term, Path directory, Map<String, String> environment, List<String> command)
            throws IOException {
        // No attributes: the kernel's defaults, a terminal as a login gives it (echo, line editing, ^C raises SIGINT).
        Pty pty = new JniTerminalProvider().open(null, new Size(columns, rows));
        if (!(pty instanceof JniNativePty nativePty)) {
            throw new IOException("JLine opened no native pseudo-terminal: " + pty);
        }
        File device = new File(nativePty.getName());
        List<String> argv = new ArrayList<>(List.of("setsid", "-w", "-c"));
        argv.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(argv)
                .directory(directory.toFile())
                .redirectInput(device)
                .redirectOutput(device)
                .redirectError(device);
        builder.environment().put("TERM", term);
        builder.environment().remove("COLUMNS");
        builder.environment().remove("LINES");
        builder.environment().putAll(environment);
        Process process = builder.start();
        return new PseudoTerminal(pty, process);
    }

    /** kbsh with {@code arguments} on a {@code columns}×{@code rows} xterm, its working directory {@code directory}. */
    public static PseudoTerminal kbsh(int columns, int rows, Path directory, String... arguments) throws IOException {
        return kbsh(columns, rows, "xterm-256color", directory, Map.of(), arguments);
    }

    /** kbsh as {@link #kbsh(int, int, Path, String...)}, with a terminal type and environment of the test's choosing. */
    public static PseudoTerminal kbsh(
            int columns, int rows, String term, Path directory, Map<String, String> environment, String... arguments)
            throws IOException {
        return start(columns, rows, term, directory, environment, kbshCommand(arguments));
    }

    /**
     * The command line that starts kbsh with {@code arguments}: the packaged {@code bin/kbsh} when the system
     * property {@code kbsh.distribution} names a built distribution, else this JVM's class path.
     */
    public static List<String> kbshCommand(String... arguments) {
        List<String> command = new ArrayList<>();
        String distribution = System.getProperty("kbsh.distribution");
        if (distribution != null && Files.isExecutable(Path.of(distribution, "bin", "kbsh"))) {
            command.add(Path.of(distribution, "bin", "kbsh").toAbsolutePath().toString());
        } else {
            command.add(ProcessHandle.current().info().command().orElse("java"));
            command.addAll(List.of(
                    "-XX:+UseSerialGC",
                    "-XX:TieredStopAtLevel=1",
                    "-Xshare:auto",
                    "-cp",
                    System.getProperty("java.class.path"),
                    "io.kbsh.shell.Main"));
        }
        command.addAll(List.of(arguments));
        return command;
    }

    /** kbsh with {@code --home home}, once it shows its first prompt. */
    public static PseudoTerminal atThePrompt(int columns, int rows, Path directory, Path home) throws IOException {
        return kbsh(columns, rows, directory, "--home", home.toString()).await(PROMPT);
    }

    /** Whether this run uses the packaged distribution (with its bundled plugins). */
    public static boolean packaged() {
        String distribution = System.getProperty("kbsh.distribution");
        return distribution != null && Files.isExecutable(Path.of(distribution, "bin", "kbsh"));
    }

    private void copy(InputStream fromChild) {
        try (Reader in = new InputStreamReader(fromChild, StandardCharsets.UTF_8)) {
            char[] buffer = new char[4096];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                synchronized (screen) {
                    screen.append(buffer, 0, n);
                }
            }
        } catch (IOException e) {
            // EIO once the child has closed its side: the transcript is complete.
        }
    }

    /** Types {@code keys} at once, as a paste would deliver them. */
    public PseudoTerminal type(String keys) throws IOException {
        keyboard.write(keys.getBytes(StandardCharsets.UTF_8));
        keyboard.flush();
        return this;
    }

    /**
     * Types {@code keys} one at a time at a quick typist's pace (a few milliseconds apart), each key its own
     * write, so that the shell's key bindings see keys arrive as a person's do — not as one pasted block,
     * and not so slowly that a key-sequence timeout resolves what a person would never notice.
     */
    public PseudoTerminal typeKeyByKey(String keys) throws IOException {
        for (int i = 0; i < keys.length(); ) {
            int cp = keys.codePointAt(i);
            type(new String(Character.toChars(cp)));
            LockSupport.parkNanos(KEY_PACE.toNanos());
            i += Character.charCount(cp);
        }
        return this;
    }

    /** kbsh's prompt. */
    public static final String PROMPT = "kbsh> ";

    /** Where the screen's text ends now; see {@link #awaitPrompt(int)}. */
    public int mark() {
        return text().length();
    }

    /**
     * Waits until kbsh prompts again after {@code mark}: the screen's text has grown and ends with the
     * prompt, as it does when a command has finished. Returns what was drawn since {@code mark}.
     */
    public String awaitPrompt(int mark) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            String text = text();
            if (text.length() > mark
                    && text.stripTrailing().endsWith(PROMPT.strip())
                    && text.lastIndexOf(PROMPT.strip()) >= mark) {
                return text.substring(mark);
            }
            if (System.nanoTime() > deadline || (!process.isAlive() && !reader.isAlive())) {
                throw new AssertionError(
                        "no new prompt" + (process.isAlive() ? "" : " (kbsh has ended)") + "; the screen:\n" + text);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
        }
    }

    /** Types {@code line} and Enter key by key and waits for the next prompt; returns what was drawn meanwhile. */
    public String enter(String line) throws IOException {
        int mark = mark();
        typeKeyByKey(line + "\r");
        return awaitPrompt(mark);
    }

    /** Ctrl-C. */
    public PseudoTerminal ctrlC() throws IOException {
        return type("\u0003");
    }

    /** The Up arrow, as an xterm sends it once the line editor has switched the keypad on (smkx). */
    public PseudoTerminal up() throws IOException {
        return type("\u001BOA");
    }

    /** Ctrl-D. */
    public PseudoTerminal ctrlD() throws IOException {
        return type("\u0004");
    }

    /** Waits until the screen's text (escape sequences removed) shows {@code text} at least {@code count} times. */
    public PseudoTerminal await(String text, int count) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (occurrences(text(), text) < count) {
            if (System.nanoTime() > deadline || (!process.isAlive() && !reader.isAlive())) {
                throw new AssertionError("'" + text + "' not shown " + count + " time(s)"
                        + (process.isAlive() ? "" : " (kbsh has ended)") + "; the screen:\n" + text());
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
        }
        return this;
    }

    /** Waits until the screen shows {@code text} once more than it does now, after {@code action}. */
    public PseudoTerminal awaitAnother(String text, IoAction action) throws IOException {
        int now = occurrences(text(), text);
        action.run();
        return await(text, now + 1);
    }

    /** Something a test does at the keyboard. */
    @FunctionalInterface
    public interface IoAction {
        void run() throws IOException;
    }

    /** Waits until the child has drawn {@code sequence}, escape sequences included (the pager's {@code ESC[?1049h}). */
    public PseudoTerminal awaitRaw(String sequence) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!raw().contains(sequence)) {
            if (System.nanoTime() > deadline || (!process.isAlive() && !reader.isAlive())) {
                throw new AssertionError(
                        "not drawn: " + sequence.replace("\u001B", "ESC") + "; the screen:\n" + text());
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
        }
        return this;
    }

    /** The escape sequence xterm's pager (less, JLine's Less) starts with: the alternate screen. */
    public static final String ALTERNATE_SCREEN = "\u001B[?1049h";

    /** Waits until the screen shows {@code text}. */
    public PseudoTerminal await(String text) {
        return await(text, 1);
    }

    private int length() {
        synchronized (screen) {
            return screen.length();
        }
    }

    private static int occurrences(String haystack, String needle) {
        return haystack.split(Pattern.quote(needle), -1).length - 1;
    }

    /** Everything drawn so far, with the terminal's escape sequences. */
    public String raw() {
        synchronized (screen) {
            return screen.toString();
        }
    }

    /** Everything drawn so far as text: escape sequences and carriage returns removed. */
    public String text() {
        return ESCAPES.matcher(raw()).replaceAll("").replace("\r", "");
    }

    /** The text drawn after the last occurrence of {@code marker} (all of it when it was never drawn). */
    public String textAfterLast(String marker) {
        String text = text();
        int at = text.lastIndexOf(marker);
        return at < 0 ? text : text.substring(at + marker.length());
    }

    /** Changes the window's size, as a person resizing the window does (the child gets SIGWINCH). */
    public void resize(int columns, int rows) throws IOException {
        pty.setSize(new Size(columns, rows));
    }

    /** Waits for the child to end and returns its exit status. */
    public int exitStatus() throws InterruptedException {
        if (!process.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
            throw new AssertionError("kbsh did not end within " + PATIENCE.toSeconds() + " s; the screen:\n" + text());
        }
        return process.exitValue();
    }

    /** Whether the child is still running. */
    public boolean alive() {
        return process.isAlive();
    }

    @Override
    public void close() throws IOException {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        pty.close();
    }
}
