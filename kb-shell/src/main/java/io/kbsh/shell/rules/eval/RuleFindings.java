package io.kbsh.shell.rules.eval;

import io.kbsh.model.article.ArticleId;
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
import io.kbsh.model.version.ReleaseLevel;
import io.kbsh.rules.FixLevels;
import io.kbsh.shell.rules.RuleSpec;
import io.kbsh.shell.rules.RuleSpec.ActionSpec;
import io.kbsh.shell.rules.eval.CompiledRule.Check;
import io.kbsh.shell.rules.eval.CompiledRule.Expectation;
import io.kbsh.shell.rules.eval.CompiledRule.Fix;
import io.kbsh.shell.rules.eval.CompiledRule.Outcome;
import io.kbsh.shell.rules.eval.CompiledRule.Step;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a rule reports when one of its outcomes holds for an object: the finding, its texts rendered from the
 * evaluation's names; its actions (an INI writer's plan, one {@code .reg} hand-over for all its registry changes,
 * service packs, manual steps where kbsh cannot act); and its verification probes, with the probe's answer as
 * evidence when the facts already hold one. Runs once per finding, never per object passed over.
 *
 * <p>Thread safety: immutable.
 */
final class RuleFindings {

    private final ArticleId article;
    private final ObjectKinds kind;
    private final List<Step> actions;
    private final List<Check> verify;
    /** The INI writer of the rule's INI edits. */
    private final String writerId;

    RuleFindings(ArticleId article, ObjectKinds kind, List<Step> actions, List<Check> verify, String writerId) {
        this.article = article;
        this.kind = kind;
        this.actions = actions;
        this.verify = verify;
        this.writerId = writerId;
    }

    /**
     * The finding of outcome {@code o} for {@code object}; {@code ref} is the fix level that applies to it (empty when
     * the rule has none) and {@code levels} resolves a fix's levels against the archive, once per evaluation.
     */
    Finding finding(
            EnvironmentView view,
            Map<String, Object> object,
            Evaluation e,
            Outcome o,
            Optional<FixReference> ref,
            Optional<Fix> effective,
            Function<Fix, FixLevels> levels) {
        Map<String, Object> names = e.names();
        String id = kind.id(object);
        ObjectRef target = new ObjectRef(kind.kind(), id);
        names.put("object", target.toString());
        if (ref.isPresent()) {
            FixReference r = ref.get();
            Map<String, Object> fixNames = new LinkedHashMap<>();
            r.level().ifPresent(level -> fixNames.put("level", level.toString()));
            fixNames.put("product", r.product());
            fixNames.put("source", r.describe());
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
        if (ref.isPresent()) {
            f.fix(ref.get());
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
            action(view, s, names, serverRef, effective, levels).ifPresent(steps::add);
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
                            : v.map(RuleFindings::shortened).orElse(x.key().get() + " absent");
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
            Function<Fix, FixLevels> levels) {
        ActionSpec a = s.spec();
        if (a.manual() != null) {
            return Optional.of(new Action.ManualStep(s.text().get().render(names), target));
        }
        if (a.servicePack() != null) {
            if (a.servicePack().equals("fix")) {
                return effective.flatMap(f -> EnvironmentView.levelIn(f.levelPath(), names)
                        .flatMap(l -> levels.apply(f).target(l))
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
                                    + Template.placeholders(s.iniValue().get().absent(names)) + ", is one " + target
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
                return Optional.of(new Action.RunIniWriter(writerId, parameters, file.get(), target));
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
                            + "].registry.value names " + Template.placeholders(absent) + ", which " + target
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
