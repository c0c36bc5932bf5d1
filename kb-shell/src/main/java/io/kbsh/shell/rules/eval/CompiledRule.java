package io.kbsh.shell.rules.eval;

import com.fasterxml.jackson.databind.JsonNode;
import io.kbsh.model.article.ArticleBrief;
import io.kbsh.model.article.ArticleId;
import io.kbsh.model.article.ArticleStore;
import io.kbsh.model.env.Environment;
import io.kbsh.model.env.IniFile;
import io.kbsh.model.env.RegistryType;
import io.kbsh.model.env.RegistryValue;
import io.kbsh.model.fact.Facts;
import io.kbsh.model.finding.Action;
import io.kbsh.model.finding.Finding;
import io.kbsh.model.finding.FixReference;
import io.kbsh.model.finding.ObjectRef;
import io.kbsh.model.finding.ProbeRequest;
import io.kbsh.model.finding.RegistryChange;
import io.kbsh.model.finding.Scope;
import io.kbsh.model.finding.Severity;
import io.kbsh.model.product.Product;
import io.kbsh.model.product.Products;
import io.kbsh.model.version.ReleaseLevel;
import io.kbsh.rules.FixLevels;
import io.kbsh.shell.rules.RuleException;
import io.kbsh.shell.rules.RuleReader;
import io.kbsh.shell.rules.RuleSpec;
import io.kbsh.shell.rules.RuleSpec.ActionSpec;
import io.kbsh.shell.rules.RuleSpec.ConditionSpec;
import io.kbsh.shell.rules.RuleSpec.FixSpec;
import io.kbsh.shell.rules.RuleSpec.OutcomeSpec;
import io.kbsh.shell.rules.RuleSpec.VerifySpec;
import io.kbsh.shell.rules.eval.EnvironmentView.LevelPath;
import io.kbsh.shell.rules.eval.EnvironmentView.ObjectNames;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A rule checked and compiled: every level parsed, every regular expression and CEL expression compiled,
 * every template parsed, so that evaluating it cannot fail on the rule's own text. A problem is a
 * {@link RuleException} naming the file, line, column, rule and field.
 *
 * <p>Thread safety: immutable; evaluate from any number of threads at once.
 */
public final class CompiledRule {

    private final RuleReader.Document<RuleSpec> document;
    private final RuleSpec spec;
    private final String packId;
    private final ArticleId article;
    private final ArticleBrief brief;
    private final ObjectKinds kind;
    private final Applicability applies;
    private final Map<String, Cel.Program> lets;
    private final List<Condition> when;
    private final List<Outcome> outcomes;
    private final Optional<Fix> fix;
    private final List<Step> actions;
    private final List<Check> verify;
    private final List<String> names;
    /** The checked form of expressions compiled before (from the rule cache), taken instead of compiling them. */
    private final CheckedExpressions known;
    /** Every CEL expression of the rule by its path, in the order compiled: for {@link #checkedExpressions}. */
    private final Map<String, Cel.Program> programs = new LinkedHashMap<>();
    /** How many of them came from {@link #known} (set while compiling, read by tests). */
    private int restored;

    /** An outcome: the conditions, severity, templates and its own fix level (pinned) if any. */
    record Outcome(
            String name,
            List<Condition> when,
            Severity severity,
            Scope scope,
            Template summary,
            List<Template> evidence,
            Optional<Fix> fix,
            int index) {}

    /**
     * A fix level: the product, the rule's levels and whether they are pinned (the archive does not win); and
     * where an object's level of the product is written, when rules can read it.
     */
    record Fix(
            Product product, List<ReleaseLevel> levels, String source, boolean pinned, Optional<LevelPath> levelPath) {
        String productName() {
            return product.name().startsWith("Microsoft ")
                    ? product.name().substring("Microsoft ".length())
                    : product.name();
        }
    }

    /** What 'applies' asks; {@code levelPath}: where an object's level of the product is written. */
    record Applicability(
            Optional<Product> product,
            Optional<LevelPath> levelPath,
            List<String> releases,
            Optional<Integer> from,
            Optional<Integer> to,
            List<String> components,
            List<String> roles,
            List<String> os) {}

    /** A resolution step with its templates. */
    record Step(ActionSpec spec, Optional<Template> text, Optional<Template> iniValue, int index) {}

    /** A verification probe with its templates and expectations. */
    record Check(
            VerifySpec spec,
            Template host,
            Map<String, Template> parameters,
            Template purpose,
            List<Expectation> expectations) {}

