package io.kbsh.model.command;

/**
 * The exit statuses of kbsh in batch mode. When several apply, the first in the order
 * {@link #USAGE}, {@link #PLUGIN_FAILED}, {@link #FAILED}, {@link #FINDINGS} wins.
 *
 * @since 2.0
 */
public final class ExitStatus {
    /** Everything worked. */
    public static final int OK = 0;
    /** A command failed. */
    public static final int FAILED = 1;
    /** A command line or command was used wrongly. */
    public static final int USAGE = 2;
    /** A plugin failed to load and {@code --strict} was given. */
    public static final int PLUGIN_FAILED = 3;
    /** Findings at or above {@code --fail-on} exist. */
    public static final int FINDINGS = 4;

    private static final int[] PRECEDENCE = {USAGE, PLUGIN_FAILED, FAILED, FINDINGS};

    private ExitStatus() {}

    /** Combines two statuses: the one that comes first in the precedence order wins; OK loses to any. */
    public static int combine(int a, int b) {
        for (int status : PRECEDENCE) {
            if (a == status || b == status) {
                return status;
            }
        }
        return a != OK ? a : b;
    }
}
