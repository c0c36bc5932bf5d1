package io.kbsh.shell.rules;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kbsh.model.article.ArticleId;
import io.kbsh.model.article.ArticleStore;
import io.kbsh.model.command.Arguments;
import io.kbsh.model.command.CommandContext;
import io.kbsh.model.command.CommandException;
import io.kbsh.model.command.ExitStatus;
import io.kbsh.model.command.OptionSpec;
import io.kbsh.model.command.ShellCommand;
import io.kbsh.model.command.UsageException;
import io.kbsh.model.command.ValueKind;
import io.kbsh.model.env.Environment;
import io.kbsh.model.finding.Action;
import io.kbsh.model.finding.Finding;
import io.kbsh.model.finding.ObjectRef;
import io.kbsh.shell.check.CheckSession;
import io.kbsh.shell.json.JsonOutput;
import io.kbsh.shell.plugin.PluginSet;
import io.kbsh.shell.rules.eval.CompiledRule;
import io.kbsh.shell.rules.eval.Lint;
import io.kbsh.shell.rules.eval.Trace;
import io.kbsh.shell.rules.pack.PackTests;
import io.kbsh.shell.rules.pack.RulePack;
import io.kbsh.shell.rules.pack.RulePackReader;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code rules list|show|lint|test|explain}: the rule packs for their authors — what is loaded, one rule in
 * full, problems in a file or pack, the packs' own tests, and why a rule did or did not fire for an object.
 */
public final class RulesCommand implements ShellCommand {

    private final PluginSet plugins;

    @Inject
    public RulesCommand(PluginSet plugins) {
        this.plugins = plugins;
    }

    @Override
    public String name() {
        return "rules";
    }

    @Override
    public String description() {
        return "rule packs: list them, show a rule, lint rule files, run the packs' tests, explain a rule for an object";
    }

    @Override
    public String usage() {
        return "rules list [--json]\n"
                + "rules show ARTICLE [--json]\n"
                + "rules lint FILE|DIR [--json]\n"
                + "rules test [PACK|DIR] [--json]\n"
                + "rules explain ARTICLE KIND:ID [--json]\n"
                + "rules init DIR [--id ID] [--article ARTICLE]";
    }

    @Override
    public List<String> examples() {
        return List.of(
                "rules list",
                "rules show Q193928",
                "rules lint my-pack/",
                "rules lint my-pack/Q123456.yaml --json",
                "rules test",
                "rules test my-pack/ --json",
                "rules explain Q193928 server:NWMAIL1",
                "rules init my-pack --id my-rules --article Q123456");
    }

    @Override
    public List<String> subcommands() {
        return List.of("list", "show", "lint", "test", "explain", "init");
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(
                OptionSpec.flag(
                        "json",
                        "print JSON (schemas kbsh.rules, kbsh.rule, kbsh.rule-lint, kbsh.rule-tests, kbsh.rule-explain; docs/json.md)"),
                OptionSpec.value(
                        "id", ValueKind.TEXT, "with 'init': the new pack's ID (default: the directory's name)"),
                OptionSpec.value(
                        "article", ValueKind.TEXT, "with 'init': the ARTICLE of the first rule (default Q123456)"));
    }

    @Override
    public ValueKind argumentKind(List<String> precedingWords) {
        if (precedingWords.size() == 1) {
            return switch (precedingWords.get(0)) {
                case "show", "explain" -> ValueKind.ARTICLE;
                case "lint", "test", "init" -> ValueKind.FILE;
                default -> ValueKind.NONE;
            };
        }
        return ValueKind.TEXT;
    }

    /**
     * After {@code rules explain ARTICLE}: the loaded environment's objects of the kind the rule is evaluated for,
     * as {@code kind:id}; nothing without an environment or when no loaded pack has a rule for the article.
     */
    @Override
    public List<String> candidates(CommandContext context, List<String> precedingWords) {
        if (precedingWords.size() != 2 || !precedingWords.get(0).equals("explain")) {
            return List.of();
        }
        Optional<Environment> env = context.environment();
        Optional<CompiledRule> rule = ArticleId.tryParse(precedingWords.get(1)).flatMap(this::rule);
        if (env.isEmpty() || rule.isEmpty()) {
            return List.of();
        }
        String prefix = rule.get().kind().kind() + ":";
        return CheckSession.objectNames(env.get()).stream()
                .filter(name -> name.startsWith(prefix))
                .toList();
    }

