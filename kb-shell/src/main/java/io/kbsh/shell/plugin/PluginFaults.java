package io.kbsh.shell.plugin;

import java.util.ServiceConfigurationError;

/**
 * How the shell treats a {@link Throwable} that comes out of plugin code: every one the JVM survives —
 * exceptions, {@code AssertionError}, {@code StackOverflowError}, an {@code OutOfMemoryError} from
 * allocating, linkage errors — becomes one line naming the plugin; only the virtual machine's own
 * breakdowns ({@code InternalError}, {@code UnknownError}) are let through.
 */
public final class PluginFaults {

    private PluginFaults() {}

    /** True for every throwable the shell turns into a failure line and goes on after. */
    public static boolean survivable(Throwable t) {
        return !(t instanceof VirtualMachineError) || t instanceof StackOverflowError || t instanceof OutOfMemoryError;
    }

    /**
     * The throwable and its causes in one line ({@code IllegalStateException disk on fire: IOException
     * gone}), at most about 400 characters: never a stack trace, which only {@code --debug} prints.
     */
    public static String describe(Throwable e) {
        StringBuilder sb = new StringBuilder();
        Throwable t = e;
        while (t != null && sb.length() < 400) {
            if (sb.length() > 0) {
                sb.append(": ");
            }
            String message = t.getMessage();
            sb.append(
                            t instanceof ServiceConfigurationError
                                    ? ""
                                    : t.getClass().getSimpleName() + (message == null ? "" : " "))
                    .append(message == null ? "" : message.replaceFirst("^[\\w.]+: ", ""));
            t = t.getCause() == t ? null : t.getCause();
        }
        return sb.toString();
    }
}
