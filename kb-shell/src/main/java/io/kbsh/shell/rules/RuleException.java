package io.kbsh.shell.rules;

import io.kbsh.shell.json.LocatedInputException;

/**
 * A rule file (or pack manifest) kbsh cannot use, in one line: {@code FILE:LINE:COLUMN: rule QNNNNNN:
 * FIELD: problem}. Line and column are 1-based, 0 when unknown; the rule is empty until its article is known.
 */
public final class RuleException extends LocatedInputException {

    private static final long serialVersionUID = 1L;

    private final String rule;

    public RuleException(String source, int line, int column, String rule, String path, String problem) {
        super(source, line, column, rule == null || rule.isEmpty() ? "" : "rule " + rule, path, problem);
        this.rule = rule == null ? "" : rule;
    }

    /** The article of the rule, e.g. {@code Q193928}; empty when the file did not get that far. */
    public String rule() {
        return rule;
    }
}
