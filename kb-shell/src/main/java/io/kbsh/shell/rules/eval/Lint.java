package io.kbsh.shell.rules.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kbsh.model.article.ArticleStore;
import io.kbsh.model.article.FixLevel;
import io.kbsh.model.product.Products;
import io.kbsh.model.version.ReleaseLevel;
import io.kbsh.shell.rules.RuleException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What {@code rules lint} finds beyond what stops a rule from loading: outcomes no environment can reach,
 * templates naming a value the rule never has (a name it does not bind, a field the environment file does
 * not have), and a fix level the archive's fix lists contradict.
 */
public final class Lint {

    private static final JsonNode SCHEMA = schema();

    /** Names of a rule that hold a list of one kind of object, and the schema definition of that kind. */
    private static final Map<String, String> DEFINITIONS = Map.ofEntries(
            Map.entry("server", "server"),
            Map.entry("servers", "server"),
            Map.entry("clients", "server"),
            Map.entry("protects", "server"),
            Map.entry("connector", "connector"),
            Map.entry("connectors", "connector"),
            Map.entry("proxy", "proxy"),
            Map.entry("proxies", "proxy"),
            Map.entry("domain", "domain"),
            Map.entry("domains", "domain"),
            Map.entry("site", "site"),
            Map.entry("firewall", "firewall"),
            Map.entry("firewalls", "firewall"),
            Map.entry("publications", "publication"),
            Map.entry("registry", "registryValue"),
            Map.entry("events", "event"),
            Map.entry("env", "v2"));

    /** The fields of values that are not environment objects. */
    private static final Map<String, Set<String>> OTHER = Map.of(
            "probes", Set.of("probe", "host", "port", "status", "stage", "latencyMs", "evidence", "observedAt"),
            "mx",
                    Set.of(
                            "domain",
                            "dnsOutcome",
                            "hosts",
                            "hostsNotFollowed",
                            "fallbackDelivers",
                            "firstHostOnlyFails",
                            "firstHostOnly",
                            "observedAt"),
            "lookups", Set.of("mx", "soa", "ptr"),
            "fix", Set.of("level", "product", "source"));

    private Lint() {}

