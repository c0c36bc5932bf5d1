package io.kbsh.model.command;

/**
 * The command was called wrongly (unknown option, missing argument); exit status {@link ExitStatus#USAGE}.
 *
 * @since 2.0
 */
public class UsageException extends CommandException {

    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }

    @Override
    public int exitStatus() {
        return ExitStatus.USAGE;
    }
}
