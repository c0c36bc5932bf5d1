package io.kbsh.shell.check;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kbsh.model.command.Arguments;
import io.kbsh.model.command.CommandContext;
import io.kbsh.model.command.CommandException;
import io.kbsh.model.fact.Fact;
import io.kbsh.model.finding.Action;
import io.kbsh.model.finding.Finding;
import io.kbsh.model.finding.ProbeRequest;
import io.kbsh.shell.check.report.TextReport;
import io.kbsh.shell.check.run.CheckReport;
import io.kbsh.shell.check.run.Outcome;
import io.kbsh.shell.net.ProbeWords;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code diagnose}: check, run the probes the findings ask for, check again with their facts, then print
 * the plan: for each open finding its fix steps (INI writers, service packs, manual steps) and the probes
 * that verify it.
 */
public final class DiagnoseCommand extends ReportingCommand {

    @Inject
    public DiagnoseCommand(CheckSession session, CheckEngine engine, DiagnosisService diagnoses) {
        super(session, engine, diagnoses);
    }

    /** A command over its own service (tests, and a shell without injection). */
    public DiagnoseCommand(CheckSession session, CheckEngine engine) {
        this(session, engine, serviceFor(session, engine));
    }

    @Override
    public String name() {
        return "diagnose";
    }

    @Override
    public String description() {
        return "check, probe what the findings ask for, check again, and print the plan of fixes";
    }

    @Override
    public List<String> examples() {
        return List.of(
                "diagnose",
                "diagnose Q254909 --timeout 10",
                "diagnose Q166604 --dns 192.0.2.53  the MX look-ups ask this DNS server");
    }

    @Override
    public String usage() {
        return "diagnose [ARTICLE...] [--timeout SECONDS] [--probe-timeout SECONDS] [--dns ADDRESS]\n"
                + "         [--check-timeout SECONDS] [--env FILE] [--waivers FILE] [--json] [--junit FILE] [--html FILE]\n"
                + "         [--fail-on SEVERITY]";
    }

    @Override
    boolean probes(Arguments args) {
        return true;
    }

    /** Each step as it happens: check, probe (each result once), check again. */
    @Override
    DiagnosisService.Steps steps(CommandContext context) {
        return new DiagnosisService.Steps() {
            private int step;

            @Override
            public void evaluated(CheckReport report, boolean again) {
                int open = report.open().size();
                String what = again
                        ? "Checked again with the probes' facts"
                        : "Checked " + report.articlesChecked().size() + " article(s)";
                context.out()
                        .println("Step " + (++step) + ". " + what + ": " + open + " open finding(s)"
                                + (report.failures().isEmpty()
                                        ? ""
                                        : ", " + report.failures().size() + " check(s) failed")
                                + ".");
                if (!again && (open == 0 || report.probeRequests().isEmpty())) {
                    context.out().println("Step " + (++step) + ". No probes: no open finding asks for one.");
                }
                context.out().flush();
            }

            @Override
            public void probing(List<ProbeRequest> requests) {
                context.out()
                        .println("Step " + (++step) + ". Probing " + requests.size()
                                + " endpoint(s) the open findings ask about:");
                context.out().flush();
            }

            @Override
            public void probed(List<Fact> facts) {
                int n = 1;
                for (Fact f : facts) {
                    context.out().println("  " + (n++) + ". " + ProbeWords.describe(f));
                }
                context.out().flush();
            }
        };
    }

    @Override
    int finish(CommandContext context, ReportOptions output, Diagnosis d) throws CommandException {
        // The probes' results were printed as a step; the findings' evidence does not print them again.
        List<String> shown =
                d.probed().stream().map(f -> "probe: " + f.describe()).toList();
        String text = "\n" + TextReport.write(d.report(), TextReport.Detail.EVIDENCE, d::title, shown) + plan(d)
                + ending(d, true);
        return output.emit(context, d, tree -> extend(tree, d), text, reportContext());
    }

    /** The plan: per finding its steps, fixes first and verification last, each step printed once. */
    private static String plan(Diagnosis d) {
        StringBuilder sb = new StringBuilder("\nPlan:\n");
        List<Outcome> plan = d.plan();
        if (plan.isEmpty()) {
            sb.append("  nothing to fix.\n");
        }
        Set<String> printed = new HashSet<>();
        int n = 1;
        for (Outcome o : plan) {
            Finding f = o.finding();
            sb.append("  ")
                    .append(n++)
                    .append(". ")
                    .append(f.article())
                    .append(d.title(f.article()).map(t -> " " + t).orElse(""))
                    .append("\n     on ")
                    .append(f.subject())
                    .append(" (")
                    .append(f.severity().label())
                    .append(")\n");
            List<Action> ordered = new ArrayList<>();
            f.resolution().stream().filter(a -> a.kind() != Action.Kind.VERIFY).forEach(ordered::add);
            f.resolution().stream().filter(a -> a.kind() == Action.Kind.VERIFY).forEach(ordered::add);
            boolean any = false;
            for (Action a : ordered) {
                if (printed.add(a.describe())) {
                    sb.append("     - ").append(a.describe()).append('\n');
                    any = true;
                }
            }
            if (!any && !ordered.isEmpty()) {
                sb.append("     - the steps above cover it\n");
            }
        }
        return sb.toString();
    }

    private static void extend(ObjectNode tree, Diagnosis d) {
        ArrayNode probes = tree.putArray("probesRun");
        d.probed()
                .forEach(f -> probes.addObject()
                        .put("probe", f.probe())
                        .put("observedAt", f.observedAt().toString())
                        .put("text", f.describe()));
        ArrayNode plan = tree.putArray("plan");
        for (Outcome o : d.plan()) {
            ObjectNode step = plan.addObject();
            step.put("article", o.finding().article().toString());
            step.put("object", o.finding().subject().toString());
            step.put("severity", o.finding().severity().label());
            ArrayNode actions = step.putArray("actions");
            o.finding().resolution().forEach(a -> actions.add(io.kbsh.shell.check.report.JsonReport.action(a)));
        }
    }
}
