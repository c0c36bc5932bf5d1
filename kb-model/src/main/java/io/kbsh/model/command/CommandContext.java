package io.kbsh.model.command;

import io.kbsh.model.article.ArticleStore;
import io.kbsh.model.env.Environment;
import io.kbsh.model.fact.Fact;
import io.kbsh.model.fact.Facts;
import io.kbsh.model.finding.Waiver;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What the shell gives a running command.
 *
 * @since 2.0
 */
public interface CommandContext {

    /** Where results go. */
    PrintWriter out();

    /** Where warnings go; errors are reported by throwing {@link CommandException}. */
    PrintWriter err();

    /** True when a person is at a terminal; false in batch mode ({@code -c}, a script, piped input). */
    boolean interactive();

    /**
     * Asks a yes/no question at the terminal. Returns false without asking when not {@link #interactive()}:
     * batch callers must pass an explicit option (such as {@code --yes}) instead.
     */
    boolean confirm(String question);

    /**
     * Shows long text (an article, say): through a pager when a person is at a terminal and the text is
     * taller than the screen, printed plainly otherwise.
     */
    default void page(String text) {
        out().print(text);
        out().flush();
    }

    /**
     * Shows a listing (search results, bugs) whose {@code header} (its title, column names, a total) stays
     * at the top of every screen while the rest is paged beneath it; printed plainly, header first, when it
     * fits the screen or nobody is at a terminal. Either part may hold several lines, each ending in a
     * newline.
     *
     * @since 2.1
     */
    default void page(String header, String text) {
        page(header + text);
    }

    /** The directory relative paths are resolved against. */
    Path workingDirectory();

    /** kbsh's home directory ({@code ~/.kbsh} unless relocated with {@code --home} or {@code KBSH_HOME}). */
    Path home();

    /** True under {@code --debug}. */
    boolean debug();

    /**
     * A service of the running shell by its API type. Since 2.1 it answers only {@code ArticleStore},
     * {@code Environment} and {@code Facts} (what the typed accessors give) and is empty for any other type:
     * it never reaches the shell's internals.
     *
     * @deprecated untyped: use {@link #environment()}, {@link #facts()}, {@link #waivers()},
     *     {@link #articles()} and {@link #addFacts}; to be removed in 3.0
     */
    @Deprecated(since = "2.1", forRemoval = true)
    <T> Optional<T> service(Class<T> type);

    /**
     * The environment loaded in this session ({@code env load}, {@code --env}); empty when none is.
     *
     * @since 2.1
     */
    default Optional<Environment> environment() {
        return Optional.empty();
    }

    /**
     * The facts probes have found in this session (newest and earlier observations of each endpoint).
     *
     * @since 2.1
     */
    default Facts facts() {
        return Facts.none();
    }

    /**
     * Adds facts to the session, as if a probe had found them: the next {@code check} and {@code diagnose}
     * see them, {@code env facts} lists them. A newer fact of an endpoint is kept beside the older ones.
     *
     * @throws CommandException when this context keeps no session (a test double, say)
     * @since 2.1
     */
    default void addFacts(List<? extends Fact> facts) throws CommandException {
        throw new CommandException("this shell keeps no facts");
    }

    /**
     * The waivers in force: those of the waiver file this session uses (its home's {@code waivers.json}
     * unless another was chosen), empty when there is none.
     *
     * @throws CommandException when the waiver file cannot be read (the message names file, line, column)
     * @since 2.1
     */
    default List<Waiver> waivers() throws CommandException {
        return List.of();
    }

    /**
     * The article store: the imported archive, or an empty store before {@code import}.
     *
     * @since 2.1
     */
    default ArticleStore articles() {
        return ArticleStore.empty();
    }

    /** Resolves a path typed by the user against {@link #workingDirectory()}. */
    default Path resolve(String path) {
        return workingDirectory().resolve(path).normalize();
    }
}
