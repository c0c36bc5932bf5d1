package io.kbsh.shell.troubleshoot;

import io.kbsh.model.article.ArticleId;
import io.kbsh.shell.json.JsonFields;
import io.kbsh.shell.json.JsonInputException;
import io.kbsh.shell.json.JsonTree;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads a procedure file ({@code kbsh.procedure} version 1, JSON; see {@code docs/procedures.md}) strictly:
 * unknown fields, a step that names a step that does not exist, a step nothing leads to, a template naming
 * an input the procedure does not declare and a greeting that is no regular expression are each one error
 * naming the file, line, column and field path.
 */
public final class ProcedureReader {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]*");
    private static final Pattern TEMPLATE = Pattern.compile("\\{([a-z][a-z0-9-]*)}");
    /** Values a finding may name besides the inputs: what the last probe saw. */
    static final Set<String> PROBE_VALUES = Set.of("target", "status", "greeting", "detail");

    private ProcedureReader() {}

    public static Procedure read(byte[] json, String source) throws JsonInputException {
        JsonTree.Node root = JsonTree.parse(json, source);
        JsonFields f = JsonFields.of(root, source);
        int version = f.integer("procedure");
        if (version != 1) {
            throw f.problem("procedure format " + version + " is not known to this kbsh (it reads 1)");
        }
        ArticleId article = f.parsed("article", ArticleId::parse, "an article id such as Q319881");
        String title = f.string("title");
        String summary = f.string("summary");
        List<Procedure.Input> inputs = f.objects(
                "inputs",
                in -> new Procedure.Input(
                        in.parsed("name", ProcedureReader::id, "a lower-case name such as proxy-external"),
                        in.string("question"),
                        in.optString("default")));
        Set<String> names = new HashSet<>();
        for (Procedure.Input in : inputs) {
            if (!names.add(in.name())) {
                throw f.problem("input '" + in.name() + "' is declared twice");
            }
        }
        Map<String, JsonTree.Node> stepNodes = new LinkedHashMap<>();
        Map<String, Procedure.Step> steps = new LinkedHashMap<>();
        Set<String> valueNames = new HashSet<>(names);
        valueNames.addAll(PROBE_VALUES);
        List<Procedure.Step> list = f.objects("steps", s -> step(s, names, valueNames));
        JsonTree.Arr arr = (JsonTree.Arr) f.node("steps").orElseThrow(() -> f.problem("missing field 'steps'"));
        for (int i = 0; i < list.size(); i++) {
            Procedure.Step step = list.get(i);
            if (steps.put(step.id(), step) != null) {
                throw JsonFields.problem(source, arr.items().get(i), "step '" + step.id() + "' is defined twice");
            }
            stepNodes.put(step.id(), arr.items().get(i));
        }
        if (steps.isEmpty()) {
            throw f.problem("a procedure needs at least one step");
        }
        String start = f.optString("start").orElse(list.get(0).id());
        if (!steps.containsKey(start)) {
            throw f.problem("start: no step '" + start + "'");
        }
        f.refuseUnknown();
        // Every step named must exist, and every step must be reachable from the start.
        for (Procedure.Step step : steps.values()) {
            for (Procedure.Next next : nexts(step)) {
                if (next instanceof Procedure.GoTo g && !steps.containsKey(g.step())) {
                    throw JsonFields.problem(
                            source,
                            stepNodes.get(step.id()),
                            "step '" + step.id() + "' goes on to '" + g.step() + "', which no step is called");
                }
            }
        }
        Set<String> reached = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(start));
        while (!todo.isEmpty()) {
            String id = todo.pop();
            if (reached.add(id)) {
                for (Procedure.Next next : nexts(steps.get(id))) {
                    if (next instanceof Procedure.GoTo g) {
                        todo.push(g.step());
                    }
                }
            }
        }
        for (String id : steps.keySet()) {
            if (!reached.contains(id)) {
                throw JsonFields.problem(
                        source, stepNodes.get(id), "step '" + id + "' cannot be reached from '" + start + "'");
            }
        }
        return new Procedure(article, title, summary, inputs, start, steps, source);
    }

    static List<Procedure.Next> nexts(Procedure.Step step) {
        if (step instanceof Procedure.Question q) {
            return List.of(q.yes(), q.no());
        }
        Procedure.ProbeStep p = (Procedure.ProbeStep) step;
        return List.of(p.pass(), p.other(), p.fail());
    }

    private static Procedure.Step step(JsonFields s, Set<String> inputs, Set<String> values) throws JsonInputException {
        String id = s.parsed("id", ProcedureReader::id, "a lower-case name such as ims-answers");
        int number = s.integer("step");
        List<ArticleId> see = articles(s, "see");
        if (s.node("probe").isPresent()) {
            String probe = s.string("probe");
            if (!probe.equals("smtp") && !probe.equals("tcp")) {
                throw JsonFields.problem(
                        s.source(), s.node("probe").get(), "unknown probe '" + probe + "' (expected smtp or tcp)");
            }
            String host = template(s, "host", inputs);
            String port = template(s, "port", inputs);
            Optional<Pattern> greeting = s.optParsed(
                    "greeting",
                    g -> {
                        try {
                            return Pattern.compile(g);
                        } catch (PatternSyntaxException e) {
                            throw new IllegalArgumentException("not a regular expression: " + e.getDescription());
                        }
                    },
                    "a regular expression");
            Procedure.Next pass = next(s, "pass", values);
            Procedure.Next fail = next(s, "fail", values);
            Procedure.Next other = s.node("other").isPresent() ? next(s, "other", values) : fail;
            String text = s.string("text");
            s.refuseUnknown();
            return new Procedure.ProbeStep(id, number, text, probe, host, port, greeting, pass, other, fail);
        }
        Procedure.Question q =
                new Procedure.Question(id, number, s.string("ask"), see, next(s, "yes", values), next(s, "no", values));
        s.refuseUnknown();
        return q;
    }

    private static String template(JsonFields s, String field, Set<String> inputs) throws JsonInputException {
        String value = s.string(field);
        Matcher m = TEMPLATE.matcher(value);
        while (m.find()) {
            if (!inputs.contains(m.group(1))) {
                throw JsonFields.problem(
                        s.source(),
                        s.node(field).get(),
                        "names {" + m.group(1) + "}, which is no input of the procedure");
            }
        }
        return value;
    }

    private static Procedure.Next next(JsonFields s, String field, Set<String> values) throws JsonInputException {
        JsonTree.Node node = s.node(field).orElseThrow(() -> s.problem("missing field '" + field + "'"));
        if (node instanceof JsonTree.Str str) {
            return new Procedure.GoTo(str.value());
        }
        return s.object(field, n -> {
                    String summary = n.string("finding");
                    Matcher m = TEMPLATE.matcher(summary);
                    while (m.find()) {
                        if (!values.contains(m.group(1))) {
                            throw JsonFields.problem(
                                    n.source(),
                                    n.node("finding").get(),
                                    "names {" + m.group(1) + "}, which is neither an input nor a probe value ("
                                            + String.join(", ", PROBE_VALUES) + ")");
                        }
                    }
                    List<ArticleId> see = articles(n, "see");
                    n.refuseUnknown();
                    return (Procedure.Next) new Procedure.Finding(summary, see);
                })
                .orElseThrow();
    }

    private static List<ArticleId> articles(JsonFields f, String field) throws JsonInputException {
        return f.values(field, node -> f.parse(node, ArticleId::parse, "an article id such as Q181847"));
    }

    private static String id(String text) {
        if (!ID.matcher(text).matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a lower-case name (letters, digits, -)");
        }
        return text;
    }
}
