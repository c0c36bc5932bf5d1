package io.kbsh.shell.check;

import io.kbsh.shell.net.ProbeWords;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kbsh.model.command.Arguments;
import io.kbsh.model.command.CommandContext;
import io.kbsh.model.command.CommandException;
import io.kbsh.model.fact.Fact;
import io.kbsh.model.finding.Action;
import io.kbsh.model.finding.Finding;
import io.kbsh.model.finding.Severity;
import io.kbsh.shell.check.run.CheckReport;
import io.kbsh.shell.check.run.Outcome;
import jakarta.inject.Inject;
import java.util.List;

/**
 * {@code diagnose}: check, run the probes the findings ask for, check again with their facts, then print
 * the plan: for each open finding its fix steps (INI writers, service packs, manual steps) and the probes
 * that verify it.
 */
public final class DiagnoseCommand extends ReportingCommand {

    @Inject
    public DiagnoseCommand(CheckSession session, CheckEngine engine) {
        super(session, engine);
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
        return List.of("diagnose",
                "diagnose Q254909 --timeout 10");
    }

    @Override
    public String usage() {
        return "diagnose [ARTICLE...] [--timeout SECONDS] [--check-timeout SECONDS] [--env FILE]\n"
                + "         [--waivers FILE] [--json] [--junit FILE] [--html FILE] [--fail-on SEVERITY]";
    }

    @Override
    boolean probes(Arguments args) {
        return true;
    }

    @Override
    int finish(CommandContext context, ReportOptions output, CheckReport report, List<Fact> probed) throws CommandException {
        return output.emit(context, report, tree -> extend(tree, probed, report), text(probed, report), reportContext());
    }

    private static List<Outcome> planned(CheckReport report) {
        return report.open().stream()
                .filter(o -> o.finding().severity() != Severity.INFO || o.finding().resolution().stream()
                        .anyMatch(a -> a.kind() != Action.Kind.VERIFY))
                .toList();
    }

    private static String text(List<Fact> probed, CheckReport report) {
        StringBuilder sb = new StringBuilder();
        if (!probed.isEmpty()) {
            sb.append("\nProbes:\n");
            probed.forEach(f -> sb.append("  ").append(ProbeWords.describe(f)).append('\n'));
        }
        List<Outcome> plan = planned(report);
        sb.append("\nPlan:\n");
        if (plan.isEmpty()) {
            sb.append("  nothing to fix.\n");
        }
        int n = 1;
        for (Outcome o : plan) {
            Finding f = o.finding();
            sb.append("  ").append(n++).append(". ").append(f.article()).append(" on ").append(f.subject())
              .append(" (").append(f.severity().label()).append(")\n");
            for (Action a : f.resolution()) {
                if (a.kind() != Action.Kind.VERIFY) {
                    sb.append("     - ").append(a.describe()).append('\n');
                }
            }
            for (Action a : f.resolution()) {
                if (a.kind() == Action.Kind.VERIFY) {
                    sb.append("     - ").append(a.describe()).append('\n');
                }
            }
        }
        if (plan.stream().anyMatch(o -> o.finding().resolution().stream().anyMatch(a -> a.kind() == Action.Kind.INI_WRITER))) {
            sb.append("\n'fix plan' shows the INI changes; 'fix apply' makes them on the collected copies.\n");
        }
        return sb.toString();
    }

    private static void extend(ObjectNode tree, List<Fact> probed, CheckReport report) {
        ArrayNode probes = tree.putArray("probesRun");
        probed.forEach(f -> probes.addObject().put("probe", f.probe()).put("observedAt", f.observedAt().toString())
                .put("text", f.describe()));
        ArrayNode plan = tree.putArray("plan");
        for (Outcome o : planned(report)) {
            ObjectNode step = plan.addObject();
            step.put("article", o.finding().article().toString());
            step.put("object", o.finding().subject().toString());
            step.put("severity", o.finding().severity().label());
            ArrayNode actions = step.putArray("actions");
            o.finding().resolution().forEach(a -> actions.add(io.kbsh.shell.check.report.JsonReport.action(a)));
        }
    }
}
