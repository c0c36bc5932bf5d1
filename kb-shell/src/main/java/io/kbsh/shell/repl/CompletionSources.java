package io.kbsh.shell.repl;

import io.kbsh.rules.ArticleCheck;
import java.util.List;
import java.util.function.Supplier;

/**
 * What Tab completion needs of the session beyond the commands, handed to the shell by whoever built the
 * session: the loaded environment's objects ({@code kind:id}, for {@code --object}) and the checks loaded
 * (their articles come first where an article id is typed). Each is asked at the moment of the Tab, so it
 * sees the environment and plugins as they are then.
 */
public record CompletionSources(Supplier<List<String>> objectNames, Supplier<List<ArticleCheck>> checks) {

    /** No environment objects and no checks: completion offers commands, options, files and the store's ids. */
    public static final CompletionSources NONE = new CompletionSources(List::of, List::of);
}
