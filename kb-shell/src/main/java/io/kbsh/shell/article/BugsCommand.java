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
import io.kbsh.model.product.Product;
import io.kbsh.model.product.Products;
import io.kbsh.model.version.ReleaseLevel;
import io.kbsh.shell.article.fix.FixTable;
import io.kbsh.shell.json.JsonOutput;
import io.kbsh.shell.store.LuceneArticleStore;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code bugs PRODUCT VERSION [SPn]}: the known bug articles still open at that level, i.e. fixed only by
 * a later service pack of the same release line, according to the archive (its fix lists, else the bugs'
 * own STATUS sections, else their keywords).
 */
public final class BugsCommand implements ShellCommand {

    private final Provider<LuceneArticleStore> store;

    @Inject
    public BugsCommand(Provider<LuceneArticleStore> store) {
        this.store = store;
    }

    @Override
    public String name() {
        return "bugs";
    }

    @Override
    public String description() {
        return "list the known bugs still open at a product's service-pack level";
    }

    @Override
    public List<String> examples() {
        return List.of("bugs exchange 5.5 SP1  known bugs a later 5.5 service pack fixed");
    }

    @Override
    public String usage() {
        return "bugs PRODUCT VERSION [SPn] [--json]\n  e.g. bugs exchange 5.5 SP1";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(ArticleText.JSON);
    }

    @Override
    public List<String> candidates(CommandContext context, List<String> precedingWords) {
        if (precedingWords.isEmpty()) {
            return Products.all().stream().map(Product::id).toList();
        }
        // Then the release lines the archive's fix lists know for that product, then their service packs.
        Optional<Product> product = Products.resolve(precedingWords.get(0));
        LuceneArticleStore s = store.get();
        if (product.isEmpty() || precedingWords.size() > 2 || !s.imported()) {
            return List.of();
        }
        Set<ReleaseLevel> levels = new TreeSet<>(
                java.util.Comparator.comparing(ReleaseLevel::release).thenComparingInt(ReleaseLevel::servicePack));
        s.fixTable(product.get().id())
                .values()
                .forEach(all -> all.stream()
                        .filter(f -> f.kind() == FixLevel.Kind.SERVICE_PACK)
                        .forEach(f -> levels.add(f.fixingPack())));
        if (precedingWords.size() == 1) {
            return levels.stream().map(ReleaseLevel::release).distinct().toList();
        }
        String release = precedingWords.get(1);
        return levels.stream()
                .filter(l -> l.release().equals(release))
                .map(l -> "SP" + l.servicePack())
                .distinct()
                .toList();
    }

    @Override
    public int run(CommandContext context, List<String> words) throws CommandException {
        Arguments args = Arguments.parse(words, options());
        String productWord = args.positional(0, "PRODUCT");
        Product product = Products.resolve(productWord)
                .orElseThrow(() ->
                        new UsageException("unknown product '" + productWord + "' (e.g. exchange, winnt, sms, sna)"));
        String levelText =
                String.join(" ", args.positional().subList(1, args.positional().size()));
        if (levelText.isBlank()) {
            throw new UsageException("missing argument VERSION");
        }
        ReleaseLevel level;
        try {
            level = ReleaseLevel.parse(levelText);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        LuceneArticleStore s = store.get();
        if (!s.imported()) {
            ArticleText.notices(context, s);
            throw new CommandException("the fix lists come from the archive: import it first");
        }
        Map<ArticleId, List<FixLevel>> table = s.fixTable(product.id());
        String productName = product.name().replaceFirst("^Microsoft ", "");
        Set<String> lines = new TreeSet<>();
        table.values().forEach(levels -> levels.forEach(f -> lines.add(f.level().release())));
        // Packs are counted within one release line: a line no fix list names (a typo such as 5.6) would
        // otherwise answer "0 open", which reads as "fully patched".
        if (!lines.contains(level.release())) {
            throw new CommandException(
                    lines.isEmpty()
                            ? "the archive's fix lists name no " + productName + " service pack"
                            : "the archive's fix lists name no " + productName + " " + level.release()
                                    + " service pack (release lines with fix lists: " + String.join(", ", lines) + ")");
        }
        // A pack past the last one the fix lists know (5.5 SP9) would answer "0 open", a false all-clear.
        int lastPack = table.values().stream()
                .flatMap(List::stream)
                .filter(f -> f.level().release().equals(level.release()))
                .mapToInt(f -> f.level().servicePack())
                .max()
                .orElse(0);
        if (level.servicePack() > lastPack) {
            throw new CommandException("the archive's fix lists know no " + productName + " " + level
                    + ": the last known service pack of " + productName + " " + level.release() + " is "
                    + (lastPack == 0 ? "none (the release itself)" : "SP" + lastPack));
        }
        List<ArticleId> open = s.bugsOpenAt(product.id(), level);
        ObjectNode doc = JsonOutput.document("bugs", 1);
        doc.put("product", product.id());
        doc.put("productName", productName);
        doc.put("level", level.toString());
        ArrayNode bugs = doc.putArray("open");
        StringBuilder text = new StringBuilder();
        for (ArticleId bug : open) {
            Optional<FixLevel> trusted =
                    FixTable.trusted(table.getOrDefault(bug, List.of()), product.id(), level.release());
            String fixed = trusted.map(f -> "SP" + f.fixingPack().servicePack()).orElse("");
            ObjectNode n = ArticleText.brief(bugs, s, bug)
                    .put("fixedIn", fixed.isEmpty() ? null : level.release() + " " + fixed);
            n.put("source", trusted.map(f -> ArticleText.sourceKey(f.source())).orElse(null));
            String from = trusted.filter(f -> f.source() != FixLevel.Source.FIX_LIST)
                    .map(f -> "  (" + f.source().label() + ")")
                    .orElse("");
            text.append(String.format(
                    "%-8s  fixed in %-4s  %s%s%n", bug, fixed, s.titleOf(bug).orElse("(not in the archive)"), from));
        }
        if (args.has("json")) {
            JsonOutput.print(context, doc);
            return ExitStatus.OK;
        }
        text.append(open.size())
                .append(" known bug")
                .append(open.size() == 1 ? "" : "s")
                .append(" open at ")
                .append(productName)
                .append(' ')
                .append(level)
                .append(open.isEmpty() ? "" : " (fixed by later " + level.release() + " service packs)")
                .append('\n');
        // The column names stay in view while a long list scrolls beneath them.
        context.page(open.isEmpty() ? "" : COLUMNS, text.toString());
        return ExitStatus.OK;
    }

    /** The line above the bugs, aligned with their rows ({@code Q187225   fixed in SP1   TITLE}). */
    static final String COLUMNS = String.format("%-8s  %-13s  %s%n", "ARTICLE", "FIXED IN", "TITLE");
}
