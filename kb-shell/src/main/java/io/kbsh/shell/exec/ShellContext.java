package io.kbsh.shell.exec;

import io.kbsh.model.article.ArticleStore;
import io.kbsh.model.command.CommandContext;
import io.kbsh.model.command.CommandException;
import io.kbsh.model.env.Environment;
import io.kbsh.model.fact.Fact;
import io.kbsh.model.fact.Facts;
import io.kbsh.model.finding.Waiver;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The {@link CommandContext} the shell hands to every command. */
public final class ShellContext implements CommandContext {

    private final ShellIo io;
    private final Path home;
    private final Path workingDirectory;
    private final boolean debug;
    private final Session session;

    /** A context without a session: nothing loaded, no facts kept (the REPL's own tests). */
    public ShellContext(ShellIo io, Path home, Path workingDirectory, boolean debug) {
        this(io, home, workingDirectory, debug, Session.NONE);
    }

    public ShellContext(ShellIo io, Path home, Path workingDirectory, boolean debug, Session session) {
        this.io = io;
        this.home = home;
        this.workingDirectory = workingDirectory;
        this.debug = debug;
        this.session = session;
    }

    @Override
    public PrintWriter out() {
        return io.out();
    }

    @Override
    public PrintWriter err() {
        return io.err();
    }

    @Override
    public boolean interactive() {
        return io.interactive();
    }

    @Override
    public boolean confirm(String question) {
        if (!io.interactive()) {
            return false;
        }
        Optional<String> answer = io.ask(question + " [y/N] ");
        return answer.map(a -> a.trim().toLowerCase(Locale.ROOT))
                .map(a -> a.equals("y") || a.equals("yes"))
                .orElse(false);
    }

    /**
     * Asks the person at the terminal for a line ({@code troubleshoot}'s questions); empty in batch mode, where
     * answers are given in advance, and when the input ends.
     */
    public Optional<String> ask(String prompt) {
        return io.interactive() ? io.ask(prompt) : Optional.empty();
    }

    /** Prints {@code text} unwrapped and uncoloured, as {@code --json} documents are. */
    public void printVerbatim(String text) {
        io.printVerbatim(text);
    }

    @Override
    public void page(String text) {
        io.page(text);
    }

    @Override
    public void page(String header, String text) {
        io.page(header, text);
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
        return debug;
    }

    @Override
    public Optional<Environment> environment() {
        return session.environment();
    }

    @Override
    public Facts facts() {
        return session.facts();
    }

    @Override
    public void addFacts(List<? extends Fact> facts) throws CommandException {
        session.addFacts(facts);
    }

    @Override
    public List<Waiver> waivers() throws CommandException {
        return session.waivers(this);
    }

    @Override
    public ArticleStore articles() {
        return session.articles();
    }

    /**
     * The deprecated untyped look-up answers only what is API, from the typed accessors: the article store,
     * the environment and the facts. Nothing else — never the injector, never an internal singleton — is
     * reachable through it, whatever class a plugin asks for.
     */
    @Override
    @SuppressWarnings("removal")
    public <T> Optional<T> service(Class<T> type) {
        if (type == ArticleStore.class) {
            return Optional.of(type.cast(articles()));
        }
        if (type == Environment.class) {
            return environment().map(type::cast);
        }
        if (type == Facts.class) {
            return Optional.of(type.cast(facts()));
        }
        return Optional.empty();
    }
}
