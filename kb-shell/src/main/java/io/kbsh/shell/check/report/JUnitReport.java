package io.kbsh.shell.check.report;

import io.kbsh.model.finding.Finding;
import io.kbsh.model.finding.Severity;
import io.kbsh.shell.check.run.CheckFailure;
import io.kbsh.shell.check.run.CheckReport;
import io.kbsh.shell.check.run.Outcome;
import java.util.List;

/**
 * A {@link CheckReport} as JUnit XML, so that a CI job can gate on it: one test case per finding (class =
 * article, name = affected object) failing when open and at or above the threshold, skipped when waived;
 * one passing case per article without findings; an error per check that failed.
 */
public final class JUnitReport {

    private JUnitReport() {}

    public static String write(CheckReport report, Severity threshold) {
        int tests = 0;
        int failures = 0;
        int skipped = 0;
        StringBuilder cases = new StringBuilder();
        for (String article : report.articlesChecked()) {
            List<Outcome> mine = report.outcomes().stream()
                    .filter(o -> o.finding().article().toString().equals(article))
                    .toList();
            List<CheckFailure> broken = report.failures().stream()
                    .filter(f -> f.article().toString().equals(article))
                    .toList();
            if (mine.isEmpty() && broken.isEmpty()) {
                tests++;
                cases.append("    <testcase classname=\"").append(article).append("\" name=\"no findings\"/>\n");
            }
            for (Outcome o : mine) {
                tests++;
                Finding f = o.finding();
                // Every affected object, not just the first: one server can have several findings of an
                // article (Q166604 reports each domain), and CI tools key test cases on class and name.
                cases.append("    <testcase classname=\"")
                        .append(article)
                        .append("\" name=\"")
                        .append(xml(String.join(
                                " ", f.affected().stream().map(Object::toString).toList())))
                        .append("\">\n");
                plugin(cases, o.plugin());
                if (!o.open()) {
                    skipped++;
                    cases.append("      <skipped message=\"")
                            .append(xml("waived until " + o.waiver().expires() + ": "
                                    + o.waiver().justification()))
                            .append("\"/>\n");
                } else if (f.severity().atLeast(threshold)) {
                    failures++;
                    cases.append("      <failure type=\"")
                            .append(f.severity().label())
                            .append("\" message=\"")
                            .append(xml(f.summary()))
                            .append("\">")
                            .append(xml(String.join("\n", f.evidence())))
                            .append("</failure>\n");
                } else {
                    cases.append("      <system-out>")
                            .append(xml(f.severity().label() + ": " + f.summary()))
                            .append("</system-out>\n");
                }
                cases.append("    </testcase>\n");
            }
            for (CheckFailure b : broken) {
                tests++;
                cases.append("    <testcase classname=\"").append(article).append("\" name=\"check\">\n");
                plugin(cases, b.plugin());
                cases.append("      <error type=\"")
                        .append(b.kind()
                                .name()
                                .toLowerCase(java.util.Locale.ROOT)
                                .replace('_', '-'))
                        .append("\" message=\"")
                        .append(xml(b.describe()))
                        .append("\"/>\n")
                        .append("    </testcase>\n");
            }
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<testsuites>\n"
                + "  <testsuite name=\"kbsh.checks\" tests=\"" + tests + "\" failures=\"" + failures
                + "\" errors=\"" + report.failures().size() + "\" skipped=\"" + skipped
                + "\" timestamp=\"" + report.date() + "T00:00:00\">\n"
                + cases
                + "  </testsuite>\n"
                + "</testsuites>\n";
    }

    /** Which plugin's check the case is about: a test-case property, as Jenkins and GitLab read them. */
    private static void plugin(StringBuilder cases, String plugin) {
        cases.append("      <properties><property name=\"plugin\" value=\"")
                .append(xml(plugin))
                .append("\"/></properties>\n");
    }

    static String xml(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&apos;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') {
                        sb.append('?');
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }
}
