package io.kbsh.shell.check.run;

import io.kbsh.model.article.ArticleId;
import java.util.Objects;
import java.util.Optional;

/**
 * A check that did not answer: it threw, returned null, ran past its deadline or was cancelled (Ctrl-C).
 * Reported as one line naming the plugin, the article and the reason, never allowed to stop the other
 * checks. {@code cause} is what it threw (or, for a check that ran too long, where it was when it was
 * given up), whose stack trace {@code --debug} prints.
 */
public record CheckFailure(ArticleId article, String plugin, Kind kind, String message, Optional<Throwable> cause) {

    /** Why the check has no answer. */
    public enum Kind {
        /** It threw (any Throwable the JVM survives). */
        THREW,
        /** It returned null, or a list holding null. */
        NULL,
        /** It ran past the deadline. */
        TIMED_OUT,
        /** The run was cancelled (Ctrl-C) while it ran, or before it started. */
        CANCELLED
    }

    public CheckFailure {
        Objects.requireNonNull(article, "article");
        Objects.requireNonNull(plugin, "plugin");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(cause, "cause");
    }

    /** The failure line: {@code Q254909 (plugin q254909): IllegalStateException boom}. */
    public String describe() {
        return article + " (plugin " + plugin + "): " + message;
    }
}
