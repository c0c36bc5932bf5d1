package io.kbsh.shell.rules.eval;

import io.kbsh.model.article.ArticleBrief;
import io.kbsh.model.article.ArticleId;
import io.kbsh.model.article.ArticleStore;
import io.kbsh.model.env.Environment;
import io.kbsh.model.fact.Facts;
import io.kbsh.model.finding.Finding;
import io.kbsh.model.finding.FixReference;
import io.kbsh.model.finding.Scope;
import io.kbsh.model.finding.Severity;
import io.kbsh.model.product.Product;
import io.kbsh.model.version.ReleaseLevel;
import io.kbsh.rules.FixLevels;
import io.kbsh.shell.rules.RuleException;
import io.kbsh.shell.rules.RuleReader;
import io.kbsh.shell.rules.RuleSpec;
import io.kbsh.shell.rules.RuleSpec.ActionSpec;
import io.kbsh.shell.rules.RuleSpec.VerifySpec;
import io.kbsh.shell.rules.eval.EnvironmentView.LevelPath;
import io.kbsh.shell.rules.eval.EnvironmentView.ObjectNames;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * A rule checked and compiled: every level parsed, every regular expression and CEL expression compiled,
 * every template parsed, so that evaluating it cannot fail on the rule's own text. A problem is a
 * {@link RuleException} naming the file, line, column, rule and field.
 *
 * <p>Three parts, one file each: {@link RuleCompiler} checks a rule file and makes this; this class decides, object
 * by object, whether the rule applies and which outcome holds (and explains it, for {@code rules explain});
 * {@link RuleFindings} writes what an outcome reports.
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
    /** Every CEL expression of the rule by its path, in the order compiled: for {@link #checkedExpressions}. */
    private final Map<String, Cel.Program> programs;
    /** How many of them were restored from their checked form (read by tests). */
    private final int restored;

    private final RuleFindings findings;

    /** The parts {@link RuleCompiler} made, each checked. */
    record Parts(
            RuleReader.Document<RuleSpec> document,
            String packId,
            ArticleId article,
            ArticleBrief brief,
            ObjectKinds kind,
            Applicability applies,
            Map<String, Cel.Program> lets,
            List<String> names,
            List<Condition> when,
            Optional<Fix> fix,
            List<Outcome> outcomes,
            List<Step> actions,
            List<Check> verify,
            Map<String, Cel.Program> programs,
            int restored) {}

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

    CompiledRule(Parts p) {
        this.document = p.document();
        this.spec = p.document().value();
        this.packId = p.packId();
        this.article = p.article();
        this.brief = p.brief();
        this.kind = p.kind();
        this.applies = p.applies();
        this.lets = p.lets();
        this.names = p.names();
        this.when = p.when();
        this.fix = p.fix();
        this.outcomes = p.outcomes();
        this.actions = p.actions();
        this.verify = p.verify();
        this.programs = p.programs();
        this.restored = p.restored();
        this.findings = new RuleFindings(article, kind, actions, verify, writerId());
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
            return new RuleCompiler(document, packId, known).compile();
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
            Optional<ReleaseLevel> installed = EnvironmentView.levelIn(f.levelPath(), names);
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
            Optional<FixReference> ref = Optional.empty();
            if (effective.isPresent()) {
                Fix f = effective.get();
                FixLevels fixLevels = resolved.levels(f);
                Optional<ReleaseLevel> installed = levelOf(f.levelPath(), bindings);
                if (installed.isPresent()) {
                    FixReference fixed = fixLevels.referenceFor(installed.get());
                    if (!fixLevels.affected(installed.get())) {
                        resolved.verdict(() -> "outcome " + o.name() + " holds, but " + installed.get() + " is fixed: "
                                + fixed.describe());
                        return Optional.empty();
                    }
                    ref = Optional.of(fixed);
                } else {
                    ref = Optional.of(FixReference.none(f.productName(), "the object's level is not known"));
                }
            }
            Finding finding = findings.finding(view, object, e, o, ref, effective, resolved::levels);
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
        String level = EnvironmentView.levelIn(applies.levelPath(), names)
                .map(ReleaseLevel::toString)
                .orElse("");
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
}