    private static JsonNode schema() {
        try (InputStream in = Lint.class.getResourceAsStream("/io/kbsh/shell/env/environment.schema.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The problems of {@code rule}, each one line naming file, line, column, rule and field; {@code store} for fix levels. */
    public static List<RuleException> check(CompiledRule rule, ArticleStore store) {
        List<RuleException> problems = new ArrayList<>();
        String article = rule.article().toString();
        List<CompiledRule.Outcome> outcomes = rule.outcomes();
        Set<String> whenBinds = new LinkedHashSet<>();
        rule.when().forEach(c -> whenBinds.addAll(c.binds()));
        for (int i = 0; i < outcomes.size(); i++) {
            CompiledRule.Outcome o = outcomes.get(i);
            String at = "outcomes[" + i + "]";
            for (int j = 0; j < i; j++) {
                CompiledRule.Outcome earlier = outcomes.get(j);
                if (earlier.when().isEmpty()
                        || rule.spec()
                                .outcomes()
                                .get(j)
                                .when()
                                .equals(rule.spec().outcomes().get(i).when())) {
                    problems.add(rule.document()
                            .problem(
                                    article,
                                    at,
                                    "outcome " + o.name() + " is unreachable: outcome " + earlier.name()
                                            + (earlier.when().isEmpty()
                                                    ? " has no conditions and"
                                                    : " has the same conditions and")
                                            + " comes first"));
                    break;
                }
            }
            Set<String> known = new LinkedHashSet<>(rule.names());
            known.addAll(whenBinds);
            o.when().forEach(c -> known.addAll(c.binds()));
            known.add("object");
            if (o.fix().isPresent() || rule.fix().isPresent()) {
                known.add("fix");
            }
            templates(rule, at + ".summary", o.summary(), known, problems);
            for (int j = 0; j < o.evidence().size(); j++) {
                templates(rule, at + ".evidence[" + j + "]", o.evidence().get(j), known, problems);
            }
        }
        Set<String> always = new LinkedHashSet<>(rule.names());
        always.addAll(whenBinds);
        always.add("object");
        if (rule.fix().isPresent()) {
            always.add("fix");
        }
        for (CompiledRule.Step s : rule.actions()) {
            String at = "actions[" + s.index() + "]";
            Set<String> names = limitedTo(s.spec().outcomes(), outcomes, always);
            s.text().ifPresent(t -> templates(rule, at + ".manual", t, names, problems));
            s.iniValue()
                    .ifPresent(t -> templates(
                            rule, at + (s.spec().ini() != null ? ".ini.set" : ".registry.value"), t, names, problems));
        }
        for (int i = 0; i < rule.verify().size(); i++) {
            CompiledRule.Check c = rule.verify().get(i);
            Set<String> names = limitedTo(c.spec().outcomes(), outcomes, always);
            templates(rule, "verify[" + i + "].host", c.host(), names, problems);
            templates(rule, "verify[" + i + "].purpose", c.purpose(), names, problems);
        }
        fixes(rule, "fix", rule.fix(), store, problems);
        for (int i = 0; i < outcomes.size(); i++) {
            if (!outcomes.get(i).fix().map(CompiledRule.Fix::pinned).orElse(true)) {
                fixes(rule, "outcomes[" + i + "].fix", outcomes.get(i).fix(), store, problems);
            }
        }
        if (rule.spec().tests().isEmpty()) {
            problems.add(
                    rule.document()
                            .problem(
                                    article,
                                    "tests",
                                    "the rule has no tests: give at least one environment that triggers it and one that must not"));
        } else if (rule.spec().tests().stream().allMatch(t -> !t.expect().isEmpty())
                || rule.spec().tests().stream().allMatch(t -> t.expect().isEmpty())) {
            problems.add(rule.document()
                    .problem(
                            article,
                            "tests",
                            "the tests need an environment that triggers the rule and one that must not"));
        }
        return problems;
    }

    /**
     * The names an action or verification limited to {@code only} (outcome names; empty: every outcome) can
     * use: {@code always}, and what every one of those outcomes' conditions binds with {@code as}.
     */
    private static Set<String> limitedTo(List<String> only, List<CompiledRule.Outcome> outcomes, Set<String> always) {
        if (only.isEmpty()) {
            return always;
        }
        Set<String> common = null;
        for (CompiledRule.Outcome o : outcomes) {
            if (only.contains(o.name())) {
                Set<String> binds = new LinkedHashSet<>();
                o.when().forEach(c -> binds.addAll(c.binds()));
                if (common == null) {
                    common = binds;
                } else {
                    common.retainAll(binds);
                }
            }
        }
        Set<String> names = new LinkedHashSet<>(always);
        if (common != null) {
            names.addAll(common);
        }
        return names;
    }

    private static void fixes(
            CompiledRule rule,
            String path,
            Optional<CompiledRule.Fix> fix,
            ArticleStore store,
            List<RuleException> problems) {
        if (fix.isEmpty() || fix.get().pinned()) {
            return;
        }
        String product = fix.get().product().id();
        for (int i = 0; i < fix.get().levels().size(); i++) {
            ReleaseLevel mine = fix.get().levels().get(i);
            for (FixLevel listed : store.fixedIn(rule.article())) {
                String theirs =
                        Products.resolve(listed.product()).map(p -> p.id()).orElse(listed.product());
                if (!theirs.equals(product) || !listed.level().sameLine(mine)) {
                    continue;
                }
                ReleaseLevel level = listed.kind() == FixLevel.Kind.HOTFIX
                        ? new ReleaseLevel(
                                listed.level().release(), listed.level().servicePack() + 1)
                        : listed.level();
                if (!level.equals(mine)) {
                    problems.add(rule.document()
                            .problem(
                                    rule.article().toString(),
                                    path + ".levels[" + i + "]",
                                    "the rule says " + mine + ", but " + listed.listedIn() + " lists it under " + level
                                            + " (the archive wins unless the rule pins its level)"));
                }
            }
        }
    }

    private static void templates(
            CompiledRule rule, String path, Template t, Set<String> known, List<RuleException> problems) {
        for (String p : t.paths()) {
            String[] parts = p.split("\\.");
            if (!known.contains(parts[0])) {
                problems.add(rule.document()
                        .problem(
                                rule.article().toString(),
                                path,
                                "{{" + p + "}} names '" + parts[0] + "', which this "
                                        + (path.startsWith("outcomes") ? "outcome" : "rule") + " never has (names: "
                                        + String.join(", ", known) + ")"));
                continue;
            }
            Optional<String> absent = absentField(parts);
            absent.ifPresent(why ->
                    problems.add(rule.document().problem(rule.article().toString(), path, "{{" + p + "}}: " + why)));
        }
    }

    /** Why a path names a field the value never has; empty when it may have it (or its shape is open). */
    private static Optional<String> absentField(String[] parts) {
        Set<String> other = OTHER.get(parts[0]);
        if (other != null) {
            return parts.length > 1 && !other.contains(parts[1])
                    ? Optional.of(parts[0] + " has no field '" + parts[1] + "' (fields: "
                            + String.join(", ", new java.util.TreeSet<>(other)) + ")")
                    : Optional.empty();
        }
        String def = DEFINITIONS.get(parts[0]);
        if (def == null) {
            return Optional.empty();
        }
        JsonNode node = SCHEMA.path("$defs").path(def);
        String where = parts[0];
        for (int i = 1; i < parts.length; i++) {
            node = object(node);
            if (node == null) {
                return Optional.empty();
            }
            JsonNode properties = node.path("properties");
            if (!properties.has(parts[i])) {
                if (node.path("additionalProperties").asBoolean(true)) {
                    return Optional.empty();
                }
                List<String> fields = new ArrayList<>();
                properties.fieldNames().forEachRemaining(fields::add);
                return Optional.of(where + " has no field '" + parts[i] + "' in the environment file (fields: "
                        + String.join(", ", fields) + ")");
            }
            node = properties.get(parts[i]);
            where = where + "." + parts[i];
        }
        return Optional.empty();
    }

    /** The object schema {@code node} describes, through references, arrays and alternatives; null when open. */
    private static JsonNode object(JsonNode node) {
        for (int guard = 0; guard < 16; guard++) {
            if (node.has("$ref")) {
                String ref = node.get("$ref").asText();
                node = SCHEMA.path("$defs").path(ref.substring(ref.lastIndexOf('/') + 1));
            } else if (node.path("type").asText().equals("array") || node.has("items")) {
                node = node.path("items");
            } else if (node.has("anyOf")) {
                JsonNode picked = null;
                for (JsonNode alt : node.get("anyOf")) {
                    if (!alt.path("type").asText().equals("null")) {
                        picked = alt;
                    }
                }
                if (picked == null) {
                    return null;
                }
                node = picked;
            } else if (node.has("properties")) {
                return node;
            } else {
                return null;
            }
        }
        return null;
    }
}
