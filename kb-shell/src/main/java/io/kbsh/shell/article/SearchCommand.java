package io.kbsh.shell.article;

import io.kbsh.shell.json.JsonOutput;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.kbsh.model.article.SearchHit;
import io.kbsh.model.command.Arguments;
import io.kbsh.model.command.CommandContext;
import io.kbsh.model.command.CommandException;
import io.kbsh.model.command.ExitStatus;
import io.kbsh.model.command.OptionSpec;
import io.kbsh.model.command.ShellCommand;
import io.kbsh.model.command.UsageException;
import io.kbsh.model.command.ValueKind;
import io.kbsh.shell.store.LuceneArticleStore;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.util.List;

/** {@code search QUERY}: ranked articles (id, date, title), with field filters and phrases. */
public final class SearchCommand implements ShellCommand {

    private final Provider<LuceneArticleStore> store;

    @Inject
    public SearchCommand(Provider<LuceneArticleStore> store) {
        this.store = store;
    }

    @Override
    public String name() {
        return "search";
    }

    @Override
    public String description() {
        return "search the KB articles (words, \"phrases\", product: category: type: tag: filters)";
    }

    @Override
    public List<String> examples() {
        return List.of("search \"second MX record\" product:exchange",
                "search proxy x.400 type:bug --limit 50");
    }

    @Override
    public String usage() {
        return "search [--limit N] [--json] QUERY...\n"
                + "  e.g. search proxy x.400 product:exchange type:bug\n"
                + "       search \"second MX record\" tag:xfor";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(OptionSpec.value("limit", ValueKind.TEXT, "how many results to show (default 20)"),
                ArticleText.JSON);
    }

    @Override
    public int run(CommandContext context, List<String> words) throws CommandException {
        Arguments args = Arguments.parse(words, options());
        int limit = args.intValue("limit", 20, 1, 10_000);
        if (args.positional().isEmpty()) {
            throw new UsageException("missing argument QUERY");
        }
        String query = String.join(" ", args.positional().stream()
                .map(w -> w.contains(" ") && !w.startsWith("\"") ? "\"" + w + "\"" : w).toList());
        LuceneArticleStore s = store.get();
        List<SearchHit> hits;
        try {
            hits = s.search(query, limit);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        ArticleText.notices(context, s);
        if (args.has("json")) {
            ObjectNode doc = JsonOutput.document("search", 1);
            doc.put("query", query);
            doc.put("limit", limit);
            ArrayNode results = doc.putArray("results");
            for (SearchHit h : hits) {
                ObjectNode r = results.addObject();
                r.put("id", h.id().toString());
                r.put("title", h.title());
                JsonOutput.put(r, "date", java.util.Optional.ofNullable(h.date()));
                r.put("score", h.score());
            }
            JsonOutput.print(context, doc);
            return ExitStatus.OK;
        }
        StringBuilder text = new StringBuilder();
        for (SearchHit h : hits) {
            text.append(String.format("%-8s  %-10s  %s%n", h.id(), h.date() == null ? "" : h.date(), h.title()));
        }
        if (hits.isEmpty()) {
            text.append("no articles match ").append(query).append('\n');
        }
        context.page(text.toString());
        return ExitStatus.OK;
    }
}
