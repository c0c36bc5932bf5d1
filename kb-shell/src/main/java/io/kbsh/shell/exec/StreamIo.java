package io.kbsh.shell.exec;

import io.kbsh.shell.output.Screen;
import io.kbsh.shell.output.ScreenWriter;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.Optional;

/**
 * Batch-mode I/O over plain streams: nobody can answer a question. Output still goes through the output
 * layer, so a file's control characters never reach a terminal that a pipe may end in.
 */
public final class StreamIo implements ShellIo {

    private final ScreenWriter outScreen;
    private final PrintWriter out;
    private final PrintWriter err;

    public StreamIo(OutputStream out, OutputStream err, Charset charset) {
        this(out, err, charset, Screen.plain());
    }

    /** Streams shown on {@code screen}: control characters are escaped whatever it is. */
    public StreamIo(OutputStream out, OutputStream err, Charset charset, Screen screen) {
        this.outScreen = new ScreenWriter(new OutputStreamWriter(out, charset), screen);
        this.out = new PrintWriter(outScreen, true);
        this.err = new PrintWriter(new ScreenWriter(new OutputStreamWriter(err, charset), screen), true);
    }

    @Override
    public PrintWriter out() {
        return out;
    }

    @Override
    public PrintWriter err() {
        return err;
    }

    @Override
    public void printVerbatim(String text) {
        out.flush();
        try {
            outScreen.writeVerbatim(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public boolean interactive() {
        return false;
    }

    @Override
    public Optional<String> ask(String prompt) {
        return Optional.empty();
    }
}
