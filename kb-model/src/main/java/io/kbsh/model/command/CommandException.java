package io.kbsh.model.command;

/**
 * A command failed for a reason one line can say; the shell prints the message (without a stack trace
 * unless {@code --debug}) and the exit status becomes {@link ExitStatus#FAILED}.
 *
 * @since 2.0
 */
public class CommandException extends Exception {

    private static final long serialVersionUID = 1L;

    public CommandException(String message) {
        super(message);
    }

    public CommandException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The exit status this failure maps to. */
    public int exitStatus() {
        return ExitStatus.FAILED;
    }
}
