package io.kbsh.shell.output;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides the colours of output lines, in one place for every command (plugins' too): severities and
 * statuses where they stand as a table cell (alone between column gaps, so a sentence that says "error"
 * is left alone), unified diffs (from their {@code ---}/{@code +++} header to the first line that is no
 * diff line) and the headings of help. Stateful across the lines of one stream, for the diffs.
 */
final class Highlighter {

    private static final Map<String, Style> CELLS = Map.ofEntries(
            Map.entry("critical", Style.CRITICAL),
            Map.entry("error", Style.ERROR),
            Map.entry("warning", Style.WARNING),
            Map.entry("info", Style.INFO),
            Map.entry("open", Style.WARNING),
            Map.entry("open (waiver expired)", Style.WARNING),
            Map.entry("waived", Style.GOOD),
            Map.entry("fixed", Style.GOOD),
            Map.entry("ok", Style.GOOD),
            Map.entry("passed", Style.GOOD),
            Map.entry("refused", Style.ERROR),
            Map.entry("failed", Style.ERROR),
            Map.entry("timeout", Style.ERROR),
            Map.entry("timed out", Style.ERROR),
            Map.entry("unreachable", Style.ERROR),
            Map.entry("dns error", Style.ERROR),
            Map.entry("cancelled", Style.WARNING));
    /** A cell: at the start of the line or after a gap of two spaces, up to the next gap or the end. */
    private static final Pattern CELL =
            Pattern.compile("(?:(?<=^)|(?<= {2}))(\\S+(?: \\S+)?(?: \\(waiver expired\\))?)(?= {2}|$)");

    private static final Pattern HEADING =
            Pattern.compile("^(?:[A-Z][A-Za-z ]{0,30}:|[A-Z][A-Z0-9_]+(?: {2,}[A-Z][A-Z0-9_]+)+ *)$");

    private enum Diff {
        NONE,
        HEADER,
        BODY
    }

    private Diff diff = Diff.NONE;

    /** {@code line} (escaped, without its newline) with style marks added. */
    String highlight(String line) {
        String diffLine = diffLine(line);
        if (diffLine != null) {
            return diffLine;
        }
        if (HEADING.matcher(line).matches()) {
            return Style.HEADING.apply(line);
        }
        return cells(line);
    }

    private String diffLine(String line) {
        if (line.startsWith("--- ") && diff != Diff.BODY) {
            diff = Diff.HEADER;
            return Style.HEADING.apply(line);
        }
        if (diff == Diff.HEADER) {
            if (line.startsWith("+++ ")) {
                diff = Diff.BODY;
                return Style.HEADING.apply(line);
            }
            diff = Diff.NONE;
            return null;
        }
        if (diff == Diff.BODY) {
            if (line.startsWith("@@")) {
                return Style.HUNK.apply(line);
            }
            if (line.startsWith("+")) {
                return Style.ADDED.apply(line);
            }
            if (line.startsWith("-")) {
                return Style.REMOVED.apply(line);
            }
            if (line.startsWith(" ") || line.startsWith("\\")) {
                return line;
            }
            diff = Diff.NONE;
        }
        return null;
    }

    private static String cells(String line) {
        if (!line.contains("  ") && line.indexOf(' ') >= 0) {
            // Not a table row: a sentence or a single cell-like word at most.
            return line;
        }
        Matcher m = CELL.matcher(line);
        StringBuilder sb = null;
        int last = 0;
        while (m.find()) {
            Style style = CELLS.get(m.group(1).toLowerCase(Locale.ROOT).replace('_', ' '));
            if (style == null) {
                continue;
            }
            if (sb == null) {
                sb = new StringBuilder(line.length() + 8);
            }
            sb.append(line, last, m.start(1)).append(style.apply(m.group(1)));
            last = m.end(1);
        }
        return sb == null ? line : sb.append(line, last, line.length()).toString();
    }
}
