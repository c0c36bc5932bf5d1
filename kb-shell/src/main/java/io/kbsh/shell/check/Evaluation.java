package io.kbsh.shell.check;

import io.kbsh.model.command.Arguments;
import io.kbsh.model.command.CommandContext;
import io.kbsh.model.command.CommandException;
import io.kbsh.model.command.UsageException;
import io.kbsh.model.env.Environment;
import io.kbsh.model.fact.Fact;
import io.kbsh.model.command.OptionSpec;
import io.kbsh.model.command.ValueKind;
import io.kbsh.shell.net.ProbeWords;
import io.kbsh.rules.ArticleCheck;
import io.kbsh.shell.check.run.CheckReport;
import io.kbsh.shell.check.run.CheckRunner;
import io.kbsh.shell.check.run.PluginCheck;
import io.kbsh.shell.check.waiver.Waivers;
import java.time.Duration;
import java.util.List;

/**
 * One evaluation as {@code check}, {@code diagnose} and {@code fix} set it up: the environment (loaded with
 * {@code --env} if given), the checks chosen by article, and the waivers in force.
 */
record Evaluation(Environment environment, List<PluginCheck> checks, Waivers waivers, Duration checkDeadline) {

    /** The option that sets how long each check may take; {@code check}, {@code diagnose} and {@code fix} take it. */
    static final OptionSpec CHECK_TIMEOUT = OptionSpec.value("check-timeout", ValueKind.TEXT,
            "seconds each check may take before it is given up (default "
                    + CheckRunner.DEFAULT_DEADLINE.toSeconds() + ")");

    static Evaluation prepare(CommandContext context, CheckSession session, CheckEngine engine, Arguments args,
                              List<String> articleWords) throws CommandException {
        if (args.value("env").isPresent()) {
            EnvCommand.load(context, session, engine.environmentReader(), args.value("env").get());
        }
        if (args.value("waivers").isPresent()) {
            session.useWaiverFile(context.resolve(args.value("waivers").get()));
        }
        Environment env = session.requireEnvironment();
        Duration deadline = Duration.ofSeconds(args.intValue(CHECK_TIMEOUT.name(),
                (int) CheckRunner.DEFAULT_DEADLINE.toSeconds(), 1, 3600));
        List<PluginCheck> checks = engine.checks(CheckEngine.articles(articleWords));
        return new Evaluation(env, checks, engine.waivers(session.waiverFile(context)), deadline);
    }

    CheckReport run(CommandContext context, CheckSession session, CheckEngine engine) {
        return engine.run(context, environment, session.facts(), checks, waivers, checkDeadline);
    }

    /** Runs the probes {@code report}'s findings ask for, keeps their facts, and evaluates again. */
    CheckReport probeAndRerun(CommandContext context, CheckSession session, CheckEngine engine, CheckReport report,
                              Duration timeout, List<Fact> collected) {
        List<Fact> facts = engine.probe(context, report.probeRequests(), timeout);
        collected.addAll(facts);
        // A probe that was cancelled, or whose name did not resolve, found nothing about its peer: it must not
        // make a finding apply (or stop applying).
        List<Fact> evidence = new java.util.ArrayList<>();
        for (Fact f : facts) {
            java.util.Optional<String> why = ProbeWords.notEvidence(f);
            if (why.isPresent()) {
                context.err().println("note: " + why.get() + ": not used as evidence");
            } else {
                evidence.add(f);
            }
        }
        session.addFacts(evidence);
        return run(context, session, engine);
    }

    static Duration timeout(Arguments args) throws UsageException {
        return Duration.ofSeconds(args.intValue("timeout", 30, 1, 600));
    }
}
