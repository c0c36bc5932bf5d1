package io.kbsh.shell.article;

import io.kbsh.model.command.CommandContext;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/** A command context that records what a command prints; answers to questions are queued in advance. */
final class FakeContext implements CommandContext {
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    final Deque<Boolean> answers = new ArrayDeque<>();
    int questions;
    private final PrintWriter outWriter = new PrintWriter(out, true);
    private final PrintWriter errWriter = new PrintWriter(err, true);
    private final Path home;
    private final boolean interactive;

    FakeContext(Path home, boolean interactive) {
        this.home = home;
        this.interactive = interactive;
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
        questions++;
        return interactive && !answers.isEmpty() && answers.poll();
    }

    @Override
    public Path workingDirectory() {
        return home;
    }

    @Override
    public Path home() {
        return home;
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
