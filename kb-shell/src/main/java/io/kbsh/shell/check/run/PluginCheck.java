package io.kbsh.shell.check.run;

import io.kbsh.model.article.ArticleId;
import io.kbsh.rules.ArticleCheck;
import java.util.Objects;

/** A check to run, with the plugin that contributed it ({@code builtin} for the application's own) and its article. */
public record PluginCheck(String plugin, ArticleId article, ArticleCheck check) {

    public PluginCheck {
        Objects.requireNonNull(plugin, "plugin");
        Objects.requireNonNull(article, "article");
        Objects.requireNonNull(check, "check");
    }

    /** {@code check} from {@code plugin}; asks the check for its article once, here. */
    public static PluginCheck of(String plugin, ArticleCheck check) {
        return new PluginCheck(plugin, check.article().id(), check);
    }
}
