package io.kbsh.shell.check;

import io.kbsh.model.command.Arguments;
import io.kbsh.model.command.CommandContext;
import io.kbsh.model.command.CommandException;
import io.kbsh.model.command.OptionSpec;
import io.kbsh.model.fact.Fact;
import io.kbsh.model.finding.ProbeRequest;
import io.kbsh.shell.check.report.TextReport;
import jakarta.inject.Inject;
import java.util.List;

/** {@code check [ARTICLE…] [--probe]}: which articles apply to the loaded environment, and why. */
public final class CheckCommand extends ReportingCommand {

    @Inject
    public CheckCommand(CheckSession session, CheckEngine engine, DiagnosisService diagnoses) {
        super(
                session,
                engine,
                diagnoses,
                OptionSpec.flag("probe", "run the probes the findings ask for, then check again with their facts"));
    }

    /** A command over its own service (tests, and a shell without injection). */
    public CheckCommand(CheckSession session, CheckEngine engine) {
        this(session, engine, serviceFor(session, engine));
    }

    @Override
    public String name() {
        return "check";
    }

    @Override
    public String description() {
        return "run the article checks against the loaded environment";
    }

    @Override
    public List<String> examples() {
        return List.of(
                "check  every article against the loaded environment",
                "check Q254909 --probe",
                "check --json --fail-on error  for CI: status 4 when an unwaived error is open",
                "check --env site.json --junit report.xml  another site, for this run only");
    }

    @Override
    public String usage() {
        return "check [ARTICLE...] [--probe] [--timeout SECONDS] [--probe-timeout SECONDS] [--dns ADDRESS]\n"
                + "      [--check-timeout SECONDS] [--env FILE] [--waivers FILE] [--json] [--junit FILE] [--html FILE]\n"
                + "      [--fail-on SEVERITY]";
    }

    @Override
    boolean probes(Arguments args) {
        return args.has("probe");
    }

    @Override
    DiagnosisService.Steps steps(CommandContext context) {
        return new DiagnosisService.Steps() {
            @Override
            public void probing(List<ProbeRequest> requests) {
                context.out().println("Probing " + requests.size() + " endpoint(s) the findings ask about...");
                context.out().flush();
            }

            @Override
            public void probed(List<Fact> facts) {
                context.out().println("Probed: " + facts.size() + " new fact(s); checked again with them.\n");
            }
        };
    }

    @Override
    int finish(CommandContext context, ReportOptions output, Diagnosis d) throws CommandException {
        String text = TextReport.write(d.report(), TextReport.Detail.FULL, d::title, List.of()) + ending(d, false);
        return output.emit(context, d, tree -> {}, text, reportContext());
    }
}
