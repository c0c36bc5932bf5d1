package io.kbsh.shell.troubleshoot;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kbsh.model.article.ArticleId;
import io.kbsh.model.command.Arguments;
import io.kbsh.model.command.CommandContext;
import io.kbsh.model.command.CommandException;
import io.kbsh.model.command.ExitStatus;
import io.kbsh.model.command.OptionSpec;
import io.kbsh.model.command.ShellCommand;
import io.kbsh.model.command.UsageException;
import io.kbsh.model.command.ValueKind;
import io.kbsh.model.internal.DataFiles;
import io.kbsh.shell.exec.ShellContext;
import io.kbsh.shell.json.JsonInputException;
import io.kbsh.shell.json.JsonOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code troubleshoot ARTICLE}: walks a person through an article's step-by-step procedure — questions
 * answered at the terminal or in advance, probes run for them — to the finding the steps end in.
 */
public final class TroubleshootCommand implements ShellCommand {

    /** The procedures bundled with kbsh, each a resource {@code ID.json} beside this class. */
    static final List<String> BUNDLED = List.of("Q319881");

    private static final long MAX_PROCEDURE_BYTES = 1L << 20;

    private static final OptionSpec FILE =
            OptionSpec.value("file", ValueKind.FILE, "run the procedure in this file (an author's draft)");
    private static final OptionSpec ANSWERS = OptionSpec.value(
            "answers", ValueKind.FILE, "answers given in advance: NAME = VALUE lines naming steps (yes/no) and inputs");
    private static final OptionSpec ANSWER =
            OptionSpec.repeatable("answer", ValueKind.TEXT, "STEP=yes|no, answered in advance");
    private static final OptionSpec PARAM =
            OptionSpec.repeatable("param", ValueKind.TEXT, "NAME=VALUE for an input (an address, a port)");
    private static final OptionSpec TIMEOUT =
            OptionSpec.value("timeout", ValueKind.TEXT, "seconds a probe may wait to connect or read (default 5)");
    private static final OptionSpec JSON = OptionSpec.flag("json", "print the walk as JSON (docs/json.md)");

    @Override
    public String name() {
        return "troubleshoot";
    }

    @Override
    public String description() {
        return "walk through an article's troubleshooting procedure: questions, probes, the finding";
    }

    @Override
    public String usage() {
        return "troubleshoot [QNNNNNN | --file FILE] [--answers FILE] [--answer STEP=yes|no]... [--param NAME=VALUE]..."
                + " [--timeout SECONDS] [--json]\n  without an article: the procedures kbsh knows";
    }

    @Override
    public List<String> examples() {
        return List.of(
                "troubleshoot                 the procedures kbsh knows",
                "troubleshoot Q319881         Exchange 5.5 behind Proxy Server, asked step by step",
                "troubleshoot Q319881 --answers flow.txt --param exchange=10.1.0.20 --param proxy-external=192.0.2.10");
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(FILE, ANSWERS, ANSWER, PARAM, TIMEOUT, JSON);
    }

    @Override
    public List<String> candidates(CommandContext context, List<String> precedingWords) {
        return precedingWords.isEmpty() ? BUNDLED : List.of();
    }

