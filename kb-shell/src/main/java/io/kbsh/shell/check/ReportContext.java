package io.kbsh.shell.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kbsh.ini.plan.IniPlan;
import io.kbsh.model.article.ArticleId;
import io.kbsh.model.env.Environment;
import io.kbsh.model.fact.EndpointFact;
import io.kbsh.model.fact.Fact;
import io.kbsh.model.fact.MxFact;
import io.kbsh.model.finding.Action;
import io.kbsh.model.plugin.ApiVersion;
import io.kbsh.shell.builtin.VersionCommand;
import io.kbsh.shell.check.run.CheckReport;
import io.kbsh.shell.check.run.Outcome;
import io.kbsh.shell.env.EnvironmentReader;
import io.kbsh.shell.plugin.LoadedPlugin;
import io.kbsh.shell.plugin.PluginSet;
import io.kbsh.shell.report.HtmlReport;
import io.kbsh.shell.store.LuceneArticleStore;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What a saved report needs besides the findings so that it can be read, and drawn, on its own: which kbsh
 * and plugins made it, the environment it was made for (the document as loaded), the facts probes found,
 * article titles, and the INI change each fix would make as a diff. Added to the JSON report (fields
 * within schema version 1 are only ever added) and read back by {@code report html}.
 */
public final class ReportContext {

    /** An environment larger than this is named in the report but not copied into it. */
    static final long MAX_EMBEDDED_ENVIRONMENT = 4L << 20;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final CheckSession session;
    private final PluginSet plugins;
    private final Provider<LuceneArticleStore> store;
    private final FixPlans plans;

    @Inject
    public ReportContext(
            CheckSession session, PluginSet plugins, Provider<LuceneArticleStore> store, CheckEngine engine) {
        this.session = session;
        this.plugins = plugins;
        this.store = store;
        this.plans = new FixPlans(engine);
    }

    /** Adds the context of {@code report} to its JSON {@code tree}. */
    public void addTo(ObjectNode tree, Diagnosis diagnosis) {
        CheckReport report = diagnosis.report();
        ObjectNode kbsh = tree.putObject("kbsh");
        kbsh.put("version", VersionCommand.kbshVersion());
        kbsh.put("api", ApiVersion.current().toString());
        ArrayNode loaded = kbsh.putArray("plugins");
        for (LoadedPlugin p : plugins.plugins()) {
            loaded.addObject()
                    .put("id", p.descriptor().id())
                    .put("name", p.descriptor().name())
                    .put("version", p.descriptor().version());
        }
        // The environment and facts of this run: with --env they are not the session's.
        Optional<Path> file = diagnosis.evaluation().environmentFile();
        if (file.isPresent()) {
            ObjectNode env = tree.putObject("environment");
            env.put("file", file.get().toString());
            environmentDocument(file.get()).ifPresent(doc -> env.set("document", doc));
        }
        ArrayNode facts = tree.putArray("facts");
        for (Fact f : diagnosis.facts().all()) {
            facts.add(fact(f));
        }
        for (JsonNode finding : tree.path("findings")) {
            String article = finding.path("article").asText();
            title(article)
                    .or(() -> ArticleId.tryParse(article).flatMap(diagnosis::title))
                    .ifPresent(t -> ((ObjectNode) finding).put("title", t));
        }
        for (int i = 0; i < report.outcomes().size(); i++) {
            JsonNode resolution = tree.path("findings").path(i).path("resolution");
            Outcome o = report.outcomes().get(i);
            for (int a = 0; a < o.finding().resolution().size() && a < resolution.size(); a++) {
                if (o.finding().resolution().get(a) instanceof Action.RunIniWriter w) {
                    ObjectNode action = (ObjectNode) resolution.get(a);
                    diff(o.finding().article(), w).ifPresent(d -> action.put("diff", d));
                }
            }
        }
    }

    /** Writes {@code tree}, a saved report, as the HTML report to {@code file}, atomically. */
    public void writeHtml(JsonNode tree, Path file) throws io.kbsh.model.command.CommandException {
        write(HtmlReport.render(tree, this::articleText, ReportContext::parseEnvironment), file);
    }

    /**
     * Writes {@code tree}, the report of a run just made on {@code environment}, as the HTML report to
     * {@code file}, atomically. The picture is drawn from the environment the checks judged (the tree
     * embeds the same document, which a later {@code report html} reads back into an equal one).
     */
    void writeHtml(JsonNode tree, Environment environment, Path file) throws io.kbsh.model.command.CommandException {
        write(HtmlReport.render(tree, this::articleText, document -> Optional.of(environment)), file);
    }

    private static void write(String html, Path file) throws io.kbsh.model.command.CommandException {
        try {
            SafeFiles.write(file, html.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new io.kbsh.model.command.CommandException("cannot write " + file + ": " + e.getMessage());
        }
    }

    /** The article's text for the report: the archive's when imported, otherwise the plugin's brief. */
    Optional<HtmlReport.ArticleText> articleText(String article) {
        try {
            LuceneArticleStore s = store.get();
            return s.find(ArticleId.parse(article))
                    .map(a -> new HtmlReport.ArticleText(
                            a.title(),
                            a.bodyText(),
                            s.imported()
                                    ? "the imported archive"
                                    : "the plugin's summary; import the archive for the full text"));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The environment a report embeds, read as strictly as {@code env load} reads it. */
    static Optional<Environment> parseEnvironment(JsonNode document) {
        try {
            return Optional.of(
                    EnvironmentReader.parse(MAPPER.writeValueAsBytes(document), "the report's environment", null));
        } catch (io.kbsh.shell.json.JsonInputException | IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private Optional<String> title(String article) {
        try {
            return store.get().find(ArticleId.parse(article)).map(a -> a.title());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The unified diff of the action's plan on the collected copy; empty when there is none to make. */
    private Optional<String> diff(ArticleId article, Action.RunIniWriter w) {
        if (w.file().localCopy().isEmpty()) {
            return Optional.empty();
        }
        Path local = w.file().localCopy().get();
        try {
            IniPlan plan = plans.plan(article, w, local, false);
            return plan.changesNothing() ? Optional.empty() : Optional.of(plan.diff());
        } catch (FixPlans.PlanFailure e) {
            return Optional.of("(no plan: " + e.getMessage() + ")");
        }
    }

    private static Optional<JsonNode> environmentDocument(Path file) {
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > MAX_EMBEDDED_ENVIRONMENT) {
                return Optional.empty();
            }
            return Optional.of(MAPPER.readTree(Files.readAllBytes(file)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static ObjectNode fact(Fact f) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("probe", f.probe());
        n.put("observedAt", f.observedAt().toString());
        n.put("text", f.describe());
        if (f instanceof EndpointFact e) {
            n.put("host", e.host())
                    .put("port", e.port())
                    .put("status", e.status().name().toLowerCase(java.util.Locale.ROOT))
                    .put("stage", e.stage());
        } else if (f instanceof MxFact mx) {
            n.put("domain", mx.domain());
            ArrayNode hosts = n.putArray("hosts");
            for (MxFact.Host h : mx.hosts()) {
                hosts.addObject()
                        .put("host", h.name())
                        .put("preference", h.preference())
                        .put("status", h.status().name().toLowerCase(java.util.Locale.ROOT));
            }
        }
        return n;
    }
}
