package io.kbsh.ini.document;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff between a document and one derived from it by edits. Lines are matched by where they
 * came from rather than by text, so the diff is exact and linear in the size of the file.
 *
 * @since 2.0
 */
public final class IniDiff {

    private static final int CONTEXT = 3;

    private IniDiff() {}

    private record Op(char kind, String text, LineEnding ending) {}

    /**
     * The changes from {@code before} to {@code after} as a unified diff with three lines of context,
     * headed {@code --- fromLabel} / {@code +++ toLabel}; empty when the bytes are the same. A line whose
     * only change is its ending shows as removed and re-added, marked where it had no newline.
     *
     * @throws IllegalArgumentException when {@code after} was not derived from {@code before}
     */
    public static String unified(IniDocument before, IniDocument after, String fromLabel, String toLabel) {
        if (!before.isSourceOf(after)) {
            throw new IllegalArgumentException("the second document was not derived from the first by edits");
        }
        if (before.sameBytes(after)) {
            return "";
        }
        return render(operations(before, after), fromLabel, toLabel);
    }

    /**
     * The changes between two documents that need not derive from one another (a file and an older copy of
     * it), as a unified diff like {@link #unified}: lines are matched by text and line ending (a longest
     * common subsequence; beyond a million line pairs, the lines between the common first and last ones show
     * as replaced). Empty when the bytes are the same.
     *
     * @since 2.1
     */
    public static String between(IniDocument before, IniDocument after, String fromLabel, String toLabel) {
        if (before.sameBytes(after)) {
            return "";
        }
        int n = before.lineCount();
        int m = after.lineCount();
        int head = 0;
        while (head < n && head < m && sameLine(before, head, after, head)) {
            head++;
        }
        int tail = 0;
        while (tail < n - head && tail < m - head && sameLine(before, n - 1 - tail, after, m - 1 - tail)) {
            tail++;
        }
        List<Op> ops = new ArrayList<>();
        for (int i = 0; i < head; i++) {
            ops.add(new Op(' ', before.lineText(i), before.lineEnding(i)));
        }
        int rows = n - head - tail;
        int cols = m - head - tail;
        List<Op> middle = new ArrayList<>();
        if ((long) rows * cols <= 1_000_000L) {
            // lcs[i][j]: the longest common subsequence of the middle lines from i and from j on.
            int[][] lcs = new int[rows + 1][cols + 1];
            for (int i = rows - 1; i >= 0; i--) {
                for (int j = cols - 1; j >= 0; j--) {
                    lcs[i][j] = sameLine(before, head + i, after, head + j)
                            ? lcs[i + 1][j + 1] + 1
                            : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
                }
            }
            int i = 0;
            int j = 0;
            while (i < rows || j < cols) {
                if (i < rows && j < cols && sameLine(before, head + i, after, head + j)) {
                    middle.add(new Op(' ', before.lineText(head + i), before.lineEnding(head + i)));
                    i++;
                    j++;
                } else if (j == cols || (i < rows && lcs[i + 1][j] >= lcs[i][j + 1])) {
                    middle.add(new Op('-', before.lineText(head + i), before.lineEnding(head + i)));
                    i++;
                } else {
                    middle.add(new Op('+', after.lineText(head + j), after.lineEnding(head + j)));
                    j++;
                }
            }
        } else {
            for (int i = 0; i < rows; i++) {
                middle.add(new Op('-', before.lineText(head + i), before.lineEnding(head + i)));
            }
            for (int j = 0; j < cols; j++) {
                middle.add(new Op('+', after.lineText(head + j), after.lineEnding(head + j)));
            }
        }
        ops.addAll(group(middle));
        for (int i = n - tail; i < n; i++) {
            ops.add(new Op(' ', before.lineText(i), before.lineEnding(i)));
        }
        String diff = render(ops, fromLabel, toLabel);
        // Same lines, different bytes (the encoding or byte order mark): say so rather than print no hunk.
        return diff.indexOf("@@") < 0
                ? diff + "(same lines; the encoding differs: " + before.encoding() + " -> " + after.encoding() + ")\n"
                : diff;
    }