    @Override
    public int run(CommandContext context, List<String> words) throws CommandException {
        Arguments args = Arguments.parse(words, options());
        Procedure procedure;
        if (args.has("file")) {
            if (!args.positional().isEmpty()) {
                throw new UsageException("give an article or --file FILE, not both");
            }
            String shown = args.value("file").orElseThrow();
            procedure = read(context.resolve(shown), shown);
        } else if (args.positional().isEmpty()) {
            return list(context);
        } else {
            ArticleId id;
            try {
                id = ArticleId.parse(args.positional(0, "QNNNNNN"));
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
            procedure = bundled(id.toString())
                    .orElseThrow(() -> new CommandException(
                            "no troubleshooting procedure for " + id + " (known: " + String.join(", ", BUNDLED) + ")"));
        }
        Answers answers = Answers.none();
        if (args.has("answers")) {
            String shown = args.value("answers").orElseThrow();
            answers.read(context.resolve(shown), shown);
        }
        args.keyValues("answer").forEach((k, v) -> answers.put(k, v, "--answer"));
        args.keyValues("param").forEach((k, v) -> answers.put(k, v, "--param"));
        for (Map.Entry<String, Answers.Given> e : answers.unknown(procedure)) {
            throw new CommandException(
                    e.getValue().where() + ": " + procedure.article() + " has no step or input '" + e.getKey()
                            + "' (steps: " + String.join(", ", procedure.steps().keySet()) + ")");
        }
        int timeout = args.intValue("timeout", 5, 1, 120);
        boolean json = args.has("json");
        ProcedureRun.Person person = person(context, json);
        if (!json) {
            context.out().println(procedure.article() + ": " + procedure.title());
            context.out().println(procedure.summary());
            context.out().flush();
        }
        ProcedureRun.Outcome outcome =
                new ProcedureRun(procedure, answers, person, ProcedureRun.kbNet(Duration.ofSeconds(timeout))).run();
        List<io.kbsh.model.fact.Fact> facts = new ArrayList<>();
        outcome.visits().forEach(v -> v.probe().ifPresent(r -> facts.add(r.toFact())));
        if (!facts.isEmpty()) {
            try {
                context.addFacts(facts);
            } catch (CommandException e) {
                // A context that keeps no facts (a library caller): the walk's result stands on its own.
            }
        }
        if (json) {
            JsonOutput.print(context, json(procedure, outcome));
        } else {
            Procedure.Step last =
                    outcome.visits().get(outcome.visits().size() - 1).step();
            context.out().println("finding (step " + last.number() + "): " + outcome.findingText());
            if (!outcome.finding().see().isEmpty()) {
                context.out()
                        .println("see: " + ProcedureRun.join(outcome.finding().see()));
            }
            context.out().flush();
        }
        return ExitStatus.OK;
    }

    private static ProcedureRun.Person person(CommandContext context, boolean json) {
        return new ProcedureRun.Person() {
            @Override
            public Optional<String> ask(String prompt) {
                return context instanceof ShellContext sc && sc.interactive() ? sc.ask(prompt) : Optional.empty();
            }

            @Override
            public void say(String line) {
                if (!json) {
                    context.out().println(line);
                    context.out().flush();
                }
            }
        };
    }

    private static int list(CommandContext context) {
        for (String id : BUNDLED) {
            Procedure p = bundled(id).orElseThrow();
            context.out()
                    .printf(
                            "%-8s  %s (%d steps)%n",
                            p.article(), p.title(), p.steps().size());
        }
        context.out().flush();
        return ExitStatus.OK;
    }

    /** A bundled procedure; a broken one is kbsh's own bug, so it fails loudly (a test reads every one). */
    static Optional<Procedure> bundled(String id) {
        if (!BUNDLED.contains(id)) {
            return Optional.empty();
        }
        try (InputStream in = TroubleshootCommand.class.getResourceAsStream(id + ".json")) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + id + ".json");
            }
            return Optional.of(ProcedureReader.read(in.readAllBytes(), id + ".json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JsonInputException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static Procedure read(Path file, String shown) throws CommandException {
        try {
            return ProcedureReader.read(DataFiles.read(file, MAX_PROCEDURE_BYTES, "a procedure file"), shown);
        } catch (IOException e) {
            throw new CommandException(shown + ": " + e.getMessage());
        } catch (JsonInputException e) {
            throw new CommandException(e.getMessage());
        }
    }

    /** Schema {@code kbsh.troubleshoot} version 1 (docs/json.md). */
    static ObjectNode json(Procedure procedure, ProcedureRun.Outcome outcome) {
        ObjectNode doc = JsonOutput.document("troubleshoot", 1);
        doc.put("article", procedure.article().toString());
        doc.put("title", procedure.title());
        ArrayNode steps = doc.putArray("steps");
        for (ProcedureRun.Visit v : outcome.visits()) {
            ObjectNode n = steps.addObject()
                    .put("step", v.step().number())
                    .put("id", v.step().id())
                    .put("answer", v.answer())
                    .put("from", v.where());
            v.probe()
                    .ifPresent(r -> n.putObject("probe")
                            .put("probe", r.probe())
                            .put("target", r.target().toString())
                            .put(
                                    "status",
                                    r.status()
                                            .name()
                                            .toLowerCase(java.util.Locale.ROOT)
                                            .replace('_', '-'))
                            .put("greeting", r.evidence(io.kbsh.net.probe.EvidenceKeys.GREETING)));
        }
        ObjectNode finding = doc.putObject("finding");
        finding.put(
                "step", outcome.visits().get(outcome.visits().size() - 1).step().number());
        finding.put("summary", outcome.findingText());
        JsonOutput.strings(finding, "see", outcome.finding().see());
        return doc;
    }
}
