package io.kbsh.shell.repl;

import io.kbsh.shell.exec.ShellIo;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.Optional;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;

/** REPL I/O: results to the terminal, questions answered at the terminal. */
final class TerminalIo implements ShellIo {

    private final Terminal terminal;
    private final LineReader reader;
    private final PrintWriter err;

    TerminalIo(Terminal terminal, LineReader reader) {
        this.terminal = terminal;
        this.reader = reader;
        this.err = new PrintWriter(new OutputStreamWriter(System.err, Charset.defaultCharset()), true);
    }

    @Override
    public PrintWriter out() {
        return terminal.writer();
    }

    @Override
    public PrintWriter err() {
        terminal.writer().flush();
        return err;
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
