package io.kbsh.shell.check;

import io.kbsh.model.command.Arguments;
import io.kbsh.model.command.CommandContext;
import io.kbsh.model.command.CommandException;
import io.kbsh.model.command.OptionSpec;
import io.kbsh.model.command.ValueKind;
import io.kbsh.model.env.Environment;
import io.kbsh.model.fact.Facts;
import io.kbsh.shell.check.run.CheckRunner;
import io.kbsh.shell.check.run.PluginCheck;
import io.kbsh.shell.check.waiver.Waivers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One evaluation as {@code check}, {@code diagnose} and {@code fix} ask for it: the environment, the facts
 * known about it, the checks chosen by article, the waivers in force and, for a run that probes, the probe
 * settings. {@code --env FILE} and {@code --waivers FILE} apply to the invocation that names them only: the
 * environment is read for this run (with no facts: the session's belong to the session's environment) and
 * the session keeps what it had.
 *
 * @param environment what the checks run against
 * @param environmentFile the file it was read from
 * @param sessionEnvironment true when it is the session's (facts found go into the session); false for
 *     {@code --env}
 * @param facts what is known before this run
 * @param checks the checks to run
 * @param waivers the waivers in force
 * @param checkDeadline how long each check may take
 * @param probing the probe settings when this run probes what the findings ask for
 */
public record Evaluation(
        Environment environment,
        Optional<Path> environmentFile,
        boolean sessionEnvironment,
        Facts facts,
        List<PluginCheck> checks,
        Waivers waivers,
        Duration checkDeadline,
        Optional<ProbeSettings> probing) {

    /** The option that sets how long each check may take; {@code check}, {@code diagnose} and {@code fix} take it. */
    static final OptionSpec CHECK_TIMEOUT = OptionSpec.value(
            "check-timeout",
            ValueKind.TEXT,
            "seconds each check may take before it is given up (default " + CheckRunner.DEFAULT_DEADLINE.toSeconds()
                    + ")");

    public Evaluation {
        checks = List.copyOf(checks);
    }

    /**
     * The evaluation {@code args} ask for ({@code --env}, {@code --waivers}, {@code --check-timeout}), of the
     * articles in {@code articleWords}; {@code probing} when the run probes.
     */
    static Evaluation prepare(
            CommandContext context,
            CheckSession session,
            CheckEngine engine,
            Arguments args,
            List<String> articleWords,
            Optional<ProbeSettings> probing)
            throws CommandException {
        Duration deadline = Duration.ofSeconds(
                args.intValue(CHECK_TIMEOUT.name(), (int) CheckRunner.DEFAULT_DEADLINE.toSeconds(), 1, 3600));
        List<PluginCheck> checks = engine.checks(CheckEngine.articles(articleWords));
        Path waiverFile = args.value("waivers").map(context::resolve).orElseGet(() -> session.waiverFile(context));
        Waivers waivers = engine.waivers(waiverFile);
        if (args.value("env").isPresent()) {
            Path file = context.resolve(args.value("env").get());
            Environment env = EnvCommand.read(context, engine.environmentReader(), file, List.of());
            return new Evaluation(env, Optional.of(file), false, Facts.none(), checks, waivers, deadline, probing);
        }
        return new Evaluation(
                session.requireEnvironment(),
                session.environmentFile(),
                true,
                session.facts(),
                checks,
                waivers,
                deadline,
                probing);
    }
}
