package io.kbsh.shell.check;

import io.kbsh.model.command.Arguments;
import io.kbsh.model.command.CommandContext;
import io.kbsh.model.command.CommandException;
import io.kbsh.model.command.OptionSpec;
import io.kbsh.model.command.ShellCommand;
import io.kbsh.model.command.ValueKind;
import io.kbsh.model.fact.Fact;
import io.kbsh.shell.check.run.CheckReport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What {@code check} and {@code diagnose} share: the session, the engine, article arguments and report options. */
abstract class ReportingCommand implements ShellCommand {

    final CheckSession session;
    final CheckEngine engine;
    private final List<OptionSpec> options;
    /** Injected by the shell; commands built by hand (in tests) report without it and cannot write HTML. */
    private Optional<ReportContext> reportContext = Optional.empty();

    /** The command takes the report options, {@code --timeout}, and {@code more}. */
    ReportingCommand(CheckSession session, CheckEngine engine, OptionSpec... more) {
        this.session = session;
        this.engine = engine;
        List<OptionSpec> all = new ArrayList<>(ReportOptions.OPTIONS);
        all.add(OptionSpec.value("timeout", ValueKind.TEXT, "seconds all probes may take together (default 30)"));
        all.add(Evaluation.CHECK_TIMEOUT);
        all.addAll(List.of(more));
        this.options = List.copyOf(all);
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

    /** Prints the report (and whatever the command adds) and returns the exit status. */
    int finish(CommandContext context, ReportOptions output, CheckReport report, List<Fact> probed) throws CommandException {
        return output.emit(context, report, tree -> { }, "", reportContext);
    }

    @Override
    public final int run(CommandContext context, List<String> arguments) throws CommandException {
        Arguments args = Arguments.parse(arguments, options());
        ReportOptions output = ReportOptions.parse(args, context);
        // Checked even when nothing will be probed: a bad option is a usage error wherever it appears.
        Duration timeout = Evaluation.timeout(args);
        Evaluation evaluation = Evaluation.prepare(context, session, engine, args, args.positional());
        CheckReport report = evaluation.run(context, session, engine);
        List<Fact> probed = new ArrayList<>();
        if (probes(args) && !report.cancelled() && !report.probeRequests().isEmpty()) {
            if (!output.json()) {
                context.out().println("Probing " + report.probeRequests().size() + " endpoint(s) the findings ask about...");
                context.out().flush();
            }
            report = evaluation.probeAndRerun(context, session, engine, report, timeout, probed);
        }
        return finish(context, output, report, probed);
    }
}
