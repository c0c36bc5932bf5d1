package io.kbsh.ini.document;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff between a document and one derived from it by edits. Lines are matched by where they
 * came from rather than by text, so the diff is exact and linear in the size of the file.
 */
public final class IniDiff {

    private static final int CONTEXT = 3;

    private IniDiff() {
    }

    private record Op(char kind, String text, LineEnding ending) {
    }

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
        List<Op> ops = operations(before, after);
        StringBuilder out = new StringBuilder();
        out.append("--- ").append(fromLabel).append('\n').append("+++ ").append(toLabel).append('\n');
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
        // A replaced line shows as '-' then '+'; group runs so that all removals precede all additions.
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
        out.append("@@ -").append(range(oldStart, oldCount)).append(" +").append(range(newStart, newCount))
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
