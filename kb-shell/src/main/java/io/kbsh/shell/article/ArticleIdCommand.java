package io.kbsh.shell.article;

import io.kbsh.model.article.Article;
import io.kbsh.model.article.ArticleId;
import io.kbsh.model.command.CommandContext;
import io.kbsh.model.command.CommandException;
import io.kbsh.model.command.ShellCommand;
import io.kbsh.model.command.ValueKind;
import io.kbsh.shell.store.LuceneArticleStore;
import jakarta.inject.Provider;
import java.util.List;

/**
 * A command about one article named by its id: the shell completes the id from the store
 * ({@link io.kbsh.model.article.ArticleStore#idsStartingWith}); the article is looked up here.
 */
abstract class ArticleIdCommand implements ShellCommand {

    final Provider<LuceneArticleStore> store;

    ArticleIdCommand(Provider<LuceneArticleStore> store) {
        this.store = store;
    }

    @Override
    public ValueKind argumentKind(List<String> precedingWords) {
        return ValueKind.ARTICLE;
    }

    /** The article, or a one-line failure (with how to import when the archive is not there). */
    static Article require(CommandContext context, LuceneArticleStore s, ArticleId id) throws CommandException {
        Article a = s.find(id).orElse(null);
        if (a == null) {
            ArticleText.notices(context, s);
            throw new CommandException(id + " is not known" + (s.imported() ? " to the imported archive" : ""));
        }
        return a;
    }
}
