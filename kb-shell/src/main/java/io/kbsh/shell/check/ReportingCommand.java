package io.kbsh.shell.check;

import io.kbsh.model.command.Arguments;
import io.kbsh.model.command.CommandContext;
import io.kbsh.model.command.CommandException;
import io.kbsh.model.command.OptionSpec;
import io.kbsh.model.command.ShellCommand;
import io.kbsh.model.command.ValueKind;
import io.kbsh.model.finding.Action;
import io.kbsh.shell.check.report.TextReport;
import io.kbsh.shell.check.run.CheckReport;
import io.kbsh.shell.check.run.Outcome;
import io.kbsh.shell.graph.LayoutAhead;
import io.kbsh.shell.net.ProbeCatalogue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@code check} and {@code diagnose} share: the session, the {@link DiagnosisService} both run through,
 * article arguments, report and probe options, and the summary line with the next step that ends their text.
 */
abstract class ReportingCommand implements ShellCommand {

    final CheckSession session;
    final CheckEngine engine;
    final DiagnosisService diagnoses;
    private final List<OptionSpec> options;
    /** Injected by the shell; commands built by hand (in tests) report without it and cannot write HTML. */
    private Optional<ReportContext> reportContext = Optional.empty();

    /** The command takes the report options, the probe options, {@code --check-timeout}, and {@code more}. */
    ReportingCommand(CheckSession session, CheckEngine engine, DiagnosisService diagnoses, OptionSpec... more) {
        this.session = session;
        this.engine = engine;
        this.diagnoses = diagnoses;
        List<OptionSpec> all = new ArrayList<>(ReportOptions.OPTIONS);
        all.addAll(ProbeSettings.OPTIONS);
        all.add(Evaluation.CHECK_TIMEOUT);
        all.addAll(List.of(more));
        this.options = List.copyOf(all);
    }

    /** A service over the engine's own probe catalogue: for commands built by hand. */
    static DiagnosisService serviceFor(CheckSession session, CheckEngine engine) {
        return new DiagnosisService(session, engine, new ProbeCatalogue(engine.contributions()));
    }

    @jakarta.inject.Inject
    void reportContext(ReportContext context) {
        this.reportContext = Optional.of(context);
    }

    /** What a saved or HTML report needs besides the findings. */
    Optional<ReportContext> reportContext() {
        return reportContext;
    }

    @Override
    public final List<OptionSpec> options() {
        return options;
    }

    @Override
    public ValueKind argumentKind(List<String> precedingWords) {
        return ValueKind.ARTICLE;
    }

    /** Whether this run probes what the first evaluation's findings ask for. */
    abstract boolean probes(Arguments args);

    /** How the run's steps show while it runs, for a person (never with {@code --json}). */
    abstract DiagnosisService.Steps steps(CommandContext context);

    /** Prints the report (and whatever the command adds) and returns the exit status. */
    abstract int finish(CommandContext context, ReportOptions output, Diagnosis diagnosis) throws CommandException;

    @Override
    public final int run(CommandContext context, List<String> arguments) throws CommandException {
        Arguments args = Arguments.parse(arguments, options());
        ReportOptions output = ReportOptions.parse(args, context);
        // Checked even when nothing will be probed: a bad option is a usage error wherever it appears.
        ProbeSettings probing = ProbeSettings.parse(args);
        Evaluation evaluation = Evaluation.prepare(
                context,
                session,
                engine,
                args,
                args.positional(),
                probes(args) ? Optional.of(probing) : Optional.empty());
        if (output.html() != null) {
            // The picture's layout needs only the environment: it is made on the other core while the checks run.
            LayoutAhead.start(evaluation.environment());
        }
        Diagnosis diagnosis =
                diagnoses.run(context, evaluation, output.json() ? DiagnosisService.Steps.QUIET : steps(context));
        return finish(context, output, diagnosis);
    }

    /** The last lines of the text: the summary, then what to do next. */
    static String ending(Diagnosis d, boolean diagnose) {
        CheckReport report = d.report();
        StringBuilder sb =
                new StringBuilder("\n").append(TextReport.summary(report)).append('\n');
        List<Outcome> plan = d.plan();
        boolean iniFix = plan.stream()
                .anyMatch(o -> o.finding().resolution().stream().anyMatch(a -> a.kind() == Action.Kind.INI_WRITER));
        if (!report.failures().isEmpty()) {
            sb.append("Next: a failed check's article is not known to be fine; --debug shows why it failed.\n");
        } else if (plan.isEmpty()) {
            sb.append(
                    report.open().isEmpty()
                            ? "Nothing to fix.\n"
                            : "Nothing to fix: the open findings are for information.\n");
        } else if (!diagnose) {
            sb.append("Next: 'diagnose' probes what the findings ask about and prints the plan")
                    .append(
                            iniFix
                                    ? "; 'fix plan " + firstIniArticle(plan) + "' shows the INI change as a diff.\n"
                                    : ".\n");
        } else if (iniFix) {
            sb.append(
                    "Next: 'fix plan' shows the INI changes as diffs; 'fix apply' makes them on the collected copies.\n");
        } else {
            sb.append("Next: make the changes above, then 'diagnose' again to verify them.\n");
        }
        return sb.toString();
    }

    private static String firstIniArticle(List<Outcome> plan) {
        return plan.stream()
                .filter(o -> o.finding().resolution().stream().anyMatch(a -> a.kind() == Action.Kind.INI_WRITER))
                .findFirst()
                .map(o -> o.finding().article().toString())
                .orElse("");
    }
}
