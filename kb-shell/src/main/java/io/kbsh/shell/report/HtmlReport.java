package io.kbsh.shell.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kbsh.model.env.Environment;
import io.kbsh.model.finding.ObjectRef;
import io.kbsh.model.finding.Severity;
import io.kbsh.shell.graph.GraphPicture;
import io.kbsh.shell.graph.LayoutAhead;
import io.kbsh.shell.graph.Mark;
import io.kbsh.shell.graph.SiteGraph;
import io.kbsh.shell.graph.SiteGraphBuilder;
import io.kbsh.shell.report.ReportView.ActionView;
import io.kbsh.shell.report.ReportView.Count;
import io.kbsh.shell.report.ReportView.DiffLine;
import io.kbsh.shell.report.ReportView.FindingView;
import io.kbsh.shell.report.ReportView.ObjectView;
import io.kbsh.shell.report.ReportView.Ref;
import io.kbsh.shell.report.ReportView.WaiverView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The HTML report: one self-contained file (styles and the one small script inline, the topology as inline
 * SVG, no network) made from a JSON check report — the one {@code check --html} has just made, or one saved
 * with {@code check --json} and rendered later by {@code report html}. It reads without scripts and in
 * print: severities are words and shapes as well as colours; a click on a shape follows a link to the
 * object's findings.
 */
public final class HtmlReport {

    /** An article's text for the report, and where it came from ("archive" or "plugin brief"). */
    public record ArticleText(String title, String text, String source) {}

    /** Reads an environment embedded in a report; empty when it is absent or unreadable. */
    public interface EnvironmentParser {
        Optional<Environment> parse(JsonNode document);
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private HtmlReport() {}

    public static String render(
            JsonNode report, Function<String, Optional<ArticleText>> articles, EnvironmentParser environments) {
        return Templates.render("report.jte", Map.of("view", view(report, articles, environments)));
    }

    static ReportView view(
            JsonNode report, Function<String, Optional<ArticleText>> articles, EnvironmentParser environments) {
        Optional<Environment> env = report.path("environment").has("document")
                ? environments.parse(report.path("environment").path("document"))
                : Optional.empty();
        String title = env.map(Environment::organisation)
                .filter(o -> !o.isEmpty())
                .or(() -> text(report.path("environment"), "file"))
                .orElse("kbsh check report");

        List<FindingView> findings = new ArrayList<>();
        Map<ObjectRef, Mark> marks = new HashMap<>();
        Map<String, List<Ref>> byObject = new LinkedHashMap<>();
        Set<String> anchors = new LinkedHashSet<>();
        for (JsonNode f : report.path("findings")) {
            FindingView view = finding(f, articles, anchors);
            findings.add(view);
            Mark mark = view.status().equals("open")
                    ? new Mark(Mark.State.of(Severity.parse(view.severity())), 1, 0)
                    : new Mark(Mark.State.WAIVED, 0, 1);
            for (JsonNode a : f.path("affected")) {
                try {
                    ObjectRef ref = ObjectRef.parse(a.asText());
                    marks.merge(ref, mark, Mark::with);
                    byObject.computeIfAbsent(ref.toString(), k -> new ArrayList<>())
                            .add(new Ref(
                                    view.article() + " (" + view.severity() + ", " + view.status() + ")",
                                    "#" + view.anchor()));
                } catch (IllegalArgumentException e) {
                    // an object kind this kbsh does not know: listed with the finding, not drawn
                }
            }
        }
        List<ObjectView> objects = new ArrayList<>();
        for (Map.Entry<String, List<Ref>> e : byObject.entrySet()) {
            ObjectRef ref = ObjectRef.parse(e.getKey());
            Mark mark = marks.getOrDefault(ref, Mark.NONE);
            objects.add(new ObjectView(
                    GraphPicture.anchor(ref),
                    e.getKey(),
                    mark.state().css(),
                    mark.line().orElse(""),
                    e.getValue()));
        }
        Optional<GraphPicture> picture = env.map(e -> picture(e, marks, report.path("facts")));

        List<Count> counts = new ArrayList<>();
        for (Severity s : List.of(Severity.CRITICAL, Severity.ERROR, Severity.WARNING, Severity.INFO)) {
            long n = findings.stream()
                    .filter(f -> f.status().equals("open") && f.severity().equals(s.label()))
                    .count();
            counts.add(new Count(s.label() + " open", (int) n, Mark.State.of(s).css()));
        }
        counts.add(new Count(
                "waived",
                (int) findings.stream().filter(f -> !f.status().equals("open")).count(),
                Mark.State.WAIVED.css()));
        List<String> failures = new ArrayList<>();
        for (JsonNode f : report.path("failures")) {
            failures.add(f.path("article").asText()
                    + (f.has("plugin") ? " (plugin " + f.path("plugin").asText() + ")" : "") + ": "
                    + f.path("message").asText());
        }
        counts.add(new Count("failed checks", failures.size(), failures.isEmpty() ? "state-ok" : "state-error"));

        List<String> plugins = new ArrayList<>();
        for (JsonNode p : report.path("kbsh").path("plugins")) {
            plugins.add(p.path("id").asText() + " " + p.path("version").asText());
        }
        List<String> packs = new ArrayList<>();
        for (JsonNode p : report.path("kbsh").path("rulePacks")) {
            packs.add(p.path("id").asText() + " " + p.path("version").asText());
        }
        List<String> probes = new ArrayList<>();
        for (JsonNode f : report.path("facts")) {
            probes.add(f.path("observedAt").asText() + "  " + f.path("text").asText());
        }
        List<String> checked = new ArrayList<>();
        report.path("articlesChecked").forEach(a -> checked.add(a.asText()));
        List<String> quiet = checked.stream()
                .filter(a -> findings.stream().noneMatch(f -> f.article().equals(a)))
                .toList();
        String kbsh = "kbsh " + report.path("kbsh").path("version").asText("?") + " (API "
                + report.path("kbsh").path("api").asText("?") + ")";
        return new ReportView(
                title,
                report.path("date").asText(""),
                kbsh,
                plugins,
                packs,
                text(report.path("environment"), "file"),
                counts,
                picture,
                findings,
                objects,
                failures,
                probes,
                checked,
                quiet);
    }

