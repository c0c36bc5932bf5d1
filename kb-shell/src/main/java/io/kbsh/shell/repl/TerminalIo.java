package io.kbsh.shell.repl;

import io.kbsh.shell.exec.ShellIo;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.jline.builtins.Less;
import org.jline.builtins.Source;
import java.io.PrintWriter;
import java.util.Optional;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;

/** REPL I/O: results to the terminal, questions answered at the terminal. */
final class TerminalIo implements ShellIo {

    private final Terminal terminal;
    private final LineReader reader;
    TerminalIo(Terminal terminal, LineReader reader) {
        this.terminal = terminal;
        this.reader = reader;
    }

    @Override
    public PrintWriter out() {
        return terminal.writer();
    }

    @Override
    public PrintWriter err() {
        // At the prompt, errors go to the terminal too, so that they stay in order with the output.
        return terminal.writer();
    }

    @Override
    public boolean interactive() {
        return true;
    }

    /** Text taller than the screen goes through JLine's {@code less}; q leaves it, / searches. */
    @Override
    public void page(String text) {
        long lines = text.lines().count();
        int height = terminal.getHeight();
        if (height <= 0 || lines < height - 1) {
            ShellIo.super.page(text);
            return;
        }
        try {
            Less less = new Less(terminal, Path.of("").toAbsolutePath());
            less.run(new Source.InputStreamSource(
                    new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), true, "article"));
        } catch (IOException e) {
            ShellIo.super.page(text);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public Optional<String> ask(String prompt) {
        try {
            return Optional.of(reader.readLine(prompt));
        } catch (UserInterruptException | EndOfFileException e) {
            return Optional.empty();
        }
    }
}
