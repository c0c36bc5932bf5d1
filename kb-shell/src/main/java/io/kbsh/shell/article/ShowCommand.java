package io.kbsh.shell.article;

import io.kbsh.model.article.AppliesTo;
import io.kbsh.model.article.Article;
import io.kbsh.model.article.ArticleId;
import io.kbsh.model.article.FixLevel;
import io.kbsh.model.article.Section;
import io.kbsh.model.command.Arguments;
import io.kbsh.model.command.CommandContext;
import io.kbsh.model.command.CommandException;
import io.kbsh.model.command.ExitStatus;
import io.kbsh.model.command.OptionSpec;
import io.kbsh.shell.store.LuceneArticleStore;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.util.ArrayList;
import java.util.List;

/** {@code show QNNNNNN}: the article, what it cites, what cites it and where it is fixed. */
public final class ShowCommand extends ArticleIdCommand {

    @Inject
    public ShowCommand(Provider<LuceneArticleStore> store) {
        super(store);
    }

    @Override
    public String name() {
        return "show";
    }

    @Override
    public String description() {
        return "show a KB article with what it cites, what cites it and where it is fixed";
    }

    @Override
    public List<String> examples() {
        return List.of("show Q166604",
                "show --no-pager Q178532");
    }

    @Override
    public String usage() {
        return "show [--no-pager] QNNNNNN";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(OptionSpec.flag("no-pager", "print the whole article without pausing"));
    }

    @Override
    public int run(CommandContext context, List<String> words) throws CommandException {
        Arguments args = Arguments.parse(words, options());
        ArticleId id = ArticleText.id(args.positional(0, "QNNNNNN"));
        LuceneArticleStore s = store.get();
        Article a = require(context, s, id);
        List<String> lines = render(a, s.citedBy(id), s.fixedIn(id));
        if (!s.imported()) {
            ArticleText.notices(context, s);
        }
        page(context, lines, !args.has("no-pager"));
        return ExitStatus.OK;
    }

    static List<String> render(Article a, List<ArticleId> citedBy, List<FixLevel> fixedIn) {
        List<String> out = new ArrayList<>();
        out.add(a.id() + ": " + a.title());
        StringBuilder meta = new StringBuilder();
        a.date().ifPresent(d -> meta.append("date ").append(d));
        a.category().ifPresent(c -> meta.append(meta.length() > 0 ? ", " : "").append("category ").append(c));
        a.issueType().ifPresent(t -> meta.append(meta.length() > 0 ? ", " : "").append("type ").append(t));
        if (meta.length() > 0) {
            out.add(meta.toString());
        }
        a.product().ifPresent(p -> out.add("product: " + p + (a.productVersions().isEmpty() ? ""
                : " (" + String.join("; ", a.productVersions().stream().map(Object::toString).toList()) + ")")));
        for (AppliesTo ap : a.appliesTo()) {
            out.add("applies to: " + ap.product() + (ap.versions().isEmpty() ? "" : " " + String.join(", ", ap.versions()))
                    + (ap.servicePack().isPresent() ? " SP" + ap.servicePack().getAsInt() : ""));
        }
        if (!a.keywords().isEmpty()) {
            out.add("keywords: " + String.join(" ", a.keywords()));
        }
        for (FixLevel f : fixedIn) {
            out.add("fixed in " + ArticleText.level(f) + " (listed in " + f.listedIn() + ")");
        }
        out.add("");
        for (Section section : a.sections()) {
            section.heading().ifPresent(h -> {
                out.add(h);
                out.add("=".repeat(Math.min(h.length(), 79)));
            });
            out.addAll(List.of(section.text().split("\n", -1)));
            out.add("");
        }
        out.add("cites: " + (a.cites().isEmpty() ? "none" : ArticleText.join(a.cites())));
        out.add("cited by: " + (citedBy.isEmpty() ? "none known" : ArticleText.join(citedBy)));
        return out;
    }

    /** On a terminal, through the shell's pager; otherwise (or with --no-pager) printed whole. */
    static void page(CommandContext context, List<String> lines, boolean pager) {
        String text = String.join("\n", lines) + "\n";
        if (pager && context.interactive()) {
            context.page(text);
        } else {
            context.out().print(text);
            context.out().flush();
        }
    }
}
