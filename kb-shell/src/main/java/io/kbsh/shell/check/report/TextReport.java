package io.kbsh.shell.check.report;

import io.kbsh.model.finding.Action;
import io.kbsh.model.finding.Finding;
import io.kbsh.model.finding.Scope;
import io.kbsh.model.finding.Waiver;
import io.kbsh.shell.check.run.CheckFailure;
import io.kbsh.shell.check.run.CheckReport;
import io.kbsh.shell.check.run.Outcome;
import java.util.ArrayList;
import java.util.List;

/** A {@link CheckReport} for people: a table of findings, then each finding's evidence and resolution. */
public final class TextReport {

    private TextReport() {
    }

    public static String write(CheckReport report, boolean details) {
        StringBuilder sb = new StringBuilder();
        String facts = report.factCount() > 0 ? ", " + report.factCount() + " probe facts" : "";
        if (report.outcomes().isEmpty() && report.failures().isEmpty()) {
            sb.append("No findings (").append(report.articlesChecked().size()).append(" articles checked")
              .append(facts).append(").\n");
        } else if (report.outcomes().isEmpty()) {
            // Never "No findings" alone while a check failed: its article is simply not known to be fine.
            sb.append("No findings from the ").append(report.answered()).append(" check(s) that answered; ")
              .append(report.failures().size()).append(" of ").append(report.articlesChecked().size())
              .append(" check(s) failed (below)").append(facts).append(".\n");
        } else {
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"SEVERITY", "ARTICLE", "PLUGIN", "OBJECT", "STATUS", "SCOPE", "SUMMARY"});
            for (Outcome o : report.outcomes()) {
                Finding f = o.finding();
                rows.add(new String[] {f.severity().label(), f.article().toString(), o.plugin(), f.subject().toString(),
                        o.open() ? (o.expiredWaiver() ? "open (waiver expired)" : "open") : "waived",
                        f.scope() == Scope.STATED ? "stated" : "analogy", f.summary()});
            }
            table(sb, rows);
            if (details) {
                for (Outcome o : report.outcomes()) {
                    details(sb, o);
                }
            }
        }
        for (Waiver w : report.expiredWaivers()) {
            sb.append("expired waiver: ").append(w.article()).append(' ').append(w.object())
              .append(" (expired ").append(w.expires()).append(": ").append(w.justification()).append(")\n");
        }
        for (CheckFailure f : report.failures()) {
            sb.append("check failed: ").append(f.describe()).append('\n');
        }
        return sb.toString();
    }

    private static void details(StringBuilder sb, Outcome o) {
        Finding f = o.finding();
        sb.append('\n').append(f.article()).append(" on ").append(String.join(", ",
                f.affected().stream().map(Object::toString).toList())).append(" (plugin ").append(o.plugin()).append(")\n");
        for (String e : f.evidence()) {
            sb.append("  because ").append(e).append('\n');
        }
        if (f.fix() != null) {
            sb.append("  fix level: ").append(f.fix().describe()).append('\n');
        }
        int step = 1;
        for (Action a : f.resolution()) {
            sb.append("  ").append(step++).append(". ").append(a.describe()).append('\n');
        }
        if (!o.open()) {
            sb.append("  waived until ").append(o.waiver().expires()).append(": ").append(o.waiver().justification()).append('\n');
        }
    }

    /** Left-aligned columns; the last column is not padded. */
    public static void table(StringBuilder sb, List<String[]> rows) {
        int columns = rows.get(0).length;
        int[] width = new int[columns];
        for (String[] row : rows) {
            for (int c = 0; c < columns - 1; c++) {
                width[c] = Math.max(width[c], row[c].length());
            }
        }
        for (String[] row : rows) {
            for (int c = 0; c < columns; c++) {
                sb.append(row[c]);
                if (c < columns - 1) {
                    sb.append(" ".repeat(width[c] - row[c].length() + 2));
                }
            }
            sb.append('\n');
        }
    }
}
