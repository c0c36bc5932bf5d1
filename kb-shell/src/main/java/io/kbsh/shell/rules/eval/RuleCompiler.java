package io.kbsh.shell.rules.eval;

import com.fasterxml.jackson.databind.JsonNode;
import io.kbsh.model.article.ArticleBrief;
import io.kbsh.model.article.ArticleId;
import io.kbsh.model.finding.Scope;
import io.kbsh.model.finding.Severity;
import io.kbsh.model.product.Product;
import io.kbsh.model.product.Products;
import io.kbsh.model.version.ReleaseLevel;
import io.kbsh.shell.rules.RuleException;
import io.kbsh.shell.rules.RuleReader;
import io.kbsh.shell.rules.RuleSpec;
import io.kbsh.shell.rules.RuleSpec.ActionSpec;
import io.kbsh.shell.rules.RuleSpec.ConditionSpec;
import io.kbsh.shell.rules.RuleSpec.FixSpec;
import io.kbsh.shell.rules.RuleSpec.OutcomeSpec;
import io.kbsh.shell.rules.RuleSpec.VerifySpec;
import io.kbsh.shell.rules.eval.CompiledRule.Applicability;
import io.kbsh.shell.rules.eval.CompiledRule.Check;
import io.kbsh.shell.rules.eval.CompiledRule.Expectation;
import io.kbsh.shell.rules.eval.CompiledRule.Fix;
import io.kbsh.shell.rules.eval.CompiledRule.Outcome;
import io.kbsh.shell.rules.eval.CompiledRule.Step;
import io.kbsh.shell.rules.eval.EnvironmentView.LevelPath;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Turns one rule file into a {@link CompiledRule}: every field checked, every level parsed, every regular
 * expression, template and CEL expression compiled (a CEL expression compiled before is restored from its checked
 * form instead, when the rule cache has it for the same text at the same place). A problem is a
 * {@link RuleException} naming the file, line, column, rule and field. A part with a problem (an outcome, a
 * condition, an action…) does not stop the others from being checked: the exception is the file's first problem
 * and carries the rest, so that {@code rules lint} names them all in one run.
 *
 * <p>One compiler per rule and one {@link #compile} per compiler; not thread-safe.
 */
final class RuleCompiler {

    private final RuleReader.Document<RuleSpec> document;
    private final RuleSpec spec;
    private final String packId;
    /** The checked form of expressions compiled before (from the rule cache), taken instead of compiling them. */
    private final CheckedExpressions known;
    /** Every CEL expression of the rule by its path, in the order compiled: for {@link CompiledRule#checkedExpressions}. */
    private final Map<String, Cel.Program> programs = new LinkedHashMap<>();
    /** How many of them came from {@link #known}. */
    private int restored;
    /** The names conditions may use: the kind, env, the related objects, then the lets (set once they are compiled). */
    private List<String> names = List.of();
    /** The problems found so far; the rule is made only when there are none. */
    private final List<RuleException> problems = new ArrayList<>();

    /** A part of the rule that is checked on its own: its problem is recorded and the next part checked. */
    @FunctionalInterface
    private interface Part<T> {
        T check() throws RuleException;
    }

    /** {@code part}'s value, or empty when it has a problem (then recorded). */
    private <T> Optional<T> attempt(Part<T> part) {
        try {
            return Optional.of(part.check());
        } catch (RuleException e) {
            problems.add(e);
            return Optional.empty();
        }
    }

    RuleCompiler(RuleReader.Document<RuleSpec> document, String packId, CheckedExpressions known) {
        this.document = document;
        this.spec = document.value();
        this.packId = packId;
        this.known = known;
    }

    /** The rule, every part checked; a part's checks may read the parts before it (an action's 'fix' the fixes). */
    CompiledRule compile() throws RuleException {
        String rule = rule();
        ArticleId article = ArticleId.tryParse(rule)
                .orElseThrow(
                        () -> document.problem(rule, "article", "not an article id (e.g. Q193928): '" + rule + "'"));
        ArticleBrief brief = new ArticleBrief(
                article, spec.title(), spec.products(), spec.summary().strip());
        ObjectKinds kind = ObjectKinds.of(spec.objects())
                .orElseThrow(() -> document.problem(
                        rule,
                        "for",
                        "'" + spec.objects() + "' is not an object kind (kinds: "
                                + String.join(", ", ObjectKinds.words()) + ")"));
        Optional<Applicability> applies = attempt(() -> applicability(spec.applies()));
        List<String> declared = new ArrayList<>();
        declared.add(kind.kind());
        declared.add("env");
        declared.addAll(kind.related());
        Map<String, Cel.Program> compiledLets = new LinkedHashMap<>();
        for (Map.Entry<String, String> let : spec.let().entrySet()) {
            String path = "let." + let.getKey();
            if (!let.getKey().matches("[a-z][A-Za-z0-9_]*")
                    || declared.contains(let.getKey())
                    || let.getKey().equals("fix")
                    || let.getKey().equals("object")) {
                problems.add(document.problem(
                        rule,
                        path,
                        "a let name is a lower-case word that is not already a name of the rule ("
                                + String.join(", ", declared) + ", fix, object)"));
                continue;
            }
            List<String> before = List.copyOf(declared);
            attempt(() -> cel(let.getValue(), path, before, false)).ifPresent(p -> compiledLets.put(let.getKey(), p));
            // Declared even when its expression has a problem: the conditions that use it are checked as written.
            declared.add(let.getKey());
        }
        // In the order written: a let may use the ones before it (Map.copyOf would lose the order).
        Map<String, Cel.Program> lets = Collections.unmodifiableMap(compiledLets);
        this.names = List.copyOf(declared);
        List<Condition> when = conditions(spec.when(), "when");
        int beforeFix = problems.size();
        Optional<Fix> fix = attempt(() -> fix(spec.fix(), "fix")).flatMap(f -> f);
        boolean fixHasProblem = problems.size() > beforeFix;
        if (spec.outcomes().isEmpty()) {
            problems.add(document.problem(rule, "outcomes", "a rule needs at least one outcome"));
        }
        List<Outcome> compiled = new ArrayList<>();
        Set<String> outcomeNames = new LinkedHashSet<>();
        for (int i = 0; i < spec.outcomes().size(); i++) {
            outcome(spec.outcomes().get(i), i, outcomeNames).ifPresent(compiled::add);
        }
        List<Outcome> outcomes = List.copyOf(compiled);
        // A fix that has a problem of its own still counts as given: the actions naming it are not wrong for that.
        boolean anyFix = fixHasProblem
                || fix.isPresent()
                || compiled.size() < spec.outcomes().size()
                || outcomes.stream().anyMatch(o -> o.fix().isPresent());
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < spec.actions().size(); i++) {
            int index = i;
            attempt(() -> step(spec.actions().get(index), "actions[" + index + "]", index, outcomeNames, anyFix))
                    .ifPresent(steps::add);
        }
        List<Step> actions = List.copyOf(steps);
        List<Check> checks = new ArrayList<>();
        for (int i = 0; i < spec.verify().size(); i++) {
            int index = i;
            attempt(() -> check(spec.verify().get(index), "verify[" + index + "]", outcomeNames))
                    .ifPresent(checks::add);
        }
        List<Check> verify = List.copyOf(checks);
        if (!fixHasProblem && fix.isEmpty() && usesBelowFix(spec)) {
            problems.add(document.problem(rule, "fix", "a condition uses belowFix, but the rule has no fix"));
        }
        if (!problems.isEmpty()) {
            throw RuleException.first(problems);
        }
        return new CompiledRule(new CompiledRule.Parts(
                document,
                packId,
                article,
                brief,
                kind,
                applies.orElseThrow(),
                lets,
                names,
                when,
                fix,
                outcomes,
                actions,
                verify,
                Collections.unmodifiableMap(programs),
                restored));
    }

    /**
     * Outcome {@code i}, or empty when a part of it has a problem (recorded); its name (given, or outcome-N) is added
     * to {@code outcomeNames}, which must not have it, so that the actions naming it are checked either way.
     */
    private Optional<Outcome> outcome(OutcomeSpec o, int i, Set<String> outcomeNames) {
        String at = "outcomes[" + i + "]";
        String name = o.name() == null ? "outcome-" + (i + 1) : o.name();
        int before = problems.size();
        if (!outcomeNames.add(name)) {
            problems.add(document.problem(rule(), at + ".name", "two outcomes are named '" + name + "'"));
        }
        Optional<Severity> severity = attempt(() -> {
            try {
                return Severity.parse(o.severity());
            } catch (IllegalArgumentException e) {
                throw document.problem(rule(), at + ".severity", e.getMessage());
            }
        });
        Optional<Scope> scope = attempt(() -> switch (o.scope() == null ? "stated" : o.scope()) {
            case "stated" -> Scope.STATED;
            case "analogy" -> Scope.ANALOGY;
            default ->
                throw document.problem(rule(), at + ".scope", "scope is 'stated' or 'analogy': '" + o.scope() + "'");
        });
        List<Condition> conditions = conditions(o.when(), at + ".when");
        Optional<Template> summary = attempt(() -> template(o.summary(), at + ".summary"));
        List<Template> evidence = new ArrayList<>();
        for (int j = 0; j < o.evidence().size(); j++) {
            String path = at + ".evidence[" + j + "]";
            String text = o.evidence().get(j);
            attempt(() -> template(text, path)).ifPresent(evidence::add);
        }
        Optional<Fix> fix = attempt(() -> fix(o.fix(), at + ".fix")).flatMap(f -> f);
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new Outcome(
                name,
                conditions,
                severity.orElseThrow(),
                scope.orElseThrow(),
                summary.orElseThrow(),
                List.copyOf(evidence),
                fix,
                i));
    }

    private static boolean usesBelowFix(RuleSpec spec) {
        List<ConditionSpec> all = new ArrayList<>(spec.when());
        spec.outcomes().forEach(o -> all.addAll(o.when()));
        while (!all.isEmpty()) {
            ConditionSpec c = all.remove(all.size() - 1);
            if (Boolean.TRUE.equals(c.belowFix())) {
                return true;
            }
            if (c.all() != null) {
                all.addAll(c.all());
            }
            if (c.any() != null) {
                all.addAll(c.any());
            }
            if (c.not() != null) {
                all.add(c.not());
            }
        }
        return false;
    }

    private String rule() {
        return spec.article();
    }

    private Applicability applicability(RuleSpec.ApplicabilitySpec a) throws RuleException {
        if (a == null) {
            return new Applicability(
                    Optional.empty(),
                    Optional.empty(),
                    List.of(),
                    Optional.empty(),
                    Optional.empty(),
                    List.of(),
                    List.of(),
                    List.of());
        }
        Optional<Product> product = Optional.empty();
        if (a.product() != null) {
            product = Optional.of(product(a.product(), "applies.product"));
        }
        for (int i = 0; i < a.releases().size(); i++) {
            if (!a.releases().get(i).matches("\\d{1,2}\\.\\d{1,2}")) {
                throw document.problem(
                        rule(),
                        "applies.releases[" + i + "]",
                        "a release line looks like 5.5: '" + a.releases().get(i) + "'");
            }
        }
        if ((!a.releases().isEmpty() || a.servicePacks() != null) && product.isEmpty()) {
            throw document.problem(
                    rule(), "applies", "releases and servicePacks need the product whose level they mean");
        }
        Optional<Integer> from = Optional.empty();
        Optional<Integer> to = Optional.empty();
        if (a.servicePacks() != null) {
            from = Optional.ofNullable(a.servicePacks().from());
            to = Optional.ofNullable(a.servicePacks().to());
            if (from.isPresent() && to.isPresent() && from.get() > to.get()) {
                throw document.problem(
                        rule(), "applies.servicePacks", "from (" + from.get() + ") is after to (" + to.get() + ")");
            }
        }
        allowed(a.components(), COMPONENTS, "applies.components", "a component");
        allowed(a.roles(), ROLES, "applies.roles", "a role");
        return new Applicability(
                product,
                product.flatMap(p -> LevelPath.of(p.id())),
                a.releases(),
                from,
                to,
                a.components(),
                a.roles(),
                a.os());
    }

    /** The words 'applies' takes for a server's components and roles, as the environment file writes them. */
    private static final List<String> COMPONENTS = List.of("mta", "information-store", "directory", "internet-mail");

    private static final List<String> ROLES =
            List.of("primary-domain-controller", "backup-domain-controller", "domain-controller", "global-catalog");

    /** Each of {@code values} (the list at {@code path}) is one of {@code words}; else a problem naming its index. */
    private void allowed(List<String> values, List<String> words, String path, String what) throws RuleException {
        for (int i = 0; i < values.size(); i++) {
            if (!words.contains(values.get(i))) {
                throw document.problem(
                        rule(),
                        path + "[" + i + "]",
                        "'" + values.get(i) + "' is not " + what + " (" + String.join(", ", words) + ")");
            }
        }
    }

    private Product product(String name, String path) throws RuleException {
        return Products.byId(name)
                .or(() -> Products.resolve(name))
                .orElseThrow(() ->
                        document.problem(rule(), path, "unknown product '" + name + "' (e.g. exchange, proxy, winnt)"));
    }

    private Optional<Fix> fix(FixSpec f, String path) throws RuleException {
        if (f == null) {
            return Optional.empty();
        }
        Product product = product(f.product(), path + ".product");
        List<ReleaseLevel> levels = new ArrayList<>();
        for (int i = 0; i < f.levels().size(); i++) {
            try {
                levels.add(ReleaseLevel.parse(f.levels().get(i)));
            } catch (IllegalArgumentException e) {
                throw document.problem(rule(), path + ".levels[" + i + "]", e.getMessage());
            }
        }
        if (levels.isEmpty()) {
            throw document.problem(rule(), path + ".levels", "name at least one fixing level, e.g. 5.5 SP2");
        }
        return Optional.of(new Fix(
                product,
                List.copyOf(levels),
                f.source() == null ? "" : f.source(),
                Boolean.TRUE.equals(f.pinned()),
                LevelPath.of(product.id())));
    }

    /** The conditions that compile; each one's problem is recorded and the next checked. */
    private List<Condition> conditions(List<ConditionSpec> specs, String path) {
        List<Condition> out = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            ConditionSpec c = specs.get(i);
            String at = path + "[" + i + "]";
            attempt(() -> condition(c, at)).ifPresent(out::add);
        }
        return List.copyOf(out);
    }

    private Condition condition(ConditionSpec c, String path) throws RuleException {
        // Which of a condition's fields are given: exactly one kind, or a value (or probe) with one test.
        List<String> kinds = given(KINDS, c.cel(), c.all(), c.any(), c.not());
        List<String> tests = given(
                TESTS,
                c.equals(),
                c.in(),
                c.matches(),
                c.ip(),
                c.present(),
                c.absent(),
                c.below(),
                c.atLeast(),
                c.belowFix());
        boolean selects = c.value() != null || c.probe() != null;
        if (kinds.size() + (selects || !tests.isEmpty() ? 1 : 0) != 1) {
            throw document.problem(
                    rule(), path, "a condition is exactly one of: value (or probe) with a test, cel, all, any, not");
        }
        if (!kinds.isEmpty() && c.as() != null) {
            throw document.problem(rule(), path + ".as", "'as' names the value of a value or probe condition");
        }
        switch (kinds.isEmpty() ? "match" : kinds.get(0)) {
            case "cel" -> {
                return new Condition.Expression(cel(c.cel(), path + ".cel", names, true));
            }
            case "all" -> {
                return new Condition.All(conditions(c.all(), path + ".all"), "all of");
            }
            case "any" -> {
                if (c.any().isEmpty()) {
                    throw document.problem(rule(), path + ".any", "'any' needs at least one condition");
                }
                return new Condition.Any(conditions(c.any(), path + ".any"));
            }
            case "not" -> {
                return new Condition.Not(condition(c.not(), path + ".not"));
            }
            default -> {
                return match(c, path, tests);
            }
        }
    }

    /** A condition's kinds and a value condition's tests, as the fields are named, in the order {@link #given} reads them. */
    private static final String[] KINDS = {"cel", "all", "any", "not"};

    private static final String[] TESTS = {
        "equals", "in", "matches", "ip", "present", "absent", "below", "atLeast", "belowFix"
    };

    /** The {@code names} whose {@code values} (in the same order) are given, not null. */
    private static List<String> given(String[] names, Object... values) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            if (values[i] != null) {
                out.add(names[i]);
            }
        }
        return out;
    }

    private Condition match(ConditionSpec c, String path, List<String> tests) throws RuleException {
        if (tests.size() != 1) {
            throw document.problem(
                    rule(),
                    path,
                    tests.isEmpty()
                            ? "a value condition needs one test: equals, in, matches, ip, present, absent, below, atLeast or belowFix"
                            : "a value condition has one test, not " + String.join(" and ", tests));
        }
        String test = tests.get(0);
        if (test.equals("belowFix")) {
            if (c.value() != null || c.probe() != null) {
                throw document.problem(
                        rule(), path + ".belowFix", "belowFix compares the object's own level; drop 'value'");
            }
        } else if (c.value() == null && c.probe() == null) {
            throw document.problem(rule(), path, "'" + test + "' needs the value it tests ('value: server.exchange')");
        }
        Optional<Condition.ProbeSelector> probe = Optional.empty();
        if (c.probe() != null) {
            probe = Condition.ProbeSelector.parse(c.probe());
            if (probe.isEmpty()) {
                throw document.problem(
                        rule(),
                        path + ".probe",
                        "a probe is written PROBE or PROBE:PORT, e.g. smtp:25: '" + c.probe() + "'");
            }
        }
        String value = c.value() == null ? "" : c.value();
        if (!value.isEmpty()) {
            if (!value.matches("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_.-]*)*")) {
                throw document.problem(
                        rule(), path + ".value", "a value is a path such as server.exchange: '" + value + "'");
            }
            String root = value.split("\\.")[0];
            if (probe.isEmpty() && !names.contains(root)) {
                throw document.problem(
                        rule(),
                        path + ".value",
                        "'" + root + "' is not a name of this rule (names: " + String.join(", ", names) + ")");
            }
        }
        if (c.as() != null && (!c.as().matches("[a-z][A-Za-z0-9_]*") || names.contains(c.as()))) {
            throw document.problem(
                    rule(), path + ".as", "'as' is a new lower-case name, not one of: " + String.join(", ", names));
        }
        String subject = (probe.map(p -> "probe " + p.probe() + (p.port() == 0 ? "" : ":" + p.port())
                                + (value.isEmpty() ? "" : " "))
                        .orElse(""))
                + value;
        Condition.Test t;
        String words;
        switch (test) {
            case "equals" -> {
                Object expected = EnvironmentView.plain(c.equals());
                t = Condition.Test.each((v, e) -> Values.same(v, expected));
                words = subject + " equals " + Values.text(expected);
            }
            case "in" -> {
                List<Object> expected = new ArrayList<>();
                for (JsonNode n : c.in()) {
                    expected.add(EnvironmentView.plain(n));
                }
                t = Condition.Test.each((v, e) -> {
                    // A loop, not a stream: this runs for every value of every object the rule looks at.
                    for (Object x : expected) {
                        if (Values.same(v, x)) {
                            return true;
                        }
                    }
                    return false;
                });
                words = subject + " in " + Values.text(expected);
            }
            case "matches" -> {
                Pattern p;
                try {
                    p = Pattern.compile(c.matches());
                } catch (PatternSyntaxException e) {
                    throw document.problem(
                            rule(), path + ".matches", "not a regular expression: " + e.getDescription());
                }
                t = Condition.Test.matches(p);
                words = subject + " matches /" + c.matches() + "/";
            }
            case "ip" -> {
                boolean want = c.ip();
                t = Condition.Test.each((v, e) -> Values.isIpLiteral(Values.text(v)) == want);
                words = subject + (want ? " is an IP literal" : " is not an IP literal");
            }
            case "present" -> {
                t = c.present() ? Condition.Test.present() : Condition.Test.absentTest();
                words = subject + (c.present() ? " is present" : " is absent");
            }
            case "absent" -> {
                t = c.absent() ? Condition.Test.absentTest() : Condition.Test.present();
                words = subject + (c.absent() ? " is absent" : " is present");
            }
            case "below", "atLeast" -> {
                String text = test.equals("below") ? c.below() : c.atLeast();
                ReleaseLevel level;
                try {
                    level = ReleaseLevel.parse(text);
                } catch (IllegalArgumentException e) {
                    throw document.problem(rule(), path + "." + test, e.getMessage());
                }
                boolean below = test.equals("below");
                t = Condition.Test.each((v, e) -> {
                    Optional<ReleaseLevel> l = Values.level(v);
                    return l.isPresent()
                            && l.get().sameLine(level)
                            && (below != l.get().atLeast(level));
                });
                words = subject + (below ? " below " : " at least ") + level;
            }
            default -> {
                boolean want = c.belowFix();
                Condition.Test fixTest = new Condition.Test(
                        (v, e) -> true, (l, e) -> e.belowFix().orElse(!want) == want, false, true);
                return new Condition.Match(
                        "",
                        Optional.empty(),
                        want ? "below the fix level" : "at or above the fix level",
                        fixTest,
                        Optional.empty());
            }
        }
        return new Condition.Match(value, probe, words, t, Optional.ofNullable(c.as()));
    }

    private Cel.Program cel(String expression, String path, List<String> declared, boolean condition)
            throws RuleException {
        Optional<Cel.Program> restored = known.restore(path, expression, condition);
        if (restored.isPresent()) {
            programs.put(path, restored.get());
            this.restored++;
            return restored.get();
        }
        try {
            Cel.Program p = Cel.compile(expression, declared, condition);
            programs.put(path, p);
            return p;
        } catch (Cel.CompileError e) {
            throw e.line > 0
                    ? document.problemInside(rule(), path, e.line, e.column, "CEL: " + e.getMessage())
                    : document.problem(rule(), path, "CEL: " + e.getMessage());
        }
    }

    private Template template(String text, String path) throws RuleException {
        try {
            return Template.parse(text.strip());
        } catch (IllegalArgumentException e) {
            throw document.problem(rule(), path, e.getMessage());
        }
    }

    private Step step(ActionSpec a, String path, int index, Set<String> outcomeNames, boolean anyFix)
            throws RuleException {
        int given = (a.ini() != null ? 1 : 0)
                + (a.registry() != null ? 1 : 0)
                + (a.servicePack() != null ? 1 : 0)
                + (a.manual() != null ? 1 : 0);
        if (given != 1) {
            throw document.problem(rule(), path, "an action is exactly one of: ini, registry, servicePack, manual");
        }
        checkOutcomes(a.outcomes(), path + ".outcomes", outcomeNames);
        if (a.manual() != null) {
            return new Step(a, Optional.of(template(a.manual(), path + ".manual")), Optional.empty(), index);
        }
        if (a.servicePack() != null) {
            if (!a.servicePack().equals("fix")) {
                try {
                    ReleaseLevel.parse(a.servicePack());
                } catch (IllegalArgumentException e) {
                    throw document.problem(
                            rule(),
                            path + ".servicePack",
                            "'fix' (the level that fixes the object's line) or a level: " + e.getMessage());
                }
            } else if (!anyFix) {
                throw document.problem(rule(), path + ".servicePack", "'fix' needs the rule's fix");
            }
            return new Step(a, Optional.empty(), Optional.empty(), index);
        }
        if (a.ini() != null) {
            RuleSpec.IniEditSpec ini = a.ini();
            boolean remove = Boolean.TRUE.equals(ini.remove());
            if (ini.key() == null && !remove) {
                throw document.problem(
                        rule(),
                        path + ".ini",
                        "an INI edit sets a key ('key' and 'set') or removes a key or section ('remove: true')");
            }
            if (remove == (ini.set() != null)) {
                throw document.problem(rule(), path + ".ini", "an INI edit has either 'set' or 'remove: true'");
            }
            if (!ini.file().matches("[^\\\\/:*?\"<>|]+\\.[iI][nN][iI]")) {
                throw document.problem(
                        rule(), path + ".ini.file", "the INI file's name, e.g. Mspclnt.ini: '" + ini.file() + "'");
            }
            return new Step(
                    a,
                    Optional.empty(),
                    ini.set() == null ? Optional.empty() : Optional.of(template(ini.set(), path + ".ini.set")),
                    index);
        }
        RuleSpec.RegistrySpec reg = a.registry();
        if (!reg.key().startsWith("HKEY_")) {
            throw document.problem(
                    rule(),
                    path + ".registry.key",
                    "a registry key starts with its hive, e.g. HKEY_LOCAL_MACHINE\\SYSTEM\\…: '" + reg.key() + "'");
        }
        boolean remove = Boolean.TRUE.equals(reg.remove());
        if (!remove && (reg.name() == null || reg.value() == null)) {
            throw document.problem(
                    rule(),
                    path + ".registry",
                    "a registry change names the value ('name'), its 'type' and 'value', or removes it ('remove: true')");
        }
        String type = reg.type() == null ? "sz" : reg.type();
        if (!List.of("sz", "expand-sz", "multi-sz", "dword").contains(type)) {
            throw document.problem(
                    rule(),
                    path + ".registry.type",
                    "type is sz, expand-sz, multi-sz or dword (as in the environment file): '" + type + "'");
        }
        if (type.equals("dword")
                && reg.value() != null
                && !reg.value().matches("\\d{1,10}|0x[0-9A-Fa-f]{1,8}|\\{\\{.*}}")) {
            throw document.problem(
                    rule(),
                    path + ".registry.value",
                    "a dword is a number (decimal or 0x hexadecimal): '" + reg.value() + "'");
        }
        return new Step(
                a,
                Optional.empty(),
                reg.value() == null ? Optional.empty() : Optional.of(template(reg.value(), path + ".registry.value")),
                index);
    }

    private void checkOutcomes(List<String> named, String path, Set<String> outcomeNames) throws RuleException {
        for (int i = 0; i < named.size(); i++) {
            if (!outcomeNames.contains(named.get(i))) {
                throw document.problem(
                        rule(),
                        path + "[" + i + "]",
                        "no outcome is named '" + named.get(i) + "' (outcomes: " + String.join(", ", outcomeNames)
                                + ")");
            }
        }
    }

    private Check check(VerifySpec v, String path, Set<String> outcomeNames) throws RuleException {
        checkOutcomes(v.outcomes(), path + ".outcomes", outcomeNames);
        if (!v.probe().matches("[a-z][a-z0-9-]*")) {
            throw document.problem(rule(), path + ".probe", "a probe id such as smtp, tls, mx: '" + v.probe() + "'");
        }
        if (v.port() != null && (v.port() < 0 || v.port() > 65535)) {
            throw document.problem(rule(), path + ".port", "port out of range: " + v.port());
        }
        Map<String, Template> parameters = new LinkedHashMap<>();
        for (Map.Entry<String, String> p : v.parameters().entrySet()) {
            parameters.put(p.getKey(), template(p.getValue(), path + ".parameters." + p.getKey()));
        }
        List<Expectation> expectations = new ArrayList<>();
        for (int i = 0; i < v.expect().size(); i++) {
            RuleSpec.ExpectSpec x = v.expect().get(i);
            String at = path + ".expect[" + i + "]";
            int tests = (x.equals() != null ? 1 : 0)
                    + (x.matches() != null ? 1 : 0)
                    + (Boolean.TRUE.equals(x.present()) ? 1 : 0)
                    + (Boolean.TRUE.equals(x.absent()) ? 1 : 0);
            if (x.status() != null) {
                try {
                    io.kbsh.model.fact.ProbeStatus.valueOf(x.status().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw document.problem(
                            rule(),
                            at + ".status",
                            "not a probe status (ok, refused, timeout, …): '" + x.status() + "'");
                }
            }
            if ((x.key() == null) != (tests == 0) || (x.key() == null && x.status() == null) || tests > 1) {
                throw document.problem(
                        rule(),
                        at,
                        "an expectation is a 'status', or a 'key' with one of equals, matches, present, absent");
            }
            Optional<Pattern> pattern = Optional.empty();
            if (x.matches() != null) {
                try {
                    pattern = Optional.of(Pattern.compile(x.matches()));
                } catch (PatternSyntaxException e) {
                    throw document.problem(rule(), at + ".matches", "not a regular expression: " + e.getDescription());
                }
            }
            String words = x.key() == null
                    ? "status " + x.status().toUpperCase(Locale.ROOT)
                    : x.key()
                            + (x.equals() != null
                                    ? " = " + x.equals()
                                    : x.matches() != null
                                            ? " matches /" + x.matches() + "/"
                                            : Boolean.TRUE.equals(x.present()) ? " present" : " absent");
            if (x.key() != null && x.status() != null) {
                words = "status " + x.status().toUpperCase(Locale.ROOT) + " and " + words;
            }
            expectations.add(new Expectation(
                    Optional.ofNullable(x.status()).map(s -> s.toUpperCase(Locale.ROOT)),
                    Optional.ofNullable(x.key()),
                    Optional.ofNullable(x.equals()),
                    pattern,
                    Boolean.TRUE.equals(x.present()),
                    Boolean.TRUE.equals(x.absent()),
                    words));
        }
        return new Check(
                v,
                template(v.host(), path + ".host"),
                parameters,
                template(v.purpose(), path + ".purpose"),
                List.copyOf(expectations));
    }
}
