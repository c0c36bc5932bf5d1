package io.kbsh.shell.rules;

import io.kbsh.shell.json.LocatedInputException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A rule file (or pack manifest) kbsh cannot use, in one line: {@code FILE:LINE:COLUMN: rule QNNNNNN:
 * FIELD: problem}. Line and column are 1-based, 0 when unknown; the rule is empty until its article is known.
 *
 * <p>The compiler goes on past a part of a rule that has a problem, so one exception may stand for several: the
 * first in the file, carrying the others as {@link #more()} ({@code rules lint} shows them all, a plugin failure
 * line the first and how many more).
 */
public final class RuleException extends LocatedInputException {

    private static final long serialVersionUID = 1L;

    /** Problems by where they are in the file; those without a line after the located ones. */
    private static final Comparator<RuleException> IN_FILE_ORDER = Comparator.comparingInt(
                    (RuleException e) -> e.line() > 0 ? e.line() : Integer.MAX_VALUE)
            .thenComparingInt(RuleException::column);

    private final String rule;
    private final List<RuleException> more;

    public RuleException(String source, int line, int column, String rule, String path, String problem) {
        this(source, line, column, rule, path, problem, List.of());
    }

    private RuleException(
            String source, int line, int column, String rule, String path, String problem, List<RuleException> more) {
        super(source, line, column, rule == null || rule.isEmpty() ? "" : "rule " + rule, path, problem);
        this.rule = rule == null ? "" : rule;
        this.more = List.copyOf(more);
    }

    /**
     * The first of {@code problems} (at least one, each without {@link #more()} of its own) in the file's order,
     * carrying the others.
     */
    public static RuleException first(List<RuleException> problems) {
        List<RuleException> sorted = new ArrayList<>(problems);
        sorted.sort(IN_FILE_ORDER);
        RuleException first = sorted.get(0);
        return new RuleException(
                first.source(),
                first.line(),
                first.column(),
                first.rule,
                first.fieldPath(),
                first.problem(),
                sorted.subList(1, sorted.size()));
    }

    /** The article of the rule, e.g. {@code Q193928}; empty when the file did not get that far. */
    public String rule() {
        return rule;
    }

    /** The problems the same file has after this one, in the file's order; empty when this is the only one. */
    public List<RuleException> more() {
        return more;
    }

    /** This problem and the ones after it. */
    public List<RuleException> all() {
        List<RuleException> all = new ArrayList<>(more.size() + 1);
        all.add(this);
        all.addAll(more);
        return List.copyOf(all);
    }

    /** The one line for a plugin failure: this problem, and how many more {@code rules lint} would show. */
    public String firstAndCount() {
        return more.isEmpty()
                ? getMessage()
                : getMessage() + " (and " + more.size() + " more in this file: rules lint lists them all)";
    }
}
