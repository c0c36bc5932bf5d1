package io.kbsh.shell.article;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kbsh.model.article.ArticleId;
import io.kbsh.model.article.FixLevel;
import io.kbsh.model.command.Arguments;
import io.kbsh.model.command.CommandContext;
import io.kbsh.model.command.CommandException;
import io.kbsh.model.command.ExitStatus;
import io.kbsh.model.command.OptionSpec;
import io.kbsh.model.command.ShellCommand;
import io.kbsh.model.command.UsageException;
import io.kbsh.model.command.ValueKind;
import io.kbsh.model.product.Product;
import io.kbsh.model.product.Products;
import io.kbsh.shell.article.fix.FixConflicts;
import io.kbsh.shell.json.JsonOutput;
import io.kbsh.shell.store.LuceneArticleStore;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code fixlevels sources|conflicts}: what the archive's three sources of fix levels (fix lists, the bugs'
 * STATUS sections, their keywords) know, and the bugs for which they name different packs.
 */
public final class FixLevelsCommand implements ShellCommand {

    private static final OptionSpec PRODUCT =
            OptionSpec.value("product", ValueKind.TEXT, "only this product's levels (exchange, winnt, …)");

    private final Provider<LuceneArticleStore> store;

    @Inject
    public FixLevelsCommand(Provider<LuceneArticleStore> store) {
        this.store = store;
    }

    @Override
    public String name() {
        return "fixlevels";
    }

    @Override
    public String description() {
        return "compare the archive's sources of fix levels (fix lists, STATUS sections, keywords)";
    }

    @Override
    public String usage() {
        return "fixlevels sources|conflicts [--product PRODUCT] [--json]";
    }

    @Override
    public List<String> subcommands() {
        return List.of("sources", "conflicts");
    }

    @Override
    public List<String> examples() {
        return List.of(
                "fixlevels sources                      how many bugs each source gives a level for",
                "fixlevels conflicts --product exchange  bugs whose fix list and own STATUS name different packs");
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(PRODUCT, ArticleText.JSON);
    }

    @Override
    public int run(CommandContext context, List<String> words) throws CommandException {
        Arguments args = Arguments.parse(words, options());
        String what = args.positional(0, "sources|conflicts");
        if (!subcommands().contains(what)) {
            throw new UsageException("fixlevels: unknown sub-command '" + what + "' (expected sources or conflicts)");
        }
        Optional<String> product = Optional.empty();
        if (args.has("product")) {
            String word = args.value("product").orElseThrow();
            product = Optional.of(Products.resolve(word)
                    .map(Product::id)
                    .orElseThrow(() -> new UsageException(
                            "--product: unknown product '" + word + "' (e.g. exchange, winnt, sms)")));
        }
        LuceneArticleStore s = store.get();
        if (!s.imported()) {
            ArticleText.notices(context, s);
            throw new CommandException("the fix levels come from the archive: import it first");
        }
        Map<ArticleId, List<FixLevel>> table = product.isPresent() ? s.fixTable(product.get()) : s.fixTable();
        return what.equals("sources")
                ? sources(context, table, args.has("json"))
                : conflicts(context, s, table, args.has("json"));
    }

    private static int sources(CommandContext context, Map<ArticleId, List<FixLevel>> table, boolean json) {
        Map<String, Map<FixLevel.Source, Set<ArticleId>>> byProduct = new TreeMap<>();
        table.forEach((bug, levels) -> levels.forEach(f -> byProduct
                .computeIfAbsent(f.product(), p -> new EnumMap<>(FixLevel.Source.class))
                .computeIfAbsent(f.source(), x -> new TreeSet<>())
                .add(bug)));
        int conflicting = 0;
        for (Map.Entry<ArticleId, List<FixLevel>> e : table.entrySet()) {
            conflicting += FixConflicts.of(e.getKey(), e.getValue()).isEmpty() ? 0 : 1;
        }
        if (json) {
            ObjectNode doc = JsonOutput.document("fix-level-sources", 1);
            ArrayNode products = doc.putArray("products");
            byProduct.forEach((p, sources) -> {
                ObjectNode n = products.addObject().put("product", p);
                ObjectNode counts = n.putObject("bugs");
                for (FixLevel.Source source : FixLevel.Source.values()) {
                    counts.put(
                            ArticleText.sourceKey(source),
                            sources.getOrDefault(source, Set.of()).size());
                }
            });
            doc.put("bugsWithConflicts", conflicting);
            JsonOutput.print(context, doc);
            return ExitStatus.OK;
        }
        context.out().printf("%-16s %9s %15s %9s%n", "PRODUCT", "FIX LIST", "STATUS SECTION", "KEYWORDS");
        byProduct.forEach((p, sources) -> context.out()
                .printf(
                        "%-16s %9d %15d %9d%n",
                        p,
                        sources.getOrDefault(FixLevel.Source.FIX_LIST, Set.of()).size(),
                        sources.getOrDefault(FixLevel.Source.STATUS, Set.of()).size(),
                        sources.getOrDefault(FixLevel.Source.KEYWORDS, Set.of()).size()));
        context.out()
                .println("(bug articles with a level from each source; " + conflicting
                        + " where the sources disagree: fixlevels conflicts)");
        return ExitStatus.OK;
    }

    private static int conflicts(
            CommandContext context, LuceneArticleStore s, Map<ArticleId, List<FixLevel>> table, boolean json) {
        List<FixConflicts> all = new ArrayList<>();
        table.forEach((bug, levels) -> all.addAll(FixConflicts.of(bug, levels)));
        if (json) {
            ObjectNode doc = JsonOutput.document("fix-level-conflicts", 1);
            ArrayNode list = doc.putArray("conflicts");
            for (FixConflicts c : all) {
                ObjectNode n = ArticleText.brief(list, s, c.bug())
                        .put("product", c.product())
                        .put("release", c.release());
                ObjectNode levels = n.putObject("levels");
                c.bySource()
                        .forEach((source, f) -> levels.put(
                                ArticleText.sourceKey(source), f.fixingPack().toString()));
                c.bySource().values().stream()
                        .filter(f -> f.source() == FixLevel.Source.FIX_LIST)
                        .findFirst()
                        .ifPresent(f -> n.put("fixList", f.listedIn().toString()));
                n.put("trusted", ArticleText.sourceKey(c.trusted().source()));
            }
            JsonOutput.print(context, doc);
            return ExitStatus.OK;
        }
        StringBuilder text = new StringBuilder();
        for (FixConflicts c : all) {
            text.append(String.format(
                    "%-8s  %-20s %s  %s%n",
                    c.bug(),
                    ArticleText.line(c.product(), c.release()),
                    c.describe(),
                    s.titleOf(c.bug()).orElse("")));
        }
        text.append(all.size())
                .append(all.size() == 1 ? " disagreement" : " disagreements")
                .append(
                        " between the archive's sources of fix levels; kbsh goes by the fix list, then the STATUS section,")
                .append(" then the keywords\n");
        context.page(text.toString());
        return ExitStatus.OK;
    }
}