    record Expectation(
            Optional<String> status,
            Optional<String> key,
            Optional<String> equals,
            Optional<Pattern> matches,
            boolean present,
            boolean absent,
            String words) {}

    private CompiledRule(RuleReader.Document<RuleSpec> document, String packId, CheckedExpressions known)
            throws RuleException {
        this.document = document;
        this.known = known;
        this.spec = document.value();
        this.packId = packId;
        String rule = spec.article();
        this.article = ArticleId.tryParse(rule)
                .orElseThrow(
                        () -> document.problem(rule, "article", "not an article id (e.g. Q193928): '" + rule + "'"));
        this.brief = new ArticleBrief(
                article, spec.title(), spec.products(), spec.summary().strip());
        this.kind = ObjectKinds.of(spec.objects())
                .orElseThrow(() -> document.problem(
                        rule,
                        "for",
                        "'" + spec.objects() + "' is not an object kind (kinds: "
                                + String.join(", ", ObjectKinds.words()) + ")"));
        this.applies = applicability(spec.applies());
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
                throw document.problem(
                        rule,
                        path,
                        "a let name is a lower-case word that is not already a name of the rule ("
                                + String.join(", ", declared) + ", fix, object)");
            }
            compiledLets.put(let.getKey(), cel(let.getValue(), path, declared, false));
            declared.add(let.getKey());
        }
        // In the order written: a let may use the ones before it (Map.copyOf would lose the order).
        this.lets = Collections.unmodifiableMap(compiledLets);
        this.names = List.copyOf(declared);
        this.when = conditions(spec.when(), "when");
        this.fix = fix(spec.fix(), "fix");
        if (spec.outcomes().isEmpty()) {
            throw document.problem(rule, "outcomes", "a rule needs at least one outcome");
        }
        List<Outcome> compiled = new ArrayList<>();
        Set<String> outcomeNames = new LinkedHashSet<>();
        for (int i = 0; i < spec.outcomes().size(); i++) {
            OutcomeSpec o = spec.outcomes().get(i);
            String at = "outcomes[" + i + "]";
            String name = o.name() == null ? "outcome-" + (i + 1) : o.name();
            if (!outcomeNames.add(name)) {
                throw document.problem(rule, at + ".name", "two outcomes are named '" + name + "'");
            }
            Severity severity;
            try {
                severity = Severity.parse(o.severity());
            } catch (IllegalArgumentException e) {
                throw document.problem(rule, at + ".severity", e.getMessage());
            }
            Scope scope = switch (o.scope() == null ? "stated" : o.scope()) {
                case "stated" -> Scope.STATED;
                case "analogy" -> Scope.ANALOGY;
                default ->
                    throw document.problem(rule, at + ".scope", "scope is 'stated' or 'analogy': '" + o.scope() + "'");
            };
            List<Condition> conditions = conditions(o.when(), at + ".when");
            List<Template> evidence = new ArrayList<>();
            for (int j = 0; j < o.evidence().size(); j++) {
                evidence.add(template(o.evidence().get(j), at + ".evidence[" + j + "]"));
            }
            compiled.add(new Outcome(
                    name,
                    conditions,
                    severity,
                    scope,
                    template(o.summary(), at + ".summary"),
                    List.copyOf(evidence),
                    fix(o.fix(), at + ".fix"),
                    i));
        }
        this.outcomes = List.copyOf(compiled);
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < spec.actions().size(); i++) {
            steps.add(step(spec.actions().get(i), "actions[" + i + "]", i, outcomeNames));
        }
        this.actions = List.copyOf(steps);
        List<Check> checks = new ArrayList<>();
        for (int i = 0; i < spec.verify().size(); i++) {
            checks.add(check(spec.verify().get(i), "verify[" + i + "]", outcomeNames));
        }
        this.verify = List.copyOf(checks);
        if (this.fix.isEmpty() && usesBelowFix(spec)) {
            throw document.problem(rule, "fix", "a condition uses belowFix, but the rule has no fix");
        }
    }

    /** Checks and compiles a rule read from a pack (or a file) whose id is {@code packId}. */
    public static CompiledRule compile(RuleReader.Document<RuleSpec> document, String packId) throws RuleException {
        return compile(document, packId, CheckedExpressions.none());
    }

    /**
     * Checks and compiles a rule as {@link #compile(RuleReader.Document, String)} does, taking each CEL expression
     * whose checked form {@code known} holds for the same text at the same place instead of parsing and
     * type-checking it again; every other part is checked as always.
     */
    public static CompiledRule compile(RuleReader.Document<RuleSpec> document, String packId, CheckedExpressions known)
            throws RuleException {
        try {
            return new CompiledRule(document, packId, known);
        } catch (IllegalArgumentException e) {
            throw document.problem(document.value().article(), "", e.getMessage());
        }
    }

    /** How many of its CEL expressions were taken from their checked form instead of compiled from the text. */
    int restoredExpressions() {
        return restored;
    }

    /** The checked form of the rule's CEL expressions, for the rule cache (made when asked for). */
    public CheckedExpressions checkedExpressions() {
        return CheckedExpressions.of(programs);
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

    // ---- compiling ------------------------------------------------------------------------------------

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
        for (int i = 0; i < a.components().size(); i++) {
            String c = a.components().get(i);
            if (!List.of("mta", "information-store", "directory", "internet-mail")
                    .contains(c)) {
                throw document.problem(
                        rule(),
                        "applies.components[" + i + "]",
                        "'" + c + "' is not a component (mta, information-store, directory, internet-mail)");
            }
        }
        for (int i = 0; i < a.roles().size(); i++) {
            String r = a.roles().get(i);
            if (!List.of("primary-domain-controller", "backup-domain-controller", "domain-controller", "global-catalog")
                    .contains(r)) {
                throw document.problem(
                        rule(),
                        "applies.roles[" + i + "]",
                        "'" + r
                                + "' is not a role (primary-domain-controller, backup-domain-controller, domain-controller, global-catalog)");
            }
        }
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

    private List<Condition> conditions(List<ConditionSpec> specs, String path) throws RuleException {
        List<Condition> out = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            out.add(condition(specs.get(i), path + "[" + i + "]"));
        }
        return List.copyOf(out);
    }

    private Condition condition(ConditionSpec c, String path) throws RuleException {
        List<String> kinds = new ArrayList<>();
        if (c.cel() != null) {
            kinds.add("cel");
        }
        if (c.all() != null) {
            kinds.add("all");
        }
        if (c.any() != null) {
            kinds.add("any");
        }
        if (c.not() != null) {
            kinds.add("not");
        }
        List<String> tests = new ArrayList<>();
        if (c.equals() != null) {
            tests.add("equals");
        }
        if (c.in() != null) {
            tests.add("in");
        }
        if (c.matches() != null) {
            tests.add("matches");
        }
        if (c.ip() != null) {
            tests.add("ip");
        }
        if (c.present() != null) {
            tests.add("present");
        }
        if (c.absent() != null) {
            tests.add("absent");
        }
        if (c.below() != null) {
            tests.add("below");
        }
        if (c.atLeast() != null) {
            tests.add("atLeast");
        }
        if (c.belowFix() != null) {
            tests.add("belowFix");
        }
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

    private Step step(ActionSpec a, String path, int index, Set<String> outcomeNames) throws RuleException {
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
            } else if (fix.isEmpty() && outcomes.stream().allMatch(o -> o.fix().isEmpty())) {
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

    // ---- what the rule is -----------------------------------------------------------------------------

    public ArticleId article() {
        return article;
    }

    public ArticleBrief brief() {
        return brief;
    }

    public String packId() {
        return packId;
    }

    public RuleSpec spec() {
        return spec;
    }

    public String source() {
        return document.source();
    }

    public RuleReader.Document<RuleSpec> document() {
        return document;
    }

    public ObjectKinds kind() {
        return kind;
    }

    /** The names the rule's conditions and templates may use, beside {@code as} names, {@code fix} and {@code object}. */
    public List<String> names() {
        return names;
    }

    List<Outcome> outcomes() {
        return outcomes;
    }

    List<Condition> when() {
        return when;
    }

    List<Step> actions() {
        return actions;
    }

    List<Check> verify() {
        return verify;
    }

    Optional<Fix> fix() {
        return fix;
    }

    Applicability applies() {
        return applies;
    }

    Map<String, Cel.Program> lets() {
        return lets;
    }

    /** The INI writer id of this rule's INI edits, e.g. {@code q193928-rule}. */
    public String writerId() {
        return article.toString().toLowerCase(Locale.ROOT) + "-rule";
    }

    public boolean hasIniEdits() {
        return actions.stream().anyMatch(s -> s.spec().ini() != null);
    }

    // ---- evaluating -----------------------------------------------------------------------------------

    /** A finding with the name of the outcome that made it. */
    public record Result(Finding finding, String outcome) {}

    /** The findings of this rule over {@code environment}. */
    public List<Finding> evaluate(Environment environment, Facts facts, ArticleStore store) {
        List<Result> results = results(environment, facts, store);
        // Most rules find nothing in most environments: no stream for an empty list.
        if (results.isEmpty()) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>(results.size());
        for (Result r : results) {
            findings.add(r.finding());
        }
        return Collections.unmodifiableList(findings);
    }

    public List<Result> results(Environment environment, Facts facts, ArticleStore store) {
        EnvironmentView view = EnvironmentView.of(environment, facts);
        Resolved resolved = new Resolved(store, false);
        // Plain loops and no lambdas capturing values on this path: it runs for every rule and object, first in
        // code compiled without escape analysis, where each captured lambda is an allocation through the VM.
        List<Result> out = List.of(); // most rules find nothing in most environments
        List<Map<String, Object>> objects = view.objects(kind);
        for (int i = 0, n = objects.size(); i < n; i++) {
            Optional<Result> result = evaluate(view, objects.get(i), resolved, Trace.off());
            if (result.isPresent()) {
                if (out.isEmpty()) {
                    out = new ArrayList<>(2);
                }
                out.add(result.get());
            }
        }
        return out;
    }

    /** What the rule saw for one object, condition by condition: for {@code rules explain}. */
    public record Explanation(
            String object,
            boolean applicable,
            String applicability,
            List<Trace.Step> steps,
            Optional<Result> result,
            String verdict) {}

    /** Explains the rule for the object {@code id} of the rule's kind; empty when the environment has no such object. */
    public Optional<Explanation> explain(Environment environment, Facts facts, ArticleStore store, String id) {
        EnvironmentView view = EnvironmentView.of(environment, facts);
        for (Map<String, Object> object : view.objects(kind)) {
            if (kind.id(object).equalsIgnoreCase(id)) {
                Trace trace = Trace.recording();
                Resolved resolved = new Resolved(store, true);
                Optional<Result> result = evaluate(view, object, resolved, trace);
                String why = resolved.lastVerdict;
                return Optional.of(new Explanation(
                        kind.kind() + ":" + kind.id(object),
                        resolved.lastApplicable,
                        resolved.lastApplicability,
                        trace.steps(),
                        result,
                        why));
            }
        }
        return Optional.empty();
    }

    /**
     * The fix levels of one evaluation, resolved against the store once per fix; and, for {@code rules explain}
     * only, the last object's verdict in words (a check run has no use for the words, and building them for
     * every object the rule passes over cost more than the rule's conditions).
     */
    private final class Resolved implements Evaluation.FixCheck {
        private final ArticleStore store;
        private final boolean explaining;
        /** Made on the first fix resolved: most evaluations end before an outcome or a belowFix asks. */
        private Map<Fix, FixLevels> levels = Map.of();

        boolean lastApplicable;
        String lastApplicability = "";
        String lastVerdict = "";

        Resolved(ArticleStore store, boolean explaining) {
            this.store = store;
            this.explaining = explaining;
        }

        void applicability(Gap gap, Map<String, Object> names) {
            lastApplicable = gap == Gap.NONE;
            if (explaining) {
                lastApplicability = gap == Gap.NONE ? "applies" : whyNot(gap, names);
                if (gap != Gap.NONE) {
                    lastVerdict = "does not apply: " + lastApplicability;
                }
            }
        }

        void verdict(Supplier<String> words) {
            if (explaining) {
                lastVerdict = words.get();
            }
        }

        @Override
        public Optional<Boolean> belowFix(Map<String, Object> names) {
            if (fix.isEmpty()) {
                return Optional.empty();
            }
            Fix f = fix.get();
            Optional<ReleaseLevel> installed = levelIn(f.levelPath(), names);
            return installed.isEmpty()
                    ? Optional.empty()
                    : Optional.of(levels(f).affected(installed.get()));
        }

        FixLevels levels(Fix f) {
            if (levels.isEmpty()) {
                levels = new java.util.HashMap<>();
            }
            return levels.computeIfAbsent(
                    f,
                    x -> x.pinned()
                            ? FixLevels.resolve(
                                    article,
                                    x.productName(),
                                    x.product().id(),
                                    x.levels(),
                                    "pinned by rule " + article + (x.source().isEmpty() ? "" : " (" + x.source() + ")"),
                                    ArticleStore.empty())
                            : FixLevels.resolve(
                                    article,
                                    x.productName(),
                                    x.product().id(),
                                    x.levels(),
                                    x.source().isEmpty() ? "rule " + article + " in pack " + packId : x.source(),
                                    store));
        }
    }

    /** The object's level at {@code path}: kept by its names, read when they were made. */
    private static Optional<ReleaseLevel> levelOf(Optional<LevelPath> path, ObjectNames names) {
        return path.isPresent() ? names.level(path.get()) : Optional.empty();
    }

    /**
     * The level of {@code product} in any names (an evaluation's, with its 'as' names and lets): for the paths
     * that run once per finding or per explanation, kept apart from the one above that runs for every object.
     */
    private static Optional<ReleaseLevel> levelIn(Optional<LevelPath> path, Map<String, Object> names) {
        if (path.isEmpty()) {
            return Optional.empty();
        }
        return names instanceof ObjectNames o
                ? o.level(path.get())
                : EnvironmentView.levelAt(names, path.get().path());
    }

    private Optional<Result> evaluate(
            EnvironmentView view, Map<String, Object> object, Resolved resolved, Trace trace) {
        ObjectNames bindings = view.bindings(kind, object);
        // Each level is looked up once per object for all rules (EnvironmentView.ObjectNames keeps it).
        Gap gap = gap(bindings);
        resolved.applicability(gap, bindings);
        if (gap != Gap.NONE) {
            return Optional.empty();
        }
        Optional<ReleaseLevel> level = fix.isPresent() ? levelOf(fix.get().levelPath(), bindings) : Optional.empty();
        Evaluation e = new Evaluation(bindings, lets, level, resolved);
        if (trace.isRecording()) {
            e.computeLets(trace);
        }
        // Indexed loops (the lists are the rule's own, random access): an iterator per list and object was a
        // tenth of what a check run allocated, as long as the code ran unoptimised.
        for (int i = 0, n = when.size(); i < n; i++) {
            if (!when.get(i).test(e, trace)) {
                resolved.verdict(() -> "a condition of 'when' does not hold");
                return Optional.empty();
            }
        }
        for (int k = 0, outcomeCount = outcomes.size(); k < outcomeCount; k++) {
            Outcome o = outcomes.get(k);
            boolean holds = true;
            if (trace.isRecording()) {
                trace.step("outcome " + o.name(), "", true);
            }
            trace.enter();
            try {
                List<Condition> conditions = o.when();
                for (int i = 0, n = conditions.size(); i < n && holds; i++) {
                    holds = conditions.get(i).test(e, trace);
                }
            } finally {
                trace.leave();
            }
            if (!holds) {
                continue;
            }
            Optional<Fix> effective = o.fix().or(() -> fix);
            FixReference ref = null;
            if (effective.isPresent()) {
                Fix f = effective.get();
                FixLevels fixLevels = resolved.levels(f);
                Optional<ReleaseLevel> installed = levelOf(f.levelPath(), bindings);
                if (installed.isPresent()) {
                    ref = fixLevels.referenceFor(installed.get());
                    if (!fixLevels.affected(installed.get())) {
                        FixReference fixed = ref;
                        resolved.verdict(() -> "outcome " + o.name() + " holds, but " + installed.get() + " is fixed: "
                                + fixed.describe());
                        return Optional.empty();
                    }
                } else {
                    ref = FixReference.none(f.productName(), "the object's level is not known");
                }
            }
            Finding finding = finding(view, object, e, o, ref, effective, resolved);
            resolved.verdict(
                    () -> "outcome " + o.name() + ": " + finding.severity().label() + ": " + finding.summary());
            return Optional.of(new Result(finding, o.name()));
        }
        resolved.verdict(() -> "no outcome holds");
        return Optional.empty();
    }

    /** What keeps the rule from applying to an object: the first test of 'applies' that fails, or none. */
    private enum Gap {
        NONE,
        NO_LEVEL,
        RELEASE,
        BELOW_FROM,
        PAST_TO,
        COMPONENTS,
        ROLES,
        OS
    }

    private static final String[] COMPONENTS = {"server", "components"};
    private static final String[] ROLES = {"server", "roles"};
    private static final String[] OS = {"server", "os"};

    /**
     * Which test of 'applies' the object fails, if any. Decided without building words or capturing values:
     * most objects fail here, for every rule; {@link #whyNot} puts the gap in words for {@code rules explain}.
     */
    private Gap gap(ObjectNames names) {
        if (applies.product().isPresent()) {
            Optional<ReleaseLevel> level = levelOf(applies.levelPath(), names);
            if ((!applies.releases().isEmpty()
                            || applies.from().isPresent()
                            || applies.to().isPresent())
                    && level.isEmpty()) {
                return Gap.NO_LEVEL;
            }
            if (level.isPresent()) {
                ReleaseLevel l = level.get();
                if (!applies.releases().isEmpty() && !applies.releases().contains(l.release())) {
                    return Gap.RELEASE;
                }
                if (applies.from().isPresent()
                        && l.servicePack() < applies.from().get()) {
                    return Gap.BELOW_FROM;
                }
                if (applies.to().isPresent() && l.servicePack() > applies.to().get()) {
                    return Gap.PAST_TO;
                }
            }
        }
        if (!applies.components().isEmpty() && noneIn(applies.components(), Values.at(names, COMPONENTS))) {
            return Gap.COMPONENTS;
        }
        if (!applies.roles().isEmpty() && noneIn(applies.roles(), Values.at(names, ROLES))) {
            return Gap.ROLES;
        }
        if (!applies.os().isEmpty()) {
            String text = osText(Values.at(names, OS));
            for (String o : applies.os()) {
                if (text.startsWith(Values.lower(o))) {
                    return Gap.NONE;
                }
            }
            return Gap.OS;
        }
        return Gap.NONE;
    }

    private static String osText(List<Object> os) {
        return os.isEmpty() ? "" : Values.lower(Values.text(os.get(0)));
    }

    /** The gap in words, as {@code rules explain} shows it. */
    private String whyNot(Gap gap, Map<String, Object> names) {
        String product = applies.product().map(Product::id).orElse("");
        String level =
                levelIn(applies.levelPath(), names).map(ReleaseLevel::toString).orElse("");
        return switch (gap) {
            case NONE -> "applies";
            case NO_LEVEL -> "no " + product + " level is known for it";
            case RELEASE ->
                product + " " + level + " is not in the release lines " + String.join(", ", applies.releases());
            case BELOW_FROM ->
                product + " " + level + " is below SP" + applies.from().orElseThrow();
            case PAST_TO -> product + " " + level + " is past SP" + applies.to().orElseThrow();
            case COMPONENTS -> {
                List<String> has = EnvironmentView.strings(Values.at(names, COMPONENTS));
                yield "the server runs none of " + String.join(", ", applies.components())
                        + (has.isEmpty() ? "" : " (it runs " + String.join(", ", has) + ")");
            }
            case ROLES -> "the server holds none of the roles " + String.join(", ", applies.roles());
            case OS -> {
                List<Object> os = Values.at(names, OS);
                yield "its operating system " + (os.isEmpty() ? "is not known" : "'" + Values.text(os.get(0)) + "'")
                        + " is not " + String.join(" or ", applies.os());
            }
        };
    }

    /** True when none of {@code wanted} is among {@code present}: loops, as this runs for every rule and object. */
    private static boolean noneIn(List<String> wanted, List<Object> present) {
        for (String w : wanted) {
            for (Object p : present) {
                if (p.equals(w)) {
                    return false;
                }
            }
        }
        return true;
    }

    private Finding finding(
            EnvironmentView view,
            Map<String, Object> object,
            Evaluation e,
            Outcome o,
            FixReference ref,
            Optional<Fix> effective,
            Resolved resolved) {
        Map<String, Object> names = e.names();
        String id = kind.id(object);
        ObjectRef target = new ObjectRef(kind.kind(), id);
        names.put("object", target.toString());
        if (ref != null) {
            Map<String, Object> fixNames = new LinkedHashMap<>();
            ref.level().ifPresent(level -> fixNames.put("level", level.toString()));
            fixNames.put("product", ref.product());
            fixNames.put("source", ref.describe());
            names.put("fix", fixNames);
        }
        Finding.Builder f = Finding.builder(article, o.severity(), o.summary().render(names))
                .affects(target)
                .scope(o.scope());
        ObjectRef serverRef = target;
        if (kind == ObjectKinds.CONNECTOR && object.get("server") instanceof String server) {
            serverRef = ObjectRef.server(server);
            f.affects(serverRef);
        }
        for (Template t : o.evidence()) {
            f.evidence(t.render(names));
        }
        if (ref != null) {
            f.fix(ref);
        }
        // The registry changes of one finding make one .reg file, in the place of the first of them.
        List<Action> steps = new ArrayList<>();
        List<RegistryChange> registry = new ArrayList<>();
        int registryAt = -1;
        for (Step s : actions) {
            if (!s.spec().outcomes().isEmpty() && !s.spec().outcomes().contains(o.name())) {
                continue;
            }
            if (s.spec().registry() != null) {
                Optional<RegistryChange> change = registryChange(s, names);
                if (change.isPresent()) {
                    registryAt = registryAt < 0 ? steps.size() : registryAt;
                    registry.add(change.get());
                    continue;
                }
            }
            action(view, s, names, serverRef, effective, resolved, e).ifPresent(steps::add);
        }
        if (!registry.isEmpty()) {
            steps.add(registryAt, new Action.RegistryHandOver(registry, serverRef));
        }
        steps.forEach(f::action);
        for (Check c : verify) {
            if (!c.spec().outcomes().isEmpty() && !c.spec().outcomes().contains(o.name())) {
                continue;
            }
            String host = c.host().render(names);
            if (host.isBlank() || host.equals("(none)")) {
                continue;
            }
            Map<String, String> parameters = new LinkedHashMap<>();
            c.parameters().forEach((k, t) -> parameters.put(k, t.render(names)));
            int port = c.spec().port() == null ? 0 : c.spec().port();
            ProbeRequest request = new ProbeRequest(
                    c.spec().probe(), host, port, parameters, c.purpose().render(names));
            f.probe(request, target);
            verdict(view.facts(), c, request).ifPresent(f::evidence);
        }
        return f.build();
    }

    /**
     * The verification's outcome as evidence, when a probe already answered it: every expectation, marked
     * held or failed, and for a failed one what the probe saw — {@code verify smtp 10.0.0.25:25: not as expected
     * (1 of 2 held): held: status OK; failed: ehlo.extensions matches /STARTTLS/ (seen: 8BITMIME)}.
     */
    private static Optional<String> verdict(Facts facts, Check c, ProbeRequest request) {
        if (c.expectations().isEmpty()) {
            return Optional.empty();
        }
        return facts.newest(request.probe(), request.host(), request.port()).map(fact -> {
            List<String> held = new ArrayList<>();
            List<String> failed = new ArrayList<>();
            for (Expectation x : c.expectations()) {
                boolean statusOk =
                        x.status().map(s -> fact.status().name().equals(s)).orElse(true);
                Optional<String> v = x.key().flatMap(k -> fact.evidence().text(k));
                boolean ok = statusOk;
                if (ok && x.key().isPresent()) {
                    ok = x.present()
                            ? v.isPresent()
                            : x.absent()
                                    ? v.isEmpty()
                                    : x.equals().isPresent()
                                            ? v.map(x.equals().get()::equals).orElse(false)
                                            : v.map(t -> x.matches()
                                                            .get()
                                                            .matcher(t)
                                                            .find())
                                                    .orElse(false);
                }
                if (ok) {
                    held.add(x.words());
                } else {
                    String seen = !statusOk
                            ? "status " + fact.status().name()
                            : v.map(CompiledRule::shortened).orElse(x.key().get() + " absent");
                    failed.add(x.words() + " (seen: " + seen + ")");
                }
            }
            int all = held.size() + failed.size();
            return "verify " + request.describe() + ": "
                    + (failed.isEmpty() ? "as expected" : "not as expected")
                    + " (" + held.size() + " of " + all + " held)"
                    + (held.isEmpty() ? "" : ": held: " + String.join("; ", held))
                    + (failed.isEmpty() ? "" : (held.isEmpty() ? ": " : "; ") + "failed: " + String.join("; ", failed));
        });
    }

    /** A value seen on the wire as a short line: the evidence keeps the whole of it. */
    private static String shortened(String text) {
        return text.length() <= 120 ? text : text.substring(0, 117) + "...";
    }

    private Optional<Action> action(
            EnvironmentView view,
            Step s,
            Map<String, Object> names,
            ObjectRef target,
            Optional<Fix> effective,
            Resolved resolved,
            Evaluation e) {
        ActionSpec a = s.spec();
        if (a.manual() != null) {
            return Optional.of(new Action.ManualStep(s.text().get().render(names), target));
        }
        if (a.servicePack() != null) {
            if (a.servicePack().equals("fix")) {
                return effective.flatMap(f -> levelIn(f.levelPath(), names)
                        .flatMap(l -> resolved.levels(f).target(l))
                        .map(level -> new Action.InstallServicePack(f.productName(), level, target)));
            }
            ReleaseLevel level = ReleaseLevel.parse(a.servicePack());
            String product = effective.map(Fix::productName).orElse("Exchange Server");
            return Optional.of(new Action.InstallServicePack(product, level, target));
        }
        if (a.ini() != null) {
            RuleSpec.IniEditSpec ini = a.ini();
            String edit = Boolean.TRUE.equals(ini.remove())
                    ? (ini.key() == null
                            ? "remove section [" + ini.section() + "]"
                            : "remove [" + ini.section() + "] " + ini.key())
                    : s.iniValue().get().absent(names).isEmpty()
                            ? "set [" + ini.section() + "] " + ini.key() + "="
                                    + s.iniValue().get().render(names)
                            : "set [" + ini.section() + "] " + ini.key() + " (its value, "
                                    + placeholders(s.iniValue().get().absent(names)) + ", is one " + target
                                    + " does not have)";
            Optional<IniFile> file = target.kind().equals("server")
                    ? view.environment().server(target.id()).flatMap(server -> server.ini(ini.file()))
                    : Optional.empty();
            if (file.isPresent()) {
                Map<String, String> parameters = new LinkedHashMap<>();
                // A value the object does not have is left out, never rendered as "(none)": the writer's plan
                // then refuses in one line naming the rule and the field (RuleIniWriter.validate).
                if (s.iniValue().isPresent() && s.iniValue().get().absent(names).isEmpty()) {
                    parameters.put(
                            RuleIniWriter.parameter(s.index()),
                            s.iniValue().get().render(names));
                }
                return Optional.of(new Action.RunIniWriter(writerId(), parameters, file.get(), target));
            }
            return Optional.of(new Action.ManualStep(
                    "in " + ini.file() + " on " + target.id() + ": " + edit + " (no collected copy of " + ini.file()
                            + " to plan against)",
                    target));
        }
        // A registry change whose value is absent, or whose rendered value its type cannot hold: a person is
        // told what to set.
        RuleSpec.RegistrySpec reg = a.registry();
        List<String> absent = s.iniValue().map(t -> t.absent(names)).orElse(List.of());
        if (!absent.isEmpty()) {
            return Optional.of(new Action.ManualStep(
                    "in the registry of " + target.id() + ": set " + reg.key() + "\\" + reg.name() + " (" + type(reg)
                            + "; kbsh writes no .reg file for it: rule " + article + " actions[" + s.index()
                            + "].registry.value names " + placeholders(absent) + ", which " + target
                            + " does not have)",
                    target));
        }
        String value = s.iniValue().map(t -> t.render(names)).orElse("");
        return Optional.of(new Action.ManualStep(
                "in the registry of " + target.id() + ": set " + reg.key() + "\\" + reg.name() + " = " + value + " ("
                        + type(reg) + "; kbsh writes no .reg file for it: "
                        + registryProblem(reg, value).orElse("") + ")",
                target));
    }

    /** {@code {{a}}, {{b.c}}}: the placeholders as the rule writes them. */
    static String placeholders(List<String> paths) {
        return String.join(", ", paths.stream().map(p -> "{{" + p + "}}").toList());
    }

    private static String type(RuleSpec.RegistrySpec reg) {
        return reg.type() == null ? "sz" : reg.type();
    }

    /** The change a registry action makes, its value rendered; empty when the value does not fit its type. */
    private static Optional<RegistryChange> registryChange(Step s, Map<String, Object> names) {
        RuleSpec.RegistrySpec reg = s.spec().registry();
        if (Boolean.TRUE.equals(reg.remove())) {
            return Optional.of(
                    reg.name() == null
                            ? RegistryChange.deleteKey(reg.key())
                            : RegistryChange.deleteValue(reg.key(), reg.name()));
        }
        if (s.iniValue().isPresent() && !s.iniValue().get().absent(names).isEmpty()) {
            return Optional.empty(); // a .reg file never carries "(none)": a person is told instead
        }
        String value = s.iniValue().map(t -> t.render(names)).orElse("");
        if (registryProblem(reg, value).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(RegistryChange.set(registryValue(reg, value)));
    }

    private static Optional<String> registryProblem(RuleSpec.RegistrySpec reg, String value) {
        try {
            registryValue(reg, value);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    private static RegistryValue registryValue(RuleSpec.RegistrySpec reg, String value) {
        return switch (type(reg)) {
            case "dword" -> {
                String v = value.strip();
                long n;
                try {
                    n = v.startsWith("0x") || v.startsWith("0X")
                            ? Long.parseLong(v.substring(2), 16)
                            : Long.parseLong(v);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("a dword is a number, not '" + value + "'");
                }
                yield RegistryValue.dword(reg.key(), reg.name(), n);
            }
            case "expand-sz" ->
                new RegistryValue(reg.key(), reg.name(), RegistryType.EXPAND_SZ, List.of(value), Optional.empty());
            case "multi-sz" -> RegistryValue.multiString(reg.key(), reg.name(), List.of(value.split("\\|", -1)));
            default -> RegistryValue.string(reg.key(), reg.name(), value);
        };
    }
}
