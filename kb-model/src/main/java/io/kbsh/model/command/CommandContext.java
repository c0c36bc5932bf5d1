package io.kbsh.model.command;

import java.io.PrintWriter;
import java.nio.file.Path;
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

    /** The directory relative paths are resolved against. */
    Path workingDirectory();

    /** kbsh's home directory ({@code ~/.kbsh} unless relocated with {@code --home} or {@code KBSH_HOME}). */
    Path home();

    /** True under {@code --debug}. */
    boolean debug();

    /**
     * A service of the running shell by its API type, such as {@code ArticleStore}; empty when this shell
     * has none.
     */
    <T> Optional<T> service(Class<T> type);

    /** Resolves a path typed by the user against {@link #workingDirectory()}. */
    default Path resolve(String path) {
        return workingDirectory().resolve(path).normalize();
    }
}
