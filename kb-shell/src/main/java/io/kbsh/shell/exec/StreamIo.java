package io.kbsh.shell.exec;

import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.Optional;

/** Batch-mode I/O over plain streams: nobody can answer a question. */
public final class StreamIo implements ShellIo {

    private final PrintWriter out;
    private final PrintWriter err;

    public StreamIo(OutputStream out, OutputStream err, Charset charset) {
        this.out = new PrintWriter(new OutputStreamWriter(out, charset), true);
        this.err = new PrintWriter(new OutputStreamWriter(err, charset), true);
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
    public boolean interactive() {
        return false;
    }

    @Override
    public Optional<String> ask(String prompt) {
        return Optional.empty();
    }
}