    @Override
    public int run(CommandContext context, List<String> arguments) throws CommandException {
        Arguments args = Arguments.parse(arguments, options());
        String sub = args.positional(0, "SUBCOMMAND (list, show, lint, test or explain)");
        boolean json = args.has("json");
        return switch (sub) {
            case "list" -> {
                none(args, 1, "rules list");
                yield list(context, json);
            }
            case "show" -> {
                none(args, 2, "rules show ARTICLE");
                yield show(context, article(args.positional(1, "ARTICLE")), json);
            }
            case "lint" -> {
                none(args, 2, "rules lint FILE|DIR");
                yield lint(context, context.resolve(args.positional(1, "FILE|DIR")), json);
            }
            case "test" -> {
                none(args, 2, "rules test [PACK|DIR]");
                yield test(
                        context,
                        args.positional().size() > 1 ? Optional.of(args.positional(1, "PACK|DIR")) : Optional.empty(),
                        json);
            }
            case "explain" -> {
                none(args, 3, "rules explain ARTICLE KIND:ID");
                yield explain(context, article(args.positional(1, "ARTICLE")), args.positional(2, "KIND:ID"), json);
            }
            case "init" -> {
                none(args, 2, "rules init DIR [--id ID] [--article ARTICLE]");
                yield init(
                        context, context.resolve(args.positional(1, "DIR")), args.value("id"), args.value("article"));
            }
            default ->
                throw new UsageException("unknown subcommand '" + sub + "' (list, show, lint, test, explain, init)");
        };
    }

    private static void none(Arguments args, int max, String usage) throws UsageException {
        if (args.positional().size() > max) {
            throw new UsageException("too many arguments; usage: " + usage);
        }
    }

    private static ArticleId article(String word) throws UsageException {
        return ArticleId.tryParse(word)
                .orElseThrow(() -> new UsageException("not an article id (e.g. Q193928): '" + word + "'"));
    }

    /** The loaded packs, in load order. */
    public List<RulePack> packs() {
        return plugins.rulePacks();
    }

    private Optional<CompiledRule> rule(ArticleId article) {
        for (RulePack p : packs()) {
            Optional<CompiledRule> r = p.rule(article);
            if (r.isPresent()) {
                return r;
            }
        }
        return Optional.empty();
    }

    private CompiledRule requireRule(ArticleId article) throws CommandException {
        return rule(article)
                .orElseThrow(() -> new CommandException("no loaded rule pack has a rule for " + article
                        + (packs().isEmpty()
                                ? " (no rule pack is loaded)"
                                : " (rules: "
                                        + String.join(
                                                ", ",
                                                packs().stream()
                                                        .flatMap(p -> p.rules().stream())
                                                        .map(r -> r.article().toString())
                                                        .sorted()
                                                        .toList())
                                        + ")")));
    }

    // ---- init -----------------------------------------------------------------------------------------

