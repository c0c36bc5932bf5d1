package io.kbsh.shell.article;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import io.kbsh.rules.ArticleCheck;
import io.kbsh.shell.article.fix.FixConflicts;
import io.kbsh.shell.json.JsonOutput;
import io.kbsh.shell.plugin.LoadedPlugin;
import io.kbsh.shell.plugin.PluginSet;
import io.kbsh.shell.rules.pack.RulePack;
import io.kbsh.shell.store.LuceneArticleStore;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.util.ArrayList;
import java.util.List;

/** {@code show QNNNNNN}: the article, what it cites, what cites it and where it is fixed. */
public final class ShowCommand extends ArticleIdCommand {

    private final PluginSet plugins;

    /** A show command that knows of no plugins (library use, tests). */
    public ShowCommand(Provider<LuceneArticleStore> store) {
        this(store, PluginSet.empty());
    }

    @Inject
    public ShowCommand(Provider<LuceneArticleStore> store, PluginSet plugins) {
        super(store);
        this.plugins = plugins;
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
        return List.of("show Q166604", "show --no-pager Q178532");
    }

    @Override
    public String usage() {
        return "show [--no-pager] [--json] QNNNNNN";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(OptionSpec.flag("no-pager", "print the whole article without pausing"), ArticleText.JSON);
    }

    @Override
    public int run(CommandContext context, List<String> words) throws CommandException {
        Arguments args = Arguments.parse(words, options());
        ArticleId id = ArticleText.id(args.positional(0, "QNNNNNN"));
        LuceneArticleStore s = store.get();
        Article a = require(context, s, id);
        List<Executable> executable = executable(plugins, id);
        if (args.has("json")) {
            ObjectNode doc = json(a, s.citedBy(id), s.fixedIn(id));
            ArrayNode list = doc.putArray("executable");
            for (Executable e : executable) {
                ObjectNode n = list.addObject()
                        .put("kind", e.kind())
                        .put("plugin", e.plugin())
                        .put("source", e.source());
                JsonOutput.put(n, "file", e.file());
                JsonOutput.put(n, "notRun", e.notRun());
            }
            JsonOutput.print(context, doc);
            return ExitStatus.OK;
        }
        List<String> lines = render(a, s.citedBy(id), s.fixedIn(id));
        lines.addAll(1, executable.stream().map(Executable::describe).toList());
        if (!s.imported()) {
            ArticleText.notices(context, s);
        }
        page(context, lines, !args.has("no-pager"));
        return ExitStatus.OK;
    }

    /** What makes an article executable: a rule in a rule pack, or a Java plugin's check. */
    record Executable(
            String kind,
            String plugin,
            String source,
            java.util.Optional<String> file,
            java.util.Optional<String> notRun) {
        String describe() {
            return (kind.equals("rule")
                            ? "executable: rule in pack " + plugin + " (" + file.orElse(source) + ")"
                            : "executable: check in plugin " + plugin + " (" + source + ")")
                    + notRun.map(why -> " — " + why).orElse("");
        }
    }

    /** The rules and checks loaded for {@code id}, in load order. */
    static List<Executable> executable(PluginSet plugins, ArticleId id) {
        List<Executable> found = new ArrayList<>();
        for (LoadedPlugin p : plugins.plugins()) {
            java.util.Set<ArticleId> rules = new java.util.HashSet<>();
            for (RulePack pack : plugins.contributed(p, RulePack.class)) {
                pack.handles().stream()
                        .filter(r -> r.article().equals(id))
                        .findFirst()
                        .ifPresent(r -> found.add(new Executable(
                                "rule",
                                pack.id(),
                                pack.source().toString(),
                                java.util.Optional.of(r.source()),
                                plugins.notRun(p, id))));
                pack.handles().forEach(r -> rules.add(r.article()));
            }
            if (rules.contains(id)) {
                continue;
            }
            // What each check said it checks when it loaded: no plugin code runs for show.
            for (ArticleCheck c : plugins.contributed(p, ArticleCheck.class)) {
                if (plugins.article(c).filter(id::equals).isPresent()) {
                    found.add(new Executable(
                            "check",
                            p.descriptor().id(),
                            p.source().toString(),
                            java.util.Optional.empty(),
                            plugins.runs(c) ? java.util.Optional.empty() : plugins.notRun(p, id)));
                }
            }
        }
        return found;
    }

