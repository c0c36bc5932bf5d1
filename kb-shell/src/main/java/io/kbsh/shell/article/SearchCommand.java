package io.kbsh.shell.article;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kbsh.model.article.SearchHit;
import io.kbsh.model.command.Arguments;
import io.kbsh.model.command.CommandContext;
import io.kbsh.model.command.CommandException;
import io.kbsh.model.command.ExitStatus;
import io.kbsh.model.command.OptionSpec;
import io.kbsh.model.command.ShellCommand;
import io.kbsh.model.command.UsageException;
import io.kbsh.model.command.ValueKind;
import io.kbsh.shell.json.JsonOutput;
import io.kbsh.shell.store.LuceneArticleStore;
import io.kbsh.shell.store.SearchResults;
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
        return List.of(
                "search \"second MX record\" product:exchange",
                "search X.400 connector TCP/IP",
                "search (relay OR smarthost) -proxy connect*",
                "search proxy x.400 type:bug --page 2");
    }

    @Override
    public String usage() {
        return "search [--limit N] [--page P] [--json] QUERY...  all words match (title or text), 20 a page with the total\n"
                + "search \"A PHRASE\"                        the words together, in order\n"
                + "search WORD OR WORD                       either word (AND is the default; group with parentheses)\n"
                + "search -WORD                              articles without the word (also NOT WORD)\n"
                + "search PREFIX*                            any word starting with PREFIX\n"
                + "search FIELD:VALUE                        filter: product: category: type: tag: (title: text: id: cites:)\n";
    }

    /**
     * The field filters, then a product for {@code product:} (offered once {@code product:} is typed): what a
     * person types after {@code search} that is not a plain word.
     */
    @Override
    public List<String> candidates(CommandContext context, List<String> precedingWords) {
        List<String> words = new java.util.ArrayList<>(
                List.of("product:", "category:", "type:", "tag:", "title:", "text:", "id:", "cites:"));
        io.kbsh.model.product.Products.all().forEach(p -> words.add("product:" + p.id()));
        return words;
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(
                OptionSpec.value("limit", ValueKind.TEXT, "how many results a page shows (default 20)"),
                OptionSpec.value("page", ValueKind.TEXT, "which page of results to show (default 1)"),
                ArticleText.JSON);
    }

    @Override
    public int run(CommandContext context, List<String> words) throws CommandException {
        Arguments args = Arguments.parse(words, options());
        int limit = args.intValue("limit", 20, 1, 10_000);
        int page = args.intValue("page", 1, 1, 100_000);
        if (args.positional().isEmpty()) {
            throw new UsageException("missing argument QUERY");
        }
        String query = String.join(
                " ",
                args.positional().stream()
                        .map(w -> w.contains(" ") && !w.startsWith("\"") ? "\"" + w + "\"" : w)
                        .toList());
        LuceneArticleStore s = store.get();
        SearchResults results;
        try {
            results = s.search(query, (page - 1) * limit, limit);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        ArticleText.notices(context, s);
        List<SearchHit> hits = results.hits();
        if (args.has("json")) {
            ObjectNode doc = JsonOutput.document("search", 1);
            doc.put("query", query);
            doc.put("limit", limit);
            doc.put("page", page);
            doc.put("total", results.total());
            ArrayNode found = doc.putArray("results");
            for (SearchHit h : hits) {
                ObjectNode r = found.addObject();
                r.put("id", h.id().toString());
                r.put("title", h.title());
                JsonOutput.put(r, "date", h.date());
                r.put("score", h.score());
            }
            JsonOutput.print(context, doc);
            return ExitStatus.OK;
        }
        StringBuilder text = new StringBuilder();
        for (SearchHit h : hits) {
            text.append(
                    String.format(ROW, h.id(), h.date().map(Object::toString).orElse(""), h.title()));
        }
        int first = (page - 1) * limit + 1;
        int lastShown = first + hits.size() - 1;
        if (results.total() == 0) {
            text.append("no articles match ").append(query).append('\n');
        } else if (hits.isEmpty()) {
            text.append("page " + page + " is past the last: " + results.total() + " article"
                    + (results.total() == 1 ? "" : "s") + " match\n");
        } else if (lastShown < results.total() || first > 1) {
            text.append(first + "-" + lastShown + " of " + results.total() + " articles"
                    + (lastShown < results.total()
                            ? "; more: search --page " + (page + 1) + (limit == 20 ? "" : " --limit " + limit) + " "
                                    + query
                            : "")
                    + "\n");
        } else {
            text.append(results.total() + " article" + (results.total() == 1 ? "" : "s") + "\n");
        }
        // The column names stay in view while a long page of results scrolls beneath them.
        context.page(hits.isEmpty() ? "" : COLUMNS, text.toString());
        return ExitStatus.OK;
    }

    private static final String ROW = "%-8s  %-10s  %s%n";
    /** The line above the results. */
    static final String COLUMNS = String.format(ROW, "ARTICLE", "DATE", "TITLE");
}