    private static FindingView finding(
            JsonNode f, Function<String, Optional<ArticleText>> articles, Set<String> anchors) {
        String article = f.path("article").asText();
        List<Ref> affected = new ArrayList<>();
        StringBuilder anchor = new StringBuilder("finding-").append(article);
        for (JsonNode a : f.path("affected")) {
            String text = a.asText();
            anchor.append('-').append(text);
            String target;
            try {
                target = "#" + GraphPicture.anchor(ObjectRef.parse(text));
            } catch (IllegalArgumentException e) {
                target = "";
            }
            affected.add(new Ref(text, target));
        }
        String id = anchor.toString().replaceAll("[^A-Za-z0-9_.-]", "_");
        // Two findings of one article on one object keep apart by number, in report order.
        String unique = id;
        for (int n = 2; !anchors.add(unique); n++) {
            unique = id + "-" + n;
        }
        List<String> evidence = new ArrayList<>();
        f.path("evidence").forEach(e -> evidence.add(e.asText()));
        Optional<String> fix = Optional.empty();
        JsonNode fixNode = f.path("fix");
        if (fixNode.isObject()) {
            fix = Optional.of("fixed in " + fixNode.path("product").asText() + " "
                    + fixNode.path("level").asText("(no level)") + " ("
                    + fixNode.path("source").asText() + ")"
                    + (fixNode.path("note").isTextual()
                            ? ": " + fixNode.path("note").asText()
                            : ""));
        }
        List<ActionView> actions = new ArrayList<>();
        List<String> verification = new ArrayList<>();
        for (JsonNode a : f.path("resolution")) {
            String kind = a.path("kind").asText();
            if (kind.equals("verify")) {
                verification.add(a.path("text").asText());
                continue;
            }
            List<DiffLine> diff = new ArrayList<>();
            if (a.path("diff").isTextual()) {
                for (String line : a.path("diff").asText().split("\r?\n", -1)) {
                    String css = line.startsWith("+++") || line.startsWith("---")
                            ? "diff-file"
                            : line.startsWith("@@")
                                    ? "diff-hunk"
                                    : line.startsWith("+")
                                            ? "diff-add"
                                            : line.startsWith("-") ? "diff-del" : "diff-ctx";
                    diff.add(new DiffLine(css, line));
                }
                if (!diff.isEmpty() && diff.get(diff.size() - 1).text().isEmpty()) {
                    diff.remove(diff.size() - 1);
                }
            }
            actions.add(new ActionView(kind.replace('-', ' '), a.path("text").asText(), diff));
        }
        Optional<WaiverView> waiver = Optional.empty();
        if (f.path("waiver").isObject()) {
            JsonNode w = f.path("waiver");
            waiver = Optional.of(new WaiverView(
                    w.path("justification").asText(),
                    w.path("expires").asText(),
                    w.path("expired").asBoolean()));
        }
        Optional<ArticleText> text = articles.apply(article);
        String title = text.map(ArticleText::title)
                .or(() -> HtmlReport.text(f, "title"))
                .orElse("");
        String severity = f.path("severity").asText();
        String status = f.path("status").asText();
        String stateCss = status.equals("open") ? "state-" + severity : Mark.State.WAIVED.css();
        return new FindingView(
                unique,
                article,
                title,
                severity,
                stateCss,
                status,
                f.path("plugin").asText(""),
                f.path("summary").asText(),
                affected,
                evidence,
                fix,
                actions,
                verification,
                waiver,
                text.map(ArticleText::text),
                text.map(ArticleText::source).orElse(""));
    }