    /** Schema {@code kbsh.article} version 1 (docs/json.md). */
    static ObjectNode json(Article a, List<ArticleId> citedBy, List<FixLevel> fixedIn) {
        ObjectNode doc = JsonOutput.document("article", 1);
        doc.put("id", a.id().toString());
        doc.put("title", a.title());
        JsonOutput.put(doc, "date", a.date());
        JsonOutput.put(doc, "category", a.category());
        JsonOutput.put(doc, "areaTag", a.areaTag());
        JsonOutput.put(doc, "issueType", a.issueType());
        JsonOutput.put(doc, "solutionType", a.solutionType());
        JsonOutput.put(doc, "product", a.product());
        JsonOutput.strings(doc, "productVersions", a.productVersions());
        JsonOutput.put(doc, "operatingSystem", a.operatingSystem());
        ArrayNode applies = doc.putArray("appliesTo");
        for (AppliesTo ap : a.appliesTo()) {
            ObjectNode n = applies.addObject();
            n.put("product", ap.product());
            JsonOutput.put(n, "productId", ap.productId());
            JsonOutput.strings(n, "versions", ap.versions());
            if (ap.servicePack().isPresent()) {
                n.put("servicePack", ap.servicePack().getAsInt());
            } else {
                n.putNull("servicePack");
            }
        }
        JsonOutput.strings(doc, "keywords", a.keywords());
        JsonOutput.strings(doc, "technology", a.technology());
        ArrayNode fixes = doc.putArray("fixedIn");
        for (FixLevel f : fixedIn) {
            fixes.addObject()
                    .put("product", f.product())
                    .put("level", f.level().toString())
                    .put(
                            "kind",
                            f.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'))
                    .put("listedIn", f.listedIn().toString())
                    .put("describe", ArticleText.level(f))
                    .put("source", ArticleText.sourceKey(f.source()));
        }
        ArrayNode conflicts = doc.putArray("fixConflicts");
        for (FixConflicts c : FixConflicts.of(a.id(), fixedIn)) {
            ObjectNode n = conflicts.addObject().put("product", c.product()).put("release", c.release());
            ObjectNode levels = n.putObject("levels");
            c.bySource()
                    .forEach((source, f) -> levels.put(
                            ArticleText.sourceKey(source), f.fixingPack().toString()));
            n.put("trusted", ArticleText.sourceKey(c.trusted().source()));
        }
        ArrayNode sections = doc.putArray("sections");
        for (Section section : a.sections()) {
            ObjectNode n = sections.addObject();
            JsonOutput.put(n, "heading", section.heading());
            n.put("text", section.text());
        }
        JsonOutput.strings(doc, "cites", a.cites());
        JsonOutput.strings(doc, "citedBy", citedBy);
        return doc;
    }

    static List<String> render(Article a, List<ArticleId> citedBy, List<FixLevel> fixedIn) {
        List<String> out = new ArrayList<>();
        out.add(a.id() + ": " + a.title());
        StringBuilder meta = new StringBuilder();
        a.date().ifPresent(d -> meta.append("date ").append(d));
        a.category()
                .ifPresent(c -> meta.append(meta.length() > 0 ? ", " : "")
                        .append("category ")
                        .append(c));
        a.issueType()
                .ifPresent(t -> meta.append(meta.length() > 0 ? ", " : "")
                        .append("type ")
                        .append(t));
        if (meta.length() > 0) {
            out.add(meta.toString());
        }
        a.product()
                .ifPresent(p -> out.add("product: " + p
                        + (a.productVersions().isEmpty()
                                ? ""
                                : " ("
                                        + String.join(
                                                "; ",
                                                a.productVersions().stream()
                                                        .map(Object::toString)
                                                        .toList()) + ")")));
        for (AppliesTo ap : a.appliesTo()) {
            out.add("applies to: " + ap.product()
                    + (ap.versions().isEmpty() ? "" : " " + String.join(", ", ap.versions()))
                    + (ap.servicePack().isPresent() ? " SP" + ap.servicePack().getAsInt() : ""));
        }
        if (!a.keywords().isEmpty()) {
            out.add("keywords: " + String.join(" ", a.keywords()));
        }
        for (FixLevel f : fixedIn) {
            out.add("fixed in " + ArticleText.level(f) + " (" + f.origin() + ")");
        }
        for (FixConflicts c : FixConflicts.of(a.id(), fixedIn)) {
            out.add("fix levels disagree for " + ArticleText.line(c.product(), c.release()) + ": " + c.describe()
                    + "; kbsh goes by the " + c.trusted().source().label());
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
