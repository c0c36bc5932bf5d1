package io.kbsh.shell.check;

import io.kbsh.model.article.ArticleStore;
import io.kbsh.model.command.CommandContext;
import io.kbsh.model.command.CommandException;
import io.kbsh.model.env.Environment;
import io.kbsh.model.fact.Fact;
import io.kbsh.model.fact.Facts;
import io.kbsh.model.finding.Waiver;
import io.kbsh.shell.exec.Session;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.util.List;
import java.util.Optional;

/** The check session as plugin commands see it through {@link CommandContext}'s typed accessors. */
public final class ShellSession implements Session {

    private final CheckSession session;
    private final CheckEngine engine;
    private final Provider<ArticleStore> articles;

    @Inject
    public ShellSession(CheckSession session, CheckEngine engine, Provider<ArticleStore> articles) {
        this.session = session;
        this.engine = engine;
        this.articles = articles;
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
    public void addFacts(List<? extends Fact> facts) {
        session.addFacts(List.copyOf(facts));
    }

    @Override
    public List<Waiver> waivers(CommandContext context) throws CommandException {
        return engine.waivers(session.waiverFile(context)).waivers();
    }

    @Override
    public ArticleStore articles() {
        return articles.get();
    }
}
