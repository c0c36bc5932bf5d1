package io.kbsh.shell.exec;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.Optional;

/**
 * Reads the lines of a script or of standard input, which may be a pipe that never ends a line: a line
 * longer than the limit is refused as soon as the limit is passed, so an endless line costs a fixed amount
 * of memory, never an OutOfMemoryError. Lines end at LF, CR or CRLF, as {@link BufferedReader#readLine}.
 */
public final class BoundedLines {

    private BoundedLines() {}

    /** A line longer than the limit. */
    public static final class LineTooLongException extends IOException {
        private static final long serialVersionUID = 1L;

        LineTooLongException(int limit) {
            super("line longer than " + limit + " characters");
        }
    }

    /** The next line without its end, or empty at the end of input. */
    public static Optional<String> next(BufferedReader reader, int limit) throws IOException {
        StringBuilder line = new StringBuilder();
        int c = reader.read();
        if (c < 0) {
            return Optional.empty();
        }
        while (c >= 0 && c != '\n' && c != '\r') {
            if (line.length() == limit) {
                throw new LineTooLongException(limit);
            }
            line.append((char) c);
            c = reader.read();
        }
        if (c == '\r') {
            reader.mark(1);
            if (reader.read() != '\n') {
                reader.reset();
            }
        }
        return Optional.of(line.toString());
    }
}
