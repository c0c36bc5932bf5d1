package io.kbsh.shell.repl;

import io.kbsh.model.command.ExitStatus;
import io.kbsh.shell.builtin.VersionCommand;
import io.kbsh.shell.exec.CommandExecutor;
import io.kbsh.shell.exec.CommandRegistry;
import io.kbsh.shell.exec.ExitRequest;
import io.kbsh.shell.exec.ShellContext;
import io.kbsh.shell.exec.ShellIo;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.jline.keymap.KeyMap;
import org.jline.reader.Binding;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.terminal.impl.DumbTerminal;
import org.jline.utils.Signals;

/**
 * The interactive shell: prompt {@code kbsh> }, history in the home directory, Tab completion. Ctrl-C
 * abandons the line being typed, or interrupts the running command; it never ends the shell.
 */
public final class Repl {

    public static final String PROMPT = "kbsh> ";

    private Repl() {}

    /** Runs the shell on the system terminal; {@code sources} feed Tab completion from the session. */
    public static int run(
            CommandRegistry registry,
            Path home,
            Optional<String> init,
            Function<ShellIo, ShellContext> contexts,
            boolean colourAllowed,
            BiConsumer<CommandExecutor, PrintWriter> startup,
            CompletionSources sources) {
        try (Terminal terminal =
                TerminalBuilder.builder().name("kbsh").system(true).build()) {
            // A dumb terminal (TERM=dumb: Emacs' shell, IDE consoles) leaves SIGINT to the JVM, whose default
            // ends the process. Route it to the terminal's handlers as JLine does on every other terminal.
            Optional<Object> interrupt = terminal instanceof DumbTerminal
                    ? Optional.ofNullable(Signals.register("INT", () -> terminal.raise(Terminal.Signal.INT)))
                    : Optional.empty();
            try {
                return run(terminal, registry, home, init, contexts, colourAllowed, startup, sources);
            } finally {
                interrupt.ifPresent(handler -> Signals.unregister("INT", handler));
            }
        } catch (IOException e) {
            System.err.println("kbsh: cannot open the terminal: " + e.getMessage());
            return ExitStatus.FAILED;
        }
    }

    /** Runs the shell on {@code terminal} until Ctrl-D or {@code exit}; returns the exit status. */
    public static int run(
            Terminal terminal,
            CommandRegistry registry,
            Path home,
            Optional<String> init,
            Function<ShellIo, ShellContext> contexts)
            throws IOException {
        return run(terminal, registry, home, init, contexts, true);
    }

    /**
     * Runs the shell on {@code terminal}; {@code colourAllowed} is false under {@code NO_COLOR} or
     * {@code --no-color} (the terminal's own capability decides otherwise).
     */
    public static int run(
            Terminal terminal,
            CommandRegistry registry,
            Path home,
            Optional<String> init,
            Function<ShellIo, ShellContext> contexts,
            boolean colourAllowed)
            throws IOException {
        return run(
                terminal, registry, home, init, contexts, colourAllowed, (executor, out) -> {}, CompletionSources.NONE);
    }

