package io.kbsh.shell.rules.pack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kbsh.model.article.ArticleStore;
import io.kbsh.model.env.Environment;
import io.kbsh.model.fact.EndpointFact;
import io.kbsh.model.fact.Evidence;
import io.kbsh.model.fact.Fact;
import io.kbsh.model.fact.Facts;
import io.kbsh.model.fact.MxFact;
import io.kbsh.model.fact.ProbeStatus;
import io.kbsh.model.fact.PtrFact;
import io.kbsh.model.fact.SoaFact;
import io.kbsh.model.internal.Limits;
import io.kbsh.shell.env.EnvironmentReader;
import io.kbsh.shell.json.JsonInputException;
import io.kbsh.shell.rules.RuleException;
import io.kbsh.shell.rules.RuleSpec;
import io.kbsh.shell.rules.eval.CompiledRule;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Runs the tests a pack's rules carry: each builds an environment (inline, or a file of the pack) and probe
 * facts, evaluates the rule, and compares the findings with the ones the test expects — every expected
 * finding present, nothing else.
 */
public final class PackTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Facts of a test are observed at one fixed time, so that a test never depends on the clock. */
    private static final Instant OBSERVED = Instant.parse("2026-01-01T00:00:00Z");

    /** One test's outcome; {@code problems} is empty when it passed. */
    public record Result(String pack, String rule, String test, String source, List<String> problems) {
        public boolean passed() {
            return problems.isEmpty();
        }
    }

    private PackTests() {}

    /** Runs every test of every rule of {@code pack}. */
    public static List<Result> run(RulePack pack, ArticleStore store) {
        List<Result> results = new ArrayList<>();
        for (CompiledRule rule : pack.rules()) {
            results.addAll(run(pack.id(), rule, pack.directory(), store));
        }
        return results;
    }

    /** Runs the tests of {@code rule}; files of a test are read from {@code directory} (a directory pack). */
    public static List<Result> run(String pack, CompiledRule rule, Optional<Path> directory, ArticleStore store) {
        List<Result> results = new ArrayList<>();
        List<RuleSpec.RuleTestSpec> tests = rule.spec().tests();
        for (int i = 0; i < tests.size(); i++) {
            RuleSpec.RuleTestSpec test = tests.get(i);
            String at = "tests[" + i + "]";
            List<String> problems = new ArrayList<>();
            try {
                Environment env = environment(rule, test, at, directory);
                Facts facts = facts(rule, test, at);
                List<CompiledRule.Result> found = rule.results(env, facts, store);
                compare(test.expect(), found, problems);
            } catch (RuleException e) {
                problems.add(e.getMessage());
            } catch (RuntimeException e) {
                problems.add("the rule failed: " + e);
            }
            results.add(new Result(
                    pack, rule.article().toString(), test.name(), location(rule, at), List.copyOf(problems)));
        }
        return results;
    }

    private static String location(CompiledRule rule, String path) {
        RuleException where = rule.document().problem(rule.article().toString(), path, "-");
        return where.source() + (where.line() > 0 ? ":" + where.line() : "");
    }

    private static void compare(
            List<RuleSpec.ExpectedFinding> expected, List<CompiledRule.Result> found, List<String> problems) {
        List<CompiledRule.Result> left = new ArrayList<>(found);
        for (RuleSpec.ExpectedFinding x : expected) {
            CompiledRule.Result match = null;
            for (CompiledRule.Result r : left) {
                if (r.finding().subject().toString().equalsIgnoreCase(x.object())) {
                    match = r;
                    break;
                }
            }
            if (match == null) {
                problems.add("expected a finding for " + x.object() + ", got "
                        + (found.isEmpty()
                                ? "none"
                                : String.join(
                                        ", ",
                                        found.stream()
                                                .map(r -> r.finding().subject().toString())
                                                .toList())));
                continue;
            }
            left.remove(match);
            if (x.severity() != null && !match.finding().severity().label().equalsIgnoreCase(x.severity())) {
                problems.add(x.object() + ": expected severity " + x.severity().toLowerCase(Locale.ROOT) + ", got "
                        + match.finding().severity().label());
            }
            if (x.outcome() != null && !match.outcome().equals(x.outcome())) {
                problems.add(x.object() + ": expected outcome " + x.outcome() + ", got " + match.outcome());
            }
            if (x.summaryContains() != null && !match.finding().summary().contains(x.summaryContains())) {
                problems.add(x.object() + ": the summary '" + match.finding().summary() + "' does not contain '"
                        + x.summaryContains() + "'");
            }
        }
        for (CompiledRule.Result r : left) {
            problems.add("unexpected finding for " + r.finding().subject() + " (" + r.outcome() + ", "
                    + r.finding().severity().label() + "): " + r.finding().summary());
        }
    }

    private static Environment environment(
            CompiledRule rule, RuleSpec.RuleTestSpec test, String at, Optional<Path> directory) throws RuleException {
        String article = rule.article().toString();
        JsonNode node = test.environment();
        if (node == null) {
            throw rule.document()
                    .problem(article, at, "a test needs an environment (inline, or the name of a file of the pack)");
        }
        try {
            if (node.isTextual()) {
                if (directory.isEmpty()) {
                    throw rule.document()
                            .problem(
                                    article,
                                    at + ".environment",
                                    "a pack in a JAR has no files for tests: write the environment inline");
                }
                Path base = Path.of(rule.source()).toAbsolutePath().getParent();
                Path file = base.resolve(node.asText()).normalize();
                if (!file.startsWith(directory.get().toAbsolutePath().normalize())) {
                    throw rule.document()
                            .problem(
                                    article,
                                    at + ".environment",
                                    "the environment file must be inside the pack: " + node.asText());
                }
                return EnvironmentReader.read(file);
            }
            byte[] json = JSON.writeValueAsBytes(node);
            if (json.length > Limits.ENVIRONMENT_BYTES) {
                throw rule.document().problem(article, at + ".environment", "larger than the environment limit");
            }
            Path base = directory
                    .map(d -> Path.of(rule.source()).toAbsolutePath().getParent())
                    .orElse(null);
            return EnvironmentReader.parse(json, rule.source(), base);
        } catch (JsonInputException e) {
            // Located in the rule file, not in the JSON the inline environment became.
            String path = at + ".environment" + (e.fieldPath().isEmpty() ? "" : "." + e.fieldPath());
            throw node.isTextual()
                    ? new RuleException(e.source(), e.line(), e.column(), article, e.fieldPath(), e.problem())
                    : rule.document().problem(article, path, e.problem());
        } catch (IOException e) {
            throw rule.document().problem(article, at + ".environment", "cannot read: " + e.getMessage());
        }
    }

    private static Facts facts(CompiledRule rule, RuleSpec.RuleTestSpec test, String at) throws RuleException {
        List<Fact> facts = new ArrayList<>();
        for (int i = 0; i < test.facts().size(); i++) {
            String path = at + ".facts[" + i + "]";
            try {
                facts.add(fact(test.facts().get(i)));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw rule.document().problem(rule.article().toString(), path, String.valueOf(e.getMessage()));
            }
        }
        return new Facts(facts);
    }

    /**
     * A probe fact written in a test: {@code {probe, host, port, status, stage, evidence}} for an endpoint, or
     * {@code {mx: DOMAIN, dnsOutcome, hosts: [{name, preference, address, status, stage}], fallbackDelivers,
     * firstHostOnlyFails}}, or a DNS look-up: {@code {soa: ZONE, servers: [{server, dnsOutcome, serial, primary,
     * authoritative, detail, transfer: {outcome, records, digest, detail}}]}} or {@code {ptr: ADDRESS, dnsOutcome, names, confirmed, detail}}.
     */
    static Fact fact(JsonNode n) {
        if (!n.isObject()) {
            throw new IllegalArgumentException("a fact is an object");
        }
        if (n.has("soa")) {
            known(n, "soa", "servers");
            List<SoaFact.Server> servers = new ArrayList<>();
            for (JsonNode s : n.path("servers")) {
                known(s, "server", "dnsOutcome", "serial", "primary", "authoritative", "detail", "transfer");
                Optional<SoaFact.Transfer> transfer = Optional.empty();
                if (s.has("transfer")) {
                    JsonNode t = s.path("transfer");
                    known(t, "outcome", "records", "digest", "detail");
                    transfer = Optional.of(new SoaFact.Transfer(
                            t.path("outcome").asText("OK"),
                            t.path("records").asInt(0),
                            t.path("digest").asText(""),
                            t.path("detail").asText("")));
                }
                servers.add(new SoaFact.Server(
                        text(s, "server"),
                        s.path("dnsOutcome").asText("OK"),
                        s.path("serial").asLong(0),
                        s.path("primary").asText(""),
                        s.path("authoritative").asBoolean(true),
                        s.path("detail").asText(""),
                        transfer));
            }
            return new SoaFact(text(n, "soa"), servers, OBSERVED);
        }
        if (n.has("ptr")) {
            known(n, "ptr", "dnsOutcome", "names", "confirmed", "detail");
            return new PtrFact(
                    text(n, "ptr"),
                    n.path("dnsOutcome").asText("OK"),
                    strings(n.path("names")),
                    strings(n.path("confirmed")),
                    n.path("detail").asText(""),
                    OBSERVED);
        }
        if (n.has("mx")) {
            known(n, "mx", "dnsOutcome", "hosts", "fallbackDelivers", "firstHostOnlyFails");
            List<MxFact.Host> hosts = new ArrayList<>();
            for (JsonNode h : n.path("hosts")) {
                known(h, "name", "preference", "address", "status", "stage");
                hosts.add(new MxFact.Host(
                        text(h, "name"),
                        h.path("preference").asInt(10),
                        h.hasNonNull("address")
                                ? java.util.Optional.of(h.get("address").asText())
                                : java.util.Optional.empty(),
                        status(h),
                        h.path("stage").asText("ehlo")));
            }
            boolean fallback = n.has("fallbackDelivers")
                    ? n.get("fallbackDelivers").asBoolean()
                    : hosts.stream().anyMatch(h -> h.status() == ProbeStatus.OK);
            boolean firstFails = n.has("firstHostOnlyFails")
                    ? n.get("firstHostOnlyFails").asBoolean()
                    : hosts.isEmpty()
                            || hosts.stream()
                                    .filter(h -> h.name().equals(hosts.get(0).name()))
                                    .noneMatch(h -> h.status() == ProbeStatus.OK);
            return new MxFact(text(n, "mx"), n.path("dnsOutcome").asText("OK"), hosts, fallback, firstFails, OBSERVED);
        }
        known(n, "probe", "host", "port", "status", "stage", "evidence");
        Evidence.Builder typed = Evidence.builder();
        Iterator<Map.Entry<String, JsonNode>> it = n.path("evidence").fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            if (v.isArray()) {
                List<String> items = new ArrayList<>();
                v.forEach(x -> items.add(x.asText()));
                typed.list(e.getKey(), items);
            } else if (v.isBoolean()) {
                typed.flag(e.getKey(), v.asBoolean());
            } else if (v.isIntegralNumber()) {
                typed.number(e.getKey(), v.asLong());
            } else {
                typed.text(e.getKey(), v.asText());
            }
        }
        int port = n.path("port").asInt(-1);
        return new EndpointFact(
                text(n, "probe"),
                text(n, "host"),
                port,
                status(n),
                n.path("stage").asText("connect"),
                Duration.ZERO,
                typed.build(),
                OBSERVED);
    }

    private static List<String> strings(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(x -> out.add(x.asText()));
        return out;
    }

    private static void known(JsonNode n, String... fields) {
        List<String> allowed = List.of(fields);
        Iterator<String> names = n.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new IllegalArgumentException(
                        "unknown field '" + name + "' (expected one of: " + String.join(", ", allowed) + ")");
            }
        }
    }

    private static String text(JsonNode n, String field) {
        if (!n.hasNonNull(field)) {
            throw new IllegalArgumentException("missing required field '" + field + "'");
        }
        return n.get(field).asText();
    }

    private static ProbeStatus status(JsonNode n) {
        String s = n.path("status").asText("OK").toUpperCase(Locale.ROOT);
        try {
            return ProbeStatus.valueOf(s);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + s + "' is not a probe status (OK, REFUSED, TIMEOUT, …)");
        }
    }
}