    private static boolean sameLine(IniDocument a, int i, IniDocument b, int j) {
        return a.lineEnding(i) == b.lineEnding(j) && a.lineText(i).equals(b.lineText(j));
    }

    private static String render(List<Op> ops, String fromLabel, String toLabel) {
        StringBuilder out = new StringBuilder();
        out.append("--- ")
                .append(fromLabel)
                .append('\n')
                .append("+++ ")
                .append(toLabel)
                .append('\n');
        int i = 0;
        while (i < ops.size()) {
            if (ops.get(i).kind == ' ') {
                i++;
                continue;
            }
            int start = Math.max(0, i - CONTEXT);
            int end = i;
            while (end < ops.size()) {
                if (ops.get(end).kind != ' ') {
                    end++;
                    continue;
                }
                int run = end;
                while (run < ops.size() && ops.get(run).kind == ' ') {
                    run++;
                }
                if (run == ops.size() || run - end > 2 * CONTEXT) {
                    end = Math.min(run, end + CONTEXT);
                    break;
                }
                end = run;
            }
            appendHunk(out, ops, start, end);
            i = end;
        }
        return out.toString();
    }

    private static List<Op> operations(IniDocument before, IniDocument after) {
        List<Op> ops = new ArrayList<>();
        int next = 0;
        for (int i = 0; i < after.lineCount(); i++) {
            int origin = after.origin(i);
            if (origin >= 0) {
                for (; next < origin; next++) {
                    ops.add(new Op('-', before.lineText(next), before.lineEnding(next)));
                }
                if (after.pristine(i)) {
                    ops.add(new Op(' ', after.lineText(i), after.lineEnding(i)));
                } else {
                    ops.add(new Op('-', before.lineText(origin), before.lineEnding(origin)));
                    ops.add(new Op('+', after.lineText(i), after.lineEnding(i)));
                }
                next = origin + 1;
            } else {
                ops.add(new Op('+', after.lineText(i), after.lineEnding(i)));
            }
        }
        for (; next < before.lineCount(); next++) {
            ops.add(new Op('-', before.lineText(next), before.lineEnding(next)));
        }
        return group(ops);
    }

    /** A replaced line shows as '-' then '+'; group runs so that all removals precede all additions. */
    private static List<Op> group(List<Op> ops) {
        List<Op> grouped = new ArrayList<>(ops.size());
        int i = 0;
        while (i < ops.size()) {
            if (ops.get(i).kind == ' ') {
                grouped.add(ops.get(i++));
                continue;
            }
            int j = i;
            while (j < ops.size() && ops.get(j).kind != ' ') {
                j++;
            }
            ops.subList(i, j).stream().filter(op -> op.kind == '-').forEach(grouped::add);
            ops.subList(i, j).stream().filter(op -> op.kind == '+').forEach(grouped::add);
            i = j;
        }
        return grouped;
    }

    private static void appendHunk(StringBuilder out, List<Op> ops, int start, int end) {
        int oldStart = 1;
        int newStart = 1;
        for (int k = 0; k < start; k++) {
            oldStart += ops.get(k).kind != '+' ? 1 : 0;
            newStart += ops.get(k).kind != '-' ? 1 : 0;
        }
        int oldCount = 0;
        int newCount = 0;
        for (int k = start; k < end; k++) {
            oldCount += ops.get(k).kind != '+' ? 1 : 0;
            newCount += ops.get(k).kind != '-' ? 1 : 0;
        }
        out.append("@@ -")
                .append(range(oldStart, oldCount))
                .append(" +")
                .append(range(newStart, newCount))
                .append(" @@\n");
        for (int k = start; k < end; k++) {
            Op op = ops.get(k);
            out.append(op.kind).append(op.text).append('\n');
            if (op.ending == LineEnding.NONE) {
                out.append("\\ No newline at end of file\n");
            }
        }
    }

    private static String range(int start, int count) {
        if (count == 0) {
            return (start - 1) + ",0";
        }
        return count == 1 ? String.valueOf(start) : start + "," + count;
    }
}
