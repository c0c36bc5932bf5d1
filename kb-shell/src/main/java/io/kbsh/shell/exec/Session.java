package io.kbsh.shell.exec;

import io.kbsh.model.article.ArticleStore;
import io.kbsh.model.command.CommandContext;
import io.kbsh.model.command.CommandException;
import io.kbsh.model.env.Environment;
import io.kbsh.model.fact.Fact;
import io.kbsh.model.fact.Facts;
import io.kbsh.model.finding.Waiver;
import java.util.List;
import java.util.Optional;

/**
 * What a command's context reads of the running session: the loaded environment, the facts, the waivers
 * in force and the article store — the typed accessors of {@link CommandContext} are answered from here.
 */
public interface Session {

    /** A session with nothing loaded and nowhere to keep facts (tests of the REPL alone). */
    Session NONE = new Session() {
        @Override
        public Optional<Environment> environment() {
            return Optional.empty();
        }

        @Override
        public Facts facts() {
            return Facts.none();
        }

        @Override
        public void addFacts(List<? extends Fact> facts) throws CommandException {
            throw new CommandException("this shell keeps no facts");
        }

        @Override
        public List<Waiver> waivers(CommandContext context) {
            return List.of();
        }

        @Override
        public ArticleStore articles() {
            return ArticleStore.empty();
        }
    };

    Optional<Environment> environment();

    Facts facts();

    void addFacts(List<? extends Fact> facts) throws CommandException;

    /** The waivers of the waiver file in force for {@code context} (its home's unless the session chose another). */
    List<Waiver> waivers(CommandContext context) throws CommandException;

    ArticleStore articles();
}