    /** A new pack: a manifest and one rule with two tests, which lints clean and passes as it is. */
    private int init(CommandContext context, Path dir, Optional<String> id, Optional<String> articleText)
            throws CommandException {
        String packId = id.orElse(
                dir.getFileName() == null
                        ? "my-rules"
                        : dir.getFileName().toString().toLowerCase(java.util.Locale.ROOT));
        if (!packId.matches("[a-z][a-z0-9._-]{0,63}")) {
            throw new UsageException(
                    "a pack id is lower case letters, digits, '.', '_' and '-', starting with a letter: '" + packId
                            + "' (--id)");
        }
        ArticleId article = article(articleText.orElse("Q123456"));
        try {
            if (Files.exists(dir)
                    && (!Files.isDirectory(dir) || Files.list(dir).findAny().isPresent())) {
                throw new CommandException(dir + " exists and is not an empty directory; name a new one");
            }
            String template;
            try (java.io.InputStream in = RulesCommand.class.getResourceAsStream("template-rule.yaml")) {
                template = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
            Files.createDirectories(dir);
            Files.writeString(
                    dir.resolve(RuleFormat.MANIFEST),
                    "id: " + packId + "\nname: " + packId + " rules\nversion: 0.1.0\nformat: " + RuleFormat.VERSION
                            + "\ndescription: TODO what the pack's articles are about\n",
                    java.nio.file.StandardOpenOption.CREATE_NEW);
            Path rule = dir.resolve(article + ".yaml");
            Files.writeString(
                    rule,
                    template.replace("@ARTICLE@", article.toString()).replace("@ID@", packId),
                    java.nio.file.StandardOpenOption.CREATE_NEW);
            context.out()
                    .println("Wrote " + dir.resolve(RuleFormat.MANIFEST) + " and " + rule + "; next: rules lint " + dir
                            + "; rules test " + dir + "; kbsh --plugins " + dir);
        } catch (IOException e) {
            throw new CommandException("cannot write the pack in " + dir + ": " + e.getMessage());
        }
        return ExitStatus.OK;
    }

    // ---- list -----------------------------------------------------------------------------------------

    private int list(CommandContext context, boolean json) {
        List<RulePack> packs = packs();
        if (json) {
            ObjectNode doc = JsonOutput.document("rules", 1);
            ArrayNode list = doc.putArray("packs");
            for (RulePack p : packs) {
                ObjectNode n = list.addObject();
                n.put("id", p.id())
                        .put("name", p.manifest().name())
                        .put("version", p.manifest().version())
                        .put("format", p.manifest().format())
                        .put("source", p.source().toString());
                ArrayNode rules = n.putArray("rules");
                for (CompiledRule r : p.rules()) {
                    rules.addObject()
                            .put("article", r.article().toString())
                            .put("title", r.brief().title())
                            .put("for", r.kind().kind())
                            .put("file", r.source())
                            .put("tests", r.spec().tests().size());
                }
            }
            JsonOutput.print(context, doc);
            return ExitStatus.OK;
        }
        PrintWriter out = context.out();
        if (packs.isEmpty()) {
            out.println(
                    "no rule pack is loaded (a pack is a directory with kbsh-pack.yaml, or a JAR with META-INF/kbsh/rules/, where plugins go)");
            return ExitStatus.OK;
        }
        for (RulePack p : packs) {
            out.println(p.id() + " " + p.manifest().version() + " (format "
                    + p.manifest().format() + ", " + p.rules().size() + " rule"
                    + (p.rules().size() == 1 ? "" : "s") + ") " + p.source());
            for (CompiledRule r : p.rules()) {
                out.printf(
                        "  %-8s for %-9s %s%n",
                        r.article(), r.kind().kind(), r.brief().title());
            }
        }
        return ExitStatus.OK;
    }

    // ---- show -----------------------------------------------------------------------------------------

    private int show(CommandContext context, ArticleId article, boolean json) throws CommandException {
        CompiledRule r = requireRule(article);
        RuleSpec s = r.spec();
        if (json) {
            ObjectNode doc = JsonOutput.document("rule", 1);
            doc.put("article", r.article().toString())
                    .put("title", r.brief().title())
                    .put("pack", r.packId())
                    .put("file", r.source())
                    .put("for", r.kind().kind())
                    .put("summary", r.brief().summary());
            doc.set("rule", JsonOutput.MAPPER.valueToTree(s));
            JsonOutput.print(context, doc);
            return ExitStatus.OK;
        }
        PrintWriter out = context.out();
        out.println(r.article() + "  " + r.brief().title());
        out.println("rule in pack " + r.packId() + ": " + r.source());
        out.println("evaluated for each " + r.kind().kind() + "; it sees " + String.join(", ", r.names()));
        if (s.applies() != null) {
            RuleSpec.ApplicabilitySpec a = s.applies();
            List<String> parts = new ArrayList<>();
            if (a.product() != null) {
                parts.add(a.product()
                        + (a.releases().isEmpty() ? "" : " " + String.join("/", a.releases()))
                        + (a.servicePacks() == null
                                ? ""
                                : " SP"
                                        + Optional.ofNullable(a.servicePacks().from())
                                                .map(String::valueOf)
                                                .orElse("0") + "–"
                                        + Optional.ofNullable(a.servicePacks().to())
                                                .map(String::valueOf)
                                                .orElse("")));
            }
            if (!a.components().isEmpty()) {
                parts.add("components " + String.join(", ", a.components()));
            }
            if (!a.roles().isEmpty()) {
                parts.add("roles " + String.join(", ", a.roles()));
            }
            if (!a.os().isEmpty()) {
                parts.add("OS " + String.join(" or ", a.os()));
            }
            out.println("applies to: " + String.join("; ", parts));
        }
        if (s.fix() != null) {
            out.println("fixed in: " + String.join(", ", s.fix().levels()) + " ("
                    + (Boolean.TRUE.equals(s.fix().pinned()) ? "pinned" : "the archive's fix lists win")
                    + (s.fix().source() == null ? "" : "; " + s.fix().source()) + ")");
        }
        out.println("when: " + (s.when().isEmpty() ? "always" : s.when().size() + " condition(s)"));
        for (RuleSpec.OutcomeSpec o : s.outcomes()) {
            out.println("outcome " + (o.name() == null ? "" : o.name() + " ") + "(" + o.severity()
                    + (o.when().isEmpty() ? ", otherwise" : ", " + o.when().size() + " condition(s)") + "): "
                    + o.summary().strip());
        }
        for (RuleSpec.ActionSpec a : s.actions()) {
            out.println("action: "
                    + (a.ini() != null
                            ? "INI " + a.ini().file() + " [" + a.ini().section() + "]"
                                    + (a.ini().key() == null
                                            ? ""
                                            : " " + a.ini().key())
                                    + (a.ini().set() == null
                                            ? " removed"
                                            : " = " + a.ini().set()) + " (writer " + r.writerId() + ")"
                            : a.registry() != null
                                    ? "registry " + a.registry().key()
                                            + (a.registry().name() == null
                                                    ? ""
                                                    : "\\" + a.registry().name()) + " (.reg hand-over)"
                                    : a.servicePack() != null
                                            ? "service pack " + a.servicePack()
                                            : "manual: " + a.manual().strip()));
        }
        for (RuleSpec.VerifySpec v : s.verify()) {
            out.println("verify: " + v.probe() + " " + v.host() + (v.port() == null ? "" : ":" + v.port()) + " — "
                    + v.purpose());
        }
        out.println("tests: " + s.tests().size());
        return ExitStatus.OK;
    }

    // ---- lint -----------------------------------------------------------------------------------------

    private int lint(CommandContext context, Path target, boolean json) throws CommandException {
        if (!Files.exists(target)) {
            throw new CommandException("no such file or directory: " + target);
        }
        List<Path> files = new ArrayList<>();
        List<RuleException> problems = new ArrayList<>();
        String packId = "lint";
        if (Files.isDirectory(target)) {
            Path manifest = target.resolve(RuleFormat.MANIFEST);
            if (Files.isRegularFile(manifest)) {
                try {
                    packId = RuleReader.manifest(
                                    io.kbsh.model.internal.DataFiles.read(
                                            manifest, RuleFormat.FILE_BYTES, "a rule pack manifest"),
                                    manifest.toString())
                            .value()
                            .id();
                    RulePackReader.directory(target, p -> Optional.empty());
                } catch (RuleException e) {
                    if (e.source().equals(manifest.toString())) {
                        problems.add(e);
                    }
                } catch (IOException e) {
                    throw new CommandException("cannot read " + manifest + ": " + e.getMessage());
                }
            }
            try {
                files.addAll(RulePackReader.ruleFiles(target));
            } catch (IOException e) {
                throw new CommandException("cannot list " + target + ": " + e.getMessage());
            }
        } else {
            files.add(target);
        }
        ArticleStore store = context.articles();
        for (Path f : files) {
            try {
                // Every unknown field at once; the rest of the rule is still checked without them.
                RuleReader.Lenient read = RuleReader.ruleCollectingUnknownFields(
                        io.kbsh.model.internal.DataFiles.read(f, RuleFormat.FILE_BYTES, "a rule file"), f.toString());
                problems.addAll(read.unknownFields());
                problems.addAll(read.problems());
                if (read.rule().isPresent()) {
                    problems.addAll(Lint.check(CompiledRule.compile(read.rule().get(), packId), store));
                }
            } catch (RuleException e) {
                // The compiler went on past the first problem: every one it found, in the file's order.
                problems.addAll(e.all());
            } catch (IOException e) {
                problems.add(new RuleException(f.toString(), 0, 0, "", "", "cannot read: " + e.getMessage()));
            }
        }
        if (json) {
            ObjectNode doc = JsonOutput.document("rule-lint", 1);
            doc.put("files", files.size());
            ArrayNode list = doc.putArray("problems");
            for (RuleException p : problems) {
                ObjectNode n = list.addObject().put("file", p.source());
                if (p.line() > 0) {
                    n.put("line", p.line());
                } else {
                    n.putNull("line");
                }
                if (p.column() > 0) {
                    n.put("column", p.column());
                } else {
                    n.putNull("column");
                }
                text(n, "rule", p.rule());
                text(n, "field", p.fieldPath());
                n.put("problem", p.problem()).put("message", p.getMessage());
            }
            JsonOutput.print(context, doc);
        } else {
            problems.forEach(p -> context.out().println(p.getMessage()));
            context.out()
                    .println(files.size() + " rule file" + (files.size() == 1 ? "" : "s") + ", "
                            + (problems.isEmpty()
                                    ? "no problems"
                                    : problems.size() + " problem" + (problems.size() == 1 ? "" : "s")));
        }
        return problems.isEmpty() ? ExitStatus.OK : ExitStatus.FAILED;
    }

    /** {@code value} as a field, or {@code null} when it is empty (the JSON frame never leaves a field out). */
    private static void text(ObjectNode n, String field, String value) {
        if (value.isEmpty()) {
            n.putNull(field);
        } else {
            n.put(field, value);
        }
    }

    // ---- test -----------------------------------------------------------------------------------------

    private int test(CommandContext context, Optional<String> which, boolean json) throws CommandException {
        List<RulePack> chosen = new ArrayList<>();
        if (which.isEmpty()) {
            chosen.addAll(packs());
            if (chosen.isEmpty()) {
                throw new CommandException("no rule pack is loaded; name a pack directory: rules test DIR");
            }
        } else {
            Optional<RulePack> loaded =
                    packs().stream().filter(p -> p.id().equals(which.get())).findFirst();
            if (loaded.isPresent()) {
                chosen.add(loaded.get());
            } else {
                Path dir = context.resolve(which.get());
                if (!Files.isDirectory(dir) || !RulePackReader.isPackDirectory(dir)) {
                    throw new CommandException("'" + which.get() + "' is neither a loaded rule pack ("
                            + String.join(
                                    ", ", packs().stream().map(RulePack::id).toList()) + ") nor a pack directory with "
                            + RuleFormat.MANIFEST);
                }
                try {
                    chosen.add(RulePackReader.directory(dir, p -> Optional.empty()));
                } catch (RuleException e) {
                    throw new CommandException(e.firstAndCount());
                } catch (IOException e) {
                    throw new CommandException("cannot read " + dir + ": " + e.getMessage());
                }
            }
        }
        ArticleStore store = context.articles();
        List<PackTests.Result> results = new ArrayList<>();
        for (RulePack p : chosen) {
            results.addAll(PackTests.run(p, store));
        }
        long failed = results.stream().filter(r -> !r.passed()).count();
        long passed = results.size() - failed;
        if (json) {
            ObjectNode doc = JsonOutput.document("rule-tests", 1);
            doc.put("passed", passed).put("failed", failed);
            ArrayNode list = doc.putArray("tests");
            for (PackTests.Result r : results) {
                ObjectNode n = list.addObject()
                        .put("pack", r.pack())
                        .put("rule", r.rule())
                        .put("test", r.test())
                        .put("source", r.source())
                        .put("passed", r.passed());
                JsonOutput.strings(n, "problems", r.problems());
            }
            JsonOutput.print(context, doc);
        } else {
            PrintWriter out = context.out();
            for (PackTests.Result r : results) {
                if (!r.passed()) {
                    out.println("FAIL " + r.rule() + " \"" + r.test() + "\" (" + r.source() + ")");
                    r.problems().forEach(p -> out.println("     " + p));
                }
            }
            out.println(passed + " passed, " + failed + " failed");
        }
        return failed == 0 ? ExitStatus.OK : ExitStatus.FAILED;
    }

    // ---- explain --------------------------------------------------------------------------------------

    private int explain(CommandContext context, ArticleId article, String objectText, boolean json)
            throws CommandException {
        CompiledRule r = requireRule(article);
        ObjectRef object;
        try {
            object = ObjectRef.parse(objectText);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (!object.kind().equals(r.kind().kind())) {
            throw new CommandException(
                    r.article() + " is evaluated for each " + r.kind().kind() + ", not for a " + object.kind());
        }
        Environment env = context.environment()
                .orElseThrow(() -> new CommandException("no environment is loaded (env load FILE)"));
        CompiledRule.Explanation x = r.explain(env, context.facts(), context.articles(), object.id())
                .orElseThrow(() -> new CommandException("the environment has no " + object));
        if (json) {
            ObjectNode doc = JsonOutput.document("rule-explain", 1);
            doc.put("article", r.article().toString())
                    .put("pack", r.packId())
                    .put("object", x.object())
                    .put("applies", x.applicable())
                    .put("applicability", x.applicability())
                    .put("verdict", x.verdict());
            ArrayNode steps = doc.putArray("conditions");
            for (Trace.Step s : x.steps()) {
                steps.addObject()
                        .put("condition", s.condition())
                        .put("saw", s.saw())
                        .put("held", s.held())
                        .put("depth", s.depth());
            }
            if (x.result().isPresent()) {
                CompiledRule.Result res = x.result().get();
                ObjectNode finding = doc.putObject("finding")
                        .put("outcome", res.outcome())
                        .put("severity", res.finding().severity().label())
                        .put("summary", res.finding().summary());
                JsonOutput.strings(finding, "evidence", res.finding().evidence());
                JsonOutput.strings(
                        finding,
                        "actions",
                        res.finding().resolution().stream()
                                .map(Action::describe)
                                .toList());
            } else {
                doc.putNull("finding");
            }
            JsonOutput.print(context, doc);
            return ExitStatus.OK;
        }
        PrintWriter out = context.out();
        out.println(r.article() + " for " + x.object() + " (rule in pack " + r.packId() + ")");
        out.println("applies: " + (x.applicable() ? "yes" : "no — " + x.applicability()));
        for (Trace.Step s : x.steps()) {
            String indent = "  ".repeat(s.depth() + 1);
            if (s.saw().isEmpty() && s.held()) {
                out.println(indent + s.condition() + ":");
            } else {
                out.println(indent + (s.held() ? "yes " : "no  ") + s.condition() + " — saw " + s.saw());
            }
        }
        out.println("verdict: " + x.verdict());
        x.result().ifPresent(res -> {
            Finding f = res.finding();
            f.evidence().forEach(e -> out.println("  evidence: " + e));
            for (Action a : f.resolution()) {
                out.println("  action: " + a.describe());
            }
        });
        return ExitStatus.OK;
    }
}