    /**
     * Runs the shell as {@link #run(Terminal, CommandRegistry, Path, Optional, Function, boolean)} does;
     * {@code startup} runs after {@code --init}, before the first prompt (the example site loads there);
     * {@code sources} give completion the environment's objects and the loaded checks.
     */
    public static int run(
            Terminal terminal,
            CommandRegistry registry,
            Path home,
            Optional<String> init,
            Function<ShellIo, ShellContext> contexts,
            boolean colourAllowed,
            BiConsumer<CommandExecutor, PrintWriter> startup,
            CompletionSources sources)
            throws IOException {
        Files.createDirectories(home);
        if (terminal.getWidth() <= 0 || terminal.getHeight() <= 0) {
            // Some pseudo-terminals report 0x0; JLine would then draw nothing as the user types.
            terminal.setSize(new Size(80, 24));
        }
        ShellContext[] context = new ShellContext[1];
        List<String> warnings = new ArrayList<>();
        ShellHistory.Prepared history = ShellHistory.prepare(home.resolve("history"), warnings::add);
        LineReaderBuilder builder = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("kbsh")
                .parser(new KbshParser())
                .completer(new KbshCompleter(registry, () -> context[0], sources))
                .history(history.history())
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .option(LineReader.Option.HISTORY_IGNORE_SPACE, true);
        history.file().ifPresent(file -> builder.variable(LineReader.HISTORY_FILE, file));
        LineReader reader = builder.build();
        keepBackslashes(reader);
        // History autosuggestions, as fish and zsh-autosuggestions (the rest of the newest matching line,
        // faint after the cursor; Right arrow or End takes it), else what the command expects next.
        ArgumentHints.install(reader, registry);
        context[0] = contexts.apply(new TerminalIo(terminal, reader, colourAllowed));
        warnings.forEach(context[0].out()::println);
        CommandExecutor executor = new CommandExecutor(registry, context[0]);
        // Through the output layer, so that it is wrapped at word boundaries on a narrow terminal.
        context[0]
                .out()
                .println("kbsh " + VersionCommand.kbshVersion()
                        + " - type help for the commands, Tab to complete, Ctrl-D to leave.");
        context[0].out().flush();
        try {
            if (init.isPresent()) {
                executor.execute(init.get());
            }
            // Through the output layer, wrapped at word boundaries like everything else shown.
            startup.accept(executor, context[0].out());
            context[0].out().flush();
            return loop(terminal, reader, executor);
        } catch (ExitRequest exit) {
            return exit.status();
        } finally {
            reader.getHistory().save();
        }
    }

    /**
     * JLine binds the mouse report by its terminfo spelling, a literal backslash and {@code E}
     * ({@code \\E[<}, {@code \\E[M}), instead of the escape character it stands for. A typed backslash then
     * starts a key sequence, and the backslash of {@code C:\\Exchsrvr} vanished. Unbinding is not enough (the
     * prefix node stays behind), so each key map is rebuilt without such sequences; the real ones
     * ({@code ESC [ <}) stay bound. A typed backslash is then an ordinary character.
     */
    static void keepBackslashes(LineReader reader) {
        Map<KeyMap<Binding>, KeyMap<Binding>> rebuilt = new IdentityHashMap<>();
        for (Map.Entry<String, KeyMap<Binding>> named : reader.getKeyMaps().entrySet()) {
            named.setValue(rebuilt.computeIfAbsent(named.getValue(), old -> {
                KeyMap<Binding> fresh = new KeyMap<>();
                old.getBoundKeys().forEach((sequence, binding) -> {
                    if (sequence.length() == 1 || sequence.charAt(0) != '\\') {
                        fresh.bind(binding, sequence);
                    }
                });
                fresh.setUnicode(old.getUnicode());
                fresh.setNomatch(old.getNomatch());
                fresh.setAmbiguousTimeout(old.getAmbiguousTimeout());
                return fresh;
            }));
        }
    }

    private static int loop(Terminal terminal, LineReader reader, CommandExecutor executor) {
        while (true) {
            String line;
            try {
                line = reader.readLine(PROMPT);
            } catch (UserInterruptException e) {
                continue;
            } catch (EndOfFileException e) {
                return ExitStatus.OK;
            }
            if (line.isBlank()) {
                continue;
            }
            Thread worker = Thread.currentThread();
            Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT, signal -> worker.interrupt());
            try {
                executor.execute(line);
            } catch (ExitRequest exit) {
                return exit.status();
            } catch (UncheckedIOException e) {
                terminal.writer().println("kbsh: " + e.getMessage());
            } finally {
                terminal.handle(Terminal.Signal.INT, previous);
                Thread.interrupted();
            }
        }
    }
}
