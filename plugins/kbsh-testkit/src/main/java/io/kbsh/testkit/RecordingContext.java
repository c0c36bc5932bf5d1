package io.kbsh.testkit;

import io.kbsh.model.command.CommandContext;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link CommandContext} for command tests: records what a command prints, asks and pages, answers
 * questions from a script, and offers the services a test puts in.
 */
public final class RecordingContext implements CommandContext {

    public final StringWriter out = new StringWriter();
    public final StringWriter err = new StringWriter();
    /** Every question asked through {@link #confirm}, in order. */
    public final List<String> questions = new ArrayList<>();
    /** Scripted answers, used in order; when they run out, {@link #answer} is the answer. */
    public final Deque<Boolean> answers = new ArrayDeque<>();
    /** Every text shown through {@link #page}. */
    public final List<String> paged = new ArrayList<>();

    public boolean interactive;
    public boolean answer;

    private final PrintWriter outWriter = new PrintWriter(out, true);
    private final PrintWriter errWriter = new PrintWriter(err, true);
    private final Path workingDirectory;
    private final Path home;
    private final Map<Class<?>, Object> services = new HashMap<>();

    /** A context whose working directory and home are both {@code directory}. */
    public RecordingContext(Path directory) {
        this(directory, directory);
    }

    public RecordingContext(Path workingDirectory, Path home) {
        this.workingDirectory = workingDirectory;
        this.home = home;
    }

    /** As if a person were (or were not) at a terminal. */
    public RecordingContext interactive(boolean interactive) {
        this.interactive = interactive;
        return this;
    }

    public <T> RecordingContext withService(Class<T> type, T service) {
        services.put(type, service);
        return this;
    }

    public String output() {
        outWriter.flush();
        return out.toString();
    }

    public String errors() {
        errWriter.flush();
        return err.toString();
    }

    /** Forgets what was printed, asked and paged. */
    public void reset() {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        questions.clear();
        paged.clear();
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
        questions.add(question);
        if (!interactive) {
            return false;
        }
        return answers.isEmpty() ? answer : answers.poll();
    }

    @Override
    public void page(String text) {
        paged.add(text);
        outWriter.print(text);
        outWriter.flush();
    }

    @Override
    public Path workingDirectory() {
        return workingDirectory;
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
    @SuppressWarnings("removal")
    public <T> Optional<T> service(Class<T> type) {
        return Optional.ofNullable(services.get(type)).map(type::cast);
    }

    /** The store a test put in with {@link #withService}, else an empty one. */
    @Override
    public io.kbsh.model.article.ArticleStore articles() {
        return Optional.ofNullable(
                        (io.kbsh.model.article.ArticleStore) services.get(io.kbsh.model.article.ArticleStore.class))
                .orElseGet(io.kbsh.model.article.ArticleStore::empty);
    }
}
