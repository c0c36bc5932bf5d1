package io.kbsh.shell.repl;

import io.kbsh.shell.exec.ShellIo;
import io.kbsh.shell.output.Screen;
import io.kbsh.shell.output.ScreenWriter;
import java.io.ByteArrayInputStream;
import java.io.IOError;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.jline.builtins.Less;
import org.jline.builtins.Source;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.utils.InfoCmp.Capability;

/** REPL I/O: results to the terminal through the output layer, questions answered at the terminal. */
final class TerminalIo implements ShellIo {

    private final Terminal terminal;
    private final LineReader reader;
    private final Screen screen;
    /** Output and errors share one writer, so that they stay in order on the screen. */
    private final PrintWriter writer;

    private final ScreenWriter screenWriter;

    TerminalIo(Terminal terminal, LineReader reader, boolean colourAllowed) {
        this.terminal = terminal;
        this.reader = reader;
        this.screen = new Screen(terminal::getWidth, colourAllowed && canColour(terminal));
        this.screenWriter = new ScreenWriter(terminal.writer(), screen);
        this.writer = new PrintWriter(screenWriter, true);
    }

    /** A terminal that is not {@code dumb} and says it has at least 8 colours. */
    static boolean canColour(Terminal terminal) {
        Integer colours = terminal.getNumericCapability(Capability.max_colors);
        return !Terminal.TYPE_DUMB.equals(terminal.getType()) && !Terminal.TYPE_DUMB_COLOR.equals(terminal.getType())
                ? colours != null && colours >= 8
                : Terminal.TYPE_DUMB_COLOR.equals(terminal.getType());
    }

    Screen screen() {
        return screen;
    }

    @Override
    public PrintWriter out() {
        return writer;
    }

    @Override
    public PrintWriter err() {
        return writer;
    }

    @Override
    public void printVerbatim(String text) {
        writer.flush();
        try {
            screenWriter.writeVerbatim(text);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public boolean interactive() {
        return true;
    }

    /**
     * Text taller than the screen goes through JLine's {@code less} (q leaves it, / searches), escaped,
     * coloured and wrapped by the output layer first, as everything else shown.
     */
    @Override
    public void page(String text) {
        writer.flush();
        String shown = ScreenWriter.format(text, screen);
        long lines = shown.lines().count();
        int height = terminal.getHeight();
        if (height <= 0 || lines < height - 1) {
            terminal.writer().print(shown);
            terminal.writer().flush();
            return;
        }
        // The pager keeps the terminal's ISIG on, so Ctrl-C arrives as SIGINT rather than as a key. Here it
        // means what it means in less, git and psql: leave the pager (the read it interrupts ends Less).
        Thread pager = Thread.currentThread();
        Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT, signal -> pager.interrupt());
        try {
            Less less = new Less(terminal, Path.of("").toAbsolutePath());
            less.run(new Source.InputStreamSource(
                    new ByteArrayInputStream(shown.getBytes(StandardCharsets.UTF_8)), true, "article"));
        } catch (IOException e) {
            if (!interruption(e)) {
                terminal.writer().print(shown);
                terminal.writer().flush();
            }
        } catch (IOError e) {
            if (!interruption(e)) {
                throw e;
            }
        } catch (InterruptedException e) {
            // Left by Ctrl-C: nothing more to show.
        } finally {
            terminal.handle(Terminal.Signal.INT, previous);
            // Leaving the pager with Ctrl-C is not a request to stop the command that paged.
            Thread.interrupted();
            terminal.writer().flush();
        }
    }

    /**
     * A listing taller than the screen goes through {@link Pager}, its header kept at the top; the text is
     * laid out by the output layer at the terminal's width (again when the window is resized).
     */
    @Override
    public void page(String header, String text) {
        writer.flush();
        String shownHeader = ScreenWriter.format(header, screen);
        String shownText = ScreenWriter.format(text, screen);
        int height = terminal.getHeight();
        long lines = shownHeader.lines().count() + shownText.lines().count();
        boolean dumb =
                Terminal.TYPE_DUMB.equals(terminal.getType()) || Terminal.TYPE_DUMB_COLOR.equals(terminal.getType());
        if (height <= 0 || lines < height - 1 || dumb || shownHeader.lines().count() > height / 2) {
            terminal.writer().print(shownHeader);
            terminal.writer().print(shownText);
            terminal.writer().flush();
            return;
        }
        new Pager(terminal, width -> {
                    Screen at = new Screen(() -> width, screen.colour());
                    return new Pager.Layout(
                            ScreenWriter.format(header, at).lines().toList(),
                            ScreenWriter.format(text, at).lines().toList());
                })
                .page();
    }

    private static boolean interruption(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InterruptedIOException || t instanceof InterruptedException) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Optional<String> ask(String prompt) {
        writer.flush();
        // An answer (y, yes, a password-like value) is not a command: Up must not recall it.
        Object before = reader.getVariable(LineReader.DISABLE_HISTORY);
        reader.setVariable(LineReader.DISABLE_HISTORY, true);
        try {
            // A question wider than the screen is wrapped at word boundaries as other output is; its last
            // line is the prompt the answer is typed after.
            String shown =
                    ScreenWriter.format(prompt.stripTrailing() + "\n", screen).stripTrailing();
            int lastBreak = shown.lastIndexOf('\n');
            if (lastBreak >= 0) {
                terminal.writer().print(shown.substring(0, lastBreak + 1));
                terminal.writer().flush();
                String last = shown.substring(lastBreak + 1) + (prompt.endsWith(" ") ? " " : "");
                return Optional.of(reader.readLine(last));
            }
            return Optional.of(reader.readLine(prompt));
        } catch (UserInterruptException | EndOfFileException e) {
            return Optional.empty();
        } finally {
            reader.setVariable(LineReader.DISABLE_HISTORY, before == null ? false : before);
        }
    }
}
