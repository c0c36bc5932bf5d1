package io.kbsh.shell.troubleshoot;

import io.kbsh.model.article.ArticleId;
import io.kbsh.model.command.CommandException;
import io.kbsh.net.probe.EvidenceKeys;
import io.kbsh.net.probe.Probe;
import io.kbsh.net.probe.ProbeOptions;
import io.kbsh.net.probe.ProbeRequest;
import io.kbsh.net.probe.ProbeResult;
import io.kbsh.net.probe.ProbeRunner;
import io.kbsh.net.probe.ProbeTarget;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Walks one procedure: asks each question (from the answers given in advance, else of the person at the
 * terminal), runs each probe, and follows the branches to the finding they end in. The walk is bounded
 * ({@value #MAX_STEPS} steps), since a procedure may send a person back to an earlier step.
 */
final class ProcedureRun {

    static final int MAX_STEPS = 200;
    private static final Pattern TEMPLATE = Pattern.compile("\\{([a-z][a-z0-9-]*)}");

    /** Asks a person; empty when nobody can be asked (batch mode) or the input ended. */
    interface Person {
        Optional<String> ask(String prompt);

        /** What to print as the run goes (the question with its see-also, a probe's result). */
        void say(String line);

        Person NOBODY = new Person() {
            @Override
            public Optional<String> ask(String prompt) {
                return Optional.empty();
            }

            @Override
            public void say(String line) {}
        };
    }

    /** Runs a probe; the command's runs real kb-net probes. */
    interface Prober {
        ProbeResult run(String probe, ProbeTarget target) throws CommandException;
    }

    /** One step as it went. */
    record Visit(Procedure.Step step, String answer, String where, Optional<ProbeResult> probe) {}

    /** The walk: each step visited, the values used, and the finding it ended in. */
    record Outcome(List<Visit> visits, Map<String, String> values, Procedure.Finding finding, String findingText) {}

    private final Procedure procedure;
    private final Answers answers;
    private final Person person;
    private final Prober prober;

    ProcedureRun(Procedure procedure, Answers answers, Person person, Prober prober) {
        this.procedure = procedure;
        this.answers = answers;
        this.person = person;
        this.prober = prober;
    }

    Outcome run() throws CommandException {
        Map<String, String> values = new HashMap<>();
        List<Visit> visits = new ArrayList<>();
        String at = procedure.start();
        Map<String, String> probeValues = new HashMap<>();
        for (int n = 0; n < MAX_STEPS; n++) {
            Procedure.Step step = procedure.steps().get(at);
            Procedure.Next next;
            if (step instanceof Procedure.Question q) {
                if (!q.see().isEmpty()) {
                    person.say("  (how to find out: " + join(q.see()) + ")");
                }
                Answers.Given given = yesNo(q);
                visits.add(new Visit(q, given.value(), given.where(), Optional.empty()));
                next = given.value().equals("yes") ? q.yes() : q.no();
            } else {
                Procedure.ProbeStep p = (Procedure.ProbeStep) step;
                String host = fill(p.host(), name -> input(name, values));
                String portText = fill(p.port(), name -> input(name, values));
                int port = port(portText, p);
                ProbeResult result = prober.run(p.probe(), ProbeTarget.of(host, port));
                String greeting = result.evidence(EvidenceKeys.GREETING);
                boolean connected = result.ok() || !greeting.isEmpty();
                boolean matches =
                        p.greeting().map(g -> g.matcher(greeting).find()).orElse(true);
                String verdict = !connected ? "fail" : matches && result.ok() ? "pass" : "other";
                probeValues.put("target", host + ":" + port);
                probeValues.put(
                        "status",
                        result.status().name().toLowerCase(Locale.ROOT).replace('_', '-'));
                probeValues.put("greeting", greeting.isEmpty() ? "(none)" : greeting);
                probeValues.put("detail", result.detail().isEmpty() ? "(none)" : result.detail());
                person.say("  probe " + p.probe() + " " + host + ":" + port + ": " + probeValues.get("status")
                        + (greeting.isEmpty() ? "" : ", greeting \"" + greeting + "\"")
                        + (result.detail().isEmpty() ? "" : " (" + result.detail() + ")") + " -> " + verdict);
                visits.add(new Visit(p, verdict, "probe", Optional.of(result)));
                next = switch (verdict) {
                    case "pass" -> p.pass();
                    case "other" -> p.other();
                    default -> p.fail();
                };
            }
            if (next instanceof Procedure.Finding f) {
                Map<String, String> all = new HashMap<>(values);
                all.putAll(probeValues);
                String text = fill(f.summary(), name -> Optional.of(all.getOrDefault(name, "{" + name + "}")));
                return new Outcome(visits, values, f, text);
            }
            at = ((Procedure.GoTo) next).step();
        }
        throw new CommandException(procedure.source() + ": the procedure went through " + MAX_STEPS
                + " steps without ending (the answers send it round in a loop at step '" + at + "')");
    }

    private Answers.Given yesNo(Procedure.Question q) throws CommandException {
        Optional<Answers.Given> given = answers.get(q.id());
        if (given.isPresent()) {
            String v = normal(given.get().value());
            if (v == null) {
                throw new CommandException(given.get().where() + ": " + q.id() + ": expected yes or no, got '"
                        + given.get().value() + "'");
            }
            person.say("step " + q.number() + ": " + q.text() + " " + v + " ("
                    + given.get().where() + ")");
            return new Answers.Given(v, given.get().where());
        }
        while (true) {
            Optional<String> typed = person.ask("step " + q.number() + ": " + q.text() + " [yes/no] ");
            if (typed.isEmpty()) {
                throw new CommandException("no answer for step " + q.number() + " '" + q.id() + "' (" + q.text()
                        + "): give --answer " + q.id() + "=yes|no or a line in --answers FILE");
            }
            String v = normal(typed.get());
            if (v != null) {
                return new Answers.Given(v, "typed");
            }
            person.say("  please answer yes or no");
        }
    }

    private static String normal(String answer) {
        String a = answer.strip().toLowerCase(Locale.ROOT);
        return switch (a) {
            case "y", "yes" -> "yes";
            case "n", "no" -> "no";
            default -> null;
        };
    }

    private Optional<String> input(String name, Map<String, String> values) {
        if (values.containsKey(name)) {
            return Optional.of(values.get(name));
        }
        Procedure.Input in = procedure.inputs().stream()
                .filter(i -> i.name().equals(name))
                .findFirst()
                .orElseThrow();
        Optional<String> value = answers.get(name)
                .map(Answers.Given::value)
                .or(() -> person.ask(in.question()
                        + in.defaultValue().map(d -> " [" + d + "] ").orElse(" ")))
                .map(String::strip)
                .flatMap(v -> v.isEmpty() ? in.defaultValue() : Optional.of(v))
                .or(in::defaultValue);
        value.ifPresent(v -> values.put(name, v));
        return value;
    }

    /** Fills {@code {name}} from {@code lookup}; a name without a value stops the run with one line naming it. */
    private String fill(String template, Function<String, Optional<String>> lookup) throws CommandException {
        Matcher m = TEMPLATE.matcher(template);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            Optional<String> v = lookup.apply(m.group(1));
            if (v.isEmpty()) {
                String question = procedure.inputs().stream()
                        .filter(i -> i.name().equals(m.group(1)))
                        .map(Procedure.Input::question)
                        .findFirst()
                        .orElse("");
                throw new CommandException("no value for " + m.group(1) + " (" + question + "): give --param "
                        + m.group(1) + "=VALUE or a line in --answers FILE");
            }
            m.appendReplacement(b, Matcher.quoteReplacement(v.get()));
        }
        m.appendTail(b);
        return b.toString();
    }

    private static int port(String text, Procedure.ProbeStep p) throws CommandException {
        try {
            int port = Integer.parseInt(text.strip());
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new CommandException(
                "step " + p.number() + " '" + p.id() + "': port must be between 1 and 65535, got '" + text + "'");
    }

    static String join(List<ArticleId> ids) {
        return String.join(", ", ids.stream().map(ArticleId::toString).toList());
    }

    /** The command's prober: kb-net's built-in probes with short, bounded timeouts. */
    static Prober kbNet(Duration timeout) {
        return (id, target) -> {
            Probe probe = io.kbsh.shell.net.Probes.byId(id)
                    .orElseThrow(() -> new CommandException("no built-in probe '" + id + "'"));
            ProbeOptions options = ProbeOptions.defaults().withTimeouts(timeout, timeout, timeout.multipliedBy(3));
            List<ProbeResult> results = ProbeRunner.defaults()
                    .run(
                            List.of(new ProbeRequest(probe, target, options)),
                            Instant.now().plus(timeout.multipliedBy(3)).plusSeconds(1));
            return results.get(0);
        };
    }
}
