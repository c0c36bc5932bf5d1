package io.kbsh.shell.check;

import io.kbsh.model.command.CommandContext;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Optional;

/** A batch-mode command context writing to strings, with an answer for {@link #confirm}. */
final class TestContext implements CommandContext {

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    private final PrintWriter outWriter = new PrintWriter(out, true);
    private final PrintWriter errWriter = new PrintWriter(err, true);
    private final Path dir;
    boolean interactive;
    boolean answer;

    TestContext(Path dir) {
        this.dir = dir;
    }

    String output() {
        outWriter.flush();
        return out.toString();
    }

    void reset() {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
    }

    @Override
    public PrintWriter out() {
        return outWriter;
    }

    @Override
    public PrintWriter err() {
        return errWriter;
    }

    @Override
    public boolean interactive() {
        return interactive;
    }

    @Override
    public boolean confirm(String question) {
        return interactive && answer;
    }

    @Override
    public Path workingDirectory() {
        return dir;
    }

    @Override
    public Path home() {
        return dir.resolve("home");
    }

    @Override
    public boolean debug() {
        return false;
    }

    @Override
    public <T> Optional<T> service(Class<T> type) {
        return Optional.empty();
    }
}
