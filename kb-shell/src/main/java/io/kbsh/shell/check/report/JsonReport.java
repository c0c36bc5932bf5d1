package io.kbsh.shell.check.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kbsh.model.finding.Action;
import io.kbsh.model.finding.Finding;
import io.kbsh.model.finding.FixReference;
import io.kbsh.model.finding.ProbeRequest;
import io.kbsh.model.finding.RegistryChange;
import io.kbsh.model.finding.Waiver;
import io.kbsh.shell.check.run.CheckFailure;
import io.kbsh.shell.check.run.CheckReport;
import io.kbsh.shell.check.run.Outcome;
import io.kbsh.shell.json.JsonOutput;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The machine-readable form of a {@link CheckReport}: schema {@value #SCHEMA}, version
 * {@value #SCHEMA_VERSION}. Fields are only ever added within a version; see docs/checks.md.
 */
public final class JsonReport {

    public static final String SCHEMA = "kbsh.check-report";
    public static final int SCHEMA_VERSION = 1;

    /** The formatting every {@code --json} document has. */
    static final ObjectMapper MAPPER = io.kbsh.shell.json.JsonOutput.MAPPER;

    private JsonReport() {}

    /** The report as a JSON tree, to which callers (such as {@code diagnose}) may add fields. */
    public static ObjectNode tree(CheckReport report) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schema", SCHEMA);
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("date", report.date().toString());
        ArrayNode articles = root.putArray("articlesChecked");
        report.articlesChecked().forEach(articles::add);
        ObjectNode summary = root.putObject("summary");
        summary.put("open", report.open().size());
        summary.put("waived", report.outcomes().size() - report.open().size());
        summary.put("worstOpen", report.worstOpen().map(s -> s.label()).orElse(null));
        summary.put("failures", report.failures().size());
        summary.put("facts", report.factCount());
        ArrayNode findings = root.putArray("findings");
        for (Outcome o : report.outcomes()) {
            findings.add(finding(o));
        }
        ArrayNode expired = root.putArray("expiredWaivers");
        report.expiredWaivers().forEach(w -> expired.add(waiver(w)));
        ArrayNode failures = root.putArray("failures");
        for (CheckFailure f : report.failures()) {
            failures.addObject()
                    .put("article", f.article().toString())
                    .put("plugin", f.plugin())
                    .put("kind", f.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'))
                    .put("message", f.message());
        }
        return root;
    }

    public static String write(ObjectNode tree) {
        try {
            return MAPPER.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String write(CheckReport report) {
        return write(tree(report));
    }

    private static ObjectNode finding(Outcome o) {
        Finding f = o.finding();
        ObjectNode n = MAPPER.createObjectNode();
        n.put("article", f.article().toString());
        n.put("plugin", o.plugin());
        n.put("severity", f.severity().label());
        n.put("status", o.status().name().toLowerCase(Locale.ROOT));
        n.put("summary", f.summary());
        ArrayNode affected = n.putArray("affected");
        f.affected().forEach(r -> affected.add(r.toString()));
        n.put("scope", f.scope().name().toLowerCase(Locale.ROOT));
        ArrayNode evidence = n.putArray("evidence");
        f.evidence().forEach(evidence::add);
        if (f.fix().isEmpty()) {
            n.putNull("fix");
        } else {
            FixReference fix = f.fix().get();
            n.putObject("fix")
                    .put("product", fix.product())
                    .put("level", fix.level().map(Object::toString).orElse(null))
                    .put("source", fix.origin().name().toLowerCase(Locale.ROOT).replace('_', '-'))
                    .put("note", fix.note());
        }
        ArrayNode resolution = n.putArray("resolution");
        f.resolution().forEach(a -> resolution.add(action(a)));
        ArrayNode probes = n.putArray("probes");
        f.probes().forEach(p -> probes.add(probe(p)));
        if (o.waiver() == null) {
            n.putNull("waiver");
        } else {
            n.set("waiver", waiver(o.waiver()).put("expired", o.expiredWaiver()));
        }
        return n;
    }

    /** One action as JSON, as it appears in a finding's {@code resolution}. */
    public static ObjectNode action(Action a) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("kind", a.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        n.put("target", a.target().toString());
        n.put("text", a.describe());
        if (a instanceof Action.RunIniWriter w) {
            n.put("writer", w.writer());
            n.set("parameters", map(w.parameters()));
            n.put("serverPath", w.file().serverPath());
            n.put("localCopy", w.file().localCopy().map(Path::toString).orElse(null));
        } else if (a instanceof Action.InstallServicePack sp) {
            n.put("product", sp.product()).put("level", sp.level().toString());
        } else if (a instanceof Action.Verify v) {
            n.set("probe", probe(v.probe()));
        } else if (a instanceof Action.RegistryHandOver r) {
            ArrayNode changes = n.putArray("changes");
            for (RegistryChange c : r.changes()) {
                ObjectNode change = changes.addObject();
                if (c instanceof RegistryChange.SetValue set) {
                    change.put("change", "set")
                            .put("key", set.key())
                            .put("name", set.value().name())
                            .put(
                                    "type",
                                    set.value()
                                            .type()
                                            .name()
                                            .toLowerCase(Locale.ROOT)
                                            .replace('_', '-'));
                    JsonOutput.strings(change, "data", set.value().data());
                } else if (c instanceof RegistryChange.DeleteValue d) {
                    change.put("change", "delete-value")
                            .put("key", d.key())
                            .put("name", d.name())
                            .putNull("type")
                            .putNull("data");
                } else {
                    change.put("change", "delete-key")
                            .put("key", c.key())
                            .putNull("name")
                            .putNull("type")
                            .putNull("data");
                }
            }
        }
        return n;
    }

    static ObjectNode probe(ProbeRequest p) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("probe", p.probe()).put("host", p.host()).put("port", p.port());
        n.set("parameters", map(p.parameters()));
        n.put("purpose", p.purpose());
        return n;
    }

    private static ObjectNode map(Map<String, String> values) {
        ObjectNode n = MAPPER.createObjectNode();
        new TreeMap<>(values).forEach(n::put);
        return n;
    }

    private static ObjectNode waiver(Waiver w) {
        return MAPPER.createObjectNode()
                .put("article", w.article())
                .put("object", w.object())
                .put("justification", w.justification())
                .put("expires", w.expires().toString());
    }
}
