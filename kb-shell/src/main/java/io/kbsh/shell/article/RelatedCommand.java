package io.kbsh.shell.article;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kbsh.model.article.Article;
import io.kbsh.model.article.ArticleId;
import io.kbsh.model.article.SearchHit;
import io.kbsh.model.command.Arguments;
import io.kbsh.model.command.CommandContext;
import io.kbsh.model.command.CommandException;
import io.kbsh.model.command.ExitStatus;
import io.kbsh.model.command.OptionSpec;
import io.kbsh.model.command.ValueKind;
import io.kbsh.shell.json.JsonOutput;
import io.kbsh.shell.store.LuceneArticleStore;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** {@code related QNNNNNN}: what the article cites, what cites it, and articles with similar titles. */
public final class RelatedCommand extends ArticleIdCommand {

    private static final Set<String> COMMON = Set.of(
            "the", "a", "an", "and", "or", "of", "in", "on", "to", "with", "for", "is", "not", "does", "do", "when",
            "by", "from", "at", "as", "can", "cannot", "may", "be", "are");

    @Inject
    public RelatedCommand(Provider<LuceneArticleStore> store) {
        super(store);
    }

    @Override
    public String name() {
        return "related";
    }

    @Override
    public String description() {
        return "list the articles related to a KB article (cited, citing, similar)";
    }

    @Override
    public List<String> examples() {
        return List.of("related Q178532", "related --limit 20 Q254909");
    }

    @Override
    public String usage() {
        return "related [--limit N] [--json] QNNNNNN";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(
                OptionSpec.value("limit", ValueKind.TEXT, "how many similar articles to list (default 10)"),
                ArticleText.JSON);
    }

    @Override
    public int run(CommandContext context, List<String> words) throws CommandException {
        Arguments args = Arguments.parse(words, options());
        ArticleId id = ArticleText.id(args.positional(0, "QNNNNNN"));
        int limit = args.intValue("limit", 10, 1, 1000);
        LuceneArticleStore s = store.get();
        Article a = require(context, s, id);
        Set<ArticleId> shown = new LinkedHashSet<>();
        shown.add(id);
        ObjectNode doc = JsonOutput.document("related", 1);
        doc.put("article", id.toString());
        doc.put("title", a.title());
        StringBuilder text = new StringBuilder();
        section(text, doc.putArray("cites"), s, "cites", a.cites(), shown);
        section(text, doc.putArray("citedBy"), s, "cited by", s.citedBy(id), shown);
        StringBuilder query = new StringBuilder();
        for (String w : a.title().replaceFirst("^[A-Z0-9]{2,8}: ", "").split("[^A-Za-z0-9.]+")) {
            if (w.length() > 1 && !COMMON.contains(w.toLowerCase(Locale.ROOT))) {
                query.append(query.length() > 0 ? " OR " : "")
                        .append(w.toLowerCase(Locale.ROOT).replace(".", "\\."));
            }
        }
        if (query.length() > 0) {
            List<SearchHit> similar;
            try {
                similar = s.search(query.toString(), limit + shown.size());
            } catch (IllegalArgumentException e) {
                similar = List.of();
            }
            List<ArticleId> ids = similar.stream()
                    .map(SearchHit::id)
                    .filter(h -> !shown.contains(h))
                    .limit(limit)
                    .toList();
            section(text, doc.putArray("similar"), s, "similar", ids, shown);
        } else {
            doc.putArray("similar");
        }
        if (!s.imported()) {
            ArticleText.notices(context, s);
        }
        if (args.has("json")) {
            JsonOutput.print(context, doc);
        } else {
            // The article itself stays in view above its relations while they are paged.
            context.page("Related to " + id + ": " + a.title() + "\n", text.toString());
        }
        return ExitStatus.OK;
    }

    private static void section(
            StringBuilder text,
            ArrayNode json,
            LuceneArticleStore s,
            String label,
            List<ArticleId> ids,
            Set<ArticleId> shown) {
        text.append(label)
                .append(':')
                .append(ids.isEmpty() ? " none known" : "")
                .append('\n');
        for (ArticleId r : ids) {
            shown.add(r);
            ArticleText.brief(json, s, r);
            text.append(String.format("  %-8s  %s%n", r, s.titleOf(r).orElse("(not in the archive)")));
        }
    }
}
