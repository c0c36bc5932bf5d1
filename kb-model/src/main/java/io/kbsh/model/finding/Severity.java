package io.kbsh.model.finding;

import java.util.Locale;

/**
 * How bad a finding is, in increasing order.
 *
 * @since 2.0
 */
public enum Severity {
    INFO,
    WARNING,
    ERROR,
    CRITICAL;

    public boolean atLeast(Severity other) {
        return compareTo(other) >= 0;
    }

    /** Parses {@code info}, {@code warning}, {@code error} or {@code critical} (any case). */
    public static Severity parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a severity (info, warning, error, critical): '" + text + "'");
        }
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
