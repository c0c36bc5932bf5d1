package io.kbsh.shell.exec;

/** Thrown by {@code exit}/{@code quit} to end the shell (REPL or batch) with a status. */
public final class ExitRequest extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;

    public ExitRequest(int status) {
        super(null, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
