package io.kbsh.shell.check.report;

import io.kbsh.model.article.ArticleId;
import io.kbsh.model.finding.Action;
import io.kbsh.model.finding.Finding;
import io.kbsh.model.finding.Scope;
import io.kbsh.model.finding.Severity;
import io.kbsh.model.finding.Waiver;
import io.kbsh.shell.check.run.CheckFailure;
import io.kbsh.shell.check.run.CheckReport;
import io.kbsh.shell.check.run.Outcome;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A {@link CheckReport} for people: a table of findings (severity, article, plugin, object, status, summary),
 * then each finding with its article's title, evidence and resolution, which articles did not apply, and a
 * summary line with the next step. A finding the article states only for another version or product reads
 * "by analogy" in its details; the table keeps to what a person scans first.
 */
public final class TextReport {

    /** How much of each finding the report shows. */
    public enum Detail {
        /** The table only. */
        TABLE,
        /** The table, then each finding's evidence and fix level (its steps are printed by a plan elsewhere). */
        EVIDENCE,
        /** The table, then each finding's evidence, fix level and numbered steps. */
        FULL
    }

    private TextReport() {}

    /** The report with every finding's details, without titles; as {@code check} printed it before titles. */
    public static String write(CheckReport report, boolean details) {
        return write(report, details ? Detail.FULL : Detail.TABLE, id -> Optional.empty(), List.of());
    }

    /**
     * The report at {@code detail}; {@code titles} gives the articles' titles; evidence lines in
     * {@code shownAlready} (probe results a {@code diagnose} step printed) are not repeated.
     */
    public static String write(
            CheckReport report,
            Detail detail,
            Function<ArticleId, Optional<String>> titles,
            List<String> shownAlready) {
        StringBuilder sb = new StringBuilder();
        String facts = report.factCount() > 0 ? ", " + report.factCount() + " probe facts" : "";
        if (report.outcomes().isEmpty() && report.failures().isEmpty()) {
            sb.append("No findings (")
                    .append(report.articlesChecked().size())
                    .append(" articles checked")
                    .append(facts)
                    .append(").\n");
        } else if (report.outcomes().isEmpty()) {
            // Never "No findings" alone while a check failed: its article is simply not known to be fine.
            sb.append("No findings from the ")
                    .append(report.answered())
                    .append(" check(s) that answered; ")
                    .append(report.failures().size())
                    .append(" of ")
                    .append(report.articlesChecked().size())
                    .append(" check(s) failed (below)")
                    .append(facts)
                    .append(".\n");
        } else {
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"SEVERITY", "ARTICLE", "PLUGIN", "OBJECT", "STATUS", "SUMMARY"});
            for (Outcome o : report.outcomes()) {
                Finding f = o.finding();
                rows.add(new String[] {
                    f.severity().label(),
                    f.article().toString(),
                    o.plugin(),
                    f.subject().toString(),
                    o.open() ? (o.expiredWaiver() ? "open (waiver expired)" : "open") : "waived",
                    f.summary()
                });
            }
            table(sb, rows);
            if (detail != Detail.TABLE) {
                for (Outcome o : report.outcomes()) {
                    details(sb, o, detail, titles, shownAlready);
                }
            }
        }
        for (Waiver w : report.expiredWaivers()) {
            sb.append("expired waiver: ")
                    .append(w.article())
                    .append(' ')
                    .append(w.object())
                    .append(" (expired ")
                    .append(w.expires())
                    .append(": ")
                    .append(w.justification())
                    .append(")\n");
        }
        for (CheckFailure f : report.failures()) {
            sb.append("check failed: ").append(f.describe()).append('\n');
        }
        List<ArticleId> quiet = notApplying(report);
        if (!quiet.isEmpty()
                && !(report.outcomes().isEmpty() && report.failures().isEmpty())) {
            sb.append("\nDid not apply (checked, nothing found):\n");
            for (ArticleId id : quiet) {
                sb.append("  ")
                        .append(id)
                        .append(titles.apply(id).map(t -> "  " + t).orElse(""))
                        .append('\n');
            }
        }
        return sb.toString();
    }

    /** The articles that were checked, answered and found nothing, in the order checked. */
    public static List<ArticleId> notApplying(CheckReport report) {
        Set<String> spoke = new LinkedHashSet<>();
        report.outcomes().forEach(o -> spoke.add(o.finding().article().toString()));
        report.failures().forEach(f -> spoke.add(f.article().toString()));
        List<ArticleId> quiet = new ArrayList<>();
        for (String a : new LinkedHashSet<>(report.articlesChecked())) {
            if (!spoke.contains(a)) {
                ArticleId.tryParse(a).ifPresent(quiet::add);
            }
        }
        return quiet;
    }

    /**
     * One line: open findings by severity, waived, articles checked, checks failed —
     * {@code 2 open (1 critical, 1 warning), 1 waived; 5 articles checked, 2 did not apply, 1 check failed.}
     */
    public static String summary(CheckReport report) {
        Map<Severity, Integer> open = new EnumMap<>(Severity.class);
        report.open().forEach(o -> open.merge(o.finding().severity(), 1, Integer::sum));
        List<String> bySeverity = new ArrayList<>();
        List<Severity> worstFirst = new ArrayList<>(List.of(Severity.values()));
        Collections.reverse(worstFirst);
        for (Severity s : worstFirst) {
            if (open.containsKey(s)) {
                bySeverity.add(open.get(s) + " " + s.label());
            }
        }
        int waived = report.outcomes().size() - report.open().size();
        int checked = new LinkedHashSet<>(report.articlesChecked()).size();
        StringBuilder sb = new StringBuilder();
        sb.append(report.open().size()).append(" open");
        if (!bySeverity.isEmpty()) {
            sb.append(" (").append(String.join(", ", bySeverity)).append(')');
        }
        sb.append(", ")
                .append(waived)
                .append(" waived; ")
                .append(checked)
                .append(checked == 1 ? " article" : " articles")
                .append(" checked, ")
                .append(notApplying(report).size())
                .append(" did not apply, ")
                .append(report.failures().size())
                .append(report.failures().size() == 1 ? " check" : " checks")
                .append(" failed.");
        return sb.toString();
    }

    private static void details(
            StringBuilder sb,
            Outcome o,
            Detail detail,
            Function<ArticleId, Optional<String>> titles,
            List<String> shownAlready) {
        Finding f = o.finding();
        sb.append('\n')
                .append(f.article())
                .append(titles.apply(f.article()).map(t -> " " + t).orElse(""))
                .append("\n  on ")
                .append(String.join(
                        ", ", f.affected().stream().map(Object::toString).toList()))
                .append(" (")
                .append(f.severity().label())
                .append(", plugin ")
                .append(o.plugin())
                .append(")\n");
        if (f.scope() == Scope.ANALOGY) {
            sb.append("  by analogy: the article states this for another version or product; kbsh applies it here"
                    + " because the same cause is present\n");
        }
        for (String e : f.evidence()) {
            if (!shownAlready.contains(e)) {
                sb.append("  because ").append(e).append('\n');
            }
        }
        f.fix()
                .ifPresent(
                        fix -> sb.append("  fix level: ").append(fix.describe()).append('\n'));
        if (detail == Detail.FULL) {
            int step = 1;
            for (Action a : f.resolution()) {
                sb.append("  ").append(step++).append(". ").append(a.describe()).append('\n');
            }
        }
        if (!o.open()) {
            sb.append("  waived until ")
                    .append(o.waiver().expires())
                    .append(": ")
                    .append(o.waiver().justification())
                    .append('\n');
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