    /**
     * The site's picture with the findings' marks on its shapes (colour, outline, symbol and the words on
     * the status line each shape keeps) and the probe results on its edges. Without probe results the
     * geometry is the environment's alone: the layout {@link LayoutAhead} started during the checks.
     */
    private static GraphPicture picture(Environment env, Map<ObjectRef, Mark> marks, JsonNode facts) {
        SiteGraph graph = SiteGraphBuilder.build(env);
        List<SiteGraph.Edge> probed = probeEdges(graph, facts);
        if (!probed.isEmpty() && graph.node(SiteGraphBuilder.INTERNET).isEmpty()) {
            // Probes start outside the site: the picture needs the Internet to draw them from.
            List<SiteGraph.Node> nodes = new ArrayList<>(graph.nodes());
            nodes.add(new SiteGraph.Node(
                    SiteGraphBuilder.INTERNET,
                    SiteGraph.Kind.INTERNET,
                    "Internet",
                    List.of(),
                    Optional.empty(),
                    List.of(),
                    List.of()));
            graph = new SiteGraph(graph.title(), nodes, graph.edges());
        }
        if (!probed.isEmpty()) {
            graph = graph.withEdges(probed);
        }
        return GraphPicture.of(LayoutAhead.layoutForReport(graph), GraphPicture.marks(marks));
    }

    /** One edge from the Internet per probed address the picture has a shape for, labelled with the results. */
    static List<SiteGraph.Edge> probeEdges(SiteGraph graph, JsonNode facts) {
        Map<String, List<String>> results = new LinkedHashMap<>();
        for (JsonNode f : facts) {
            if (!f.has("host")) {
                continue;
            }
            String host = f.path("host").asText().toLowerCase(Locale.ROOT);
            for (SiteGraph.Node n : graph.nodes()) {
                if (n.addresses().stream().anyMatch(a -> a.equalsIgnoreCase(host))) {
                    results.computeIfAbsent(n.id(), k -> new ArrayList<>())
                            .add(f.path("port").asInt() + " "
                                    + words(f.path("status").asText()));
                }
            }
        }
        List<SiteGraph.Edge> edges = new ArrayList<>();
        for (Map.Entry<String, List<String>> r : results.entrySet()) {
            edges.add(new SiteGraph.Edge(
                    "probe:" + r.getKey(),
                    SiteGraphBuilder.INTERNET,
                    r.getKey(),
                    SiteGraph.EdgeKind.REACH,
                    "probe: " + String.join(", ", new LinkedHashSet<>(r.getValue())),
                    List.of()));
        }
        return edges;
    }

    private static String words(String status) {
        return status.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isTextual() && !v.asText().isEmpty() ? Optional.of(v.asText()) : Optional.empty();
    }

    /** Parses a report file's JSON. */
    public static JsonNode parse(byte[] json) throws java.io.IOException {
        return MAPPER.readTree(json);
    }
}
