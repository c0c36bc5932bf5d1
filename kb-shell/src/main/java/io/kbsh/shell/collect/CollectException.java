package io.kbsh.shell.collect;

import java.io.IOException;
import java.nio.file.Path;

/** A collected file kbsh cannot read, with the file and line: one line for the person who collected it. */
public final class CollectException extends IOException {

    private static final long serialVersionUID = 1L;

    public CollectException(Path file, int line, String message) {
        super(file + (line > 0 ? ":" + line : "") + ": " + message);
    }
}
