package io.kbsh.shell.repl;

import io.kbsh.shell.exec.ShellIo;
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

    @Override
    public Optional<String> ask(String prompt) {
        try {
            return Optional.of(reader.readLine(prompt));
        } catch (UserInterruptException | EndOfFileException e) {
            return Optional.empty();
        }
    }
}
