package io.kbsh.shell.article;

import com.google.inject.AbstractModule;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import io.kbsh.model.article.ArticleStore;
import io.kbsh.model.command.ShellCommand;
import io.kbsh.shell.store.LuceneArticleStore;

/**
 * Wires the {@code article} commands and the article store into the shell. The store is a lazy singleton:
 * nothing opens the index until a command or check first asks it something.
 */
public final class ArticleModule extends AbstractModule {

    @Override
    protected void configure() {
        bind(LuceneArticleStore.class).in(Singleton.class);
        bind(ArticleStore.class).to(LuceneArticleStore.class);
        Multibinder<ShellCommand> commands = Multibinder.newSetBinder(binder(), ShellCommand.class);
        commands.addBinding().to(ImportCommand.class);
        commands.addBinding().to(SearchCommand.class);
        commands.addBinding().to(ShowCommand.class);
        commands.addBinding().to(RelatedCommand.class);
        commands.addBinding().to(BugsCommand.class);
        commands.addBinding().to(FixLevelsCommand.class);
    }
}
