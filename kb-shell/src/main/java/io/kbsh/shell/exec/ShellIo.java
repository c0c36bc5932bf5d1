package io.kbsh.shell.exec;

import java.io.PrintWriter;
import java.util.Optional;

/** Where the shell talks to: a terminal (REPL) or plain streams (batch). */
public interface ShellIo {

    PrintWriter out();

    PrintWriter err();

    /** True when a person is at a terminal. */
    boolean interactive();

    /** Shows long text, through a pager where there is one. */
    default void page(String text) {
        out().print(text);
        out().flush();
    }

    /** Shows a listing with a header kept in view while the rest is paged; plainly, header first, by default. */
    default void page(String header, String text) {
        page(header + text);
    }

    /** Prints {@code text} unwrapped and uncoloured (control characters are still escaped): JSON, say. */
    default void printVerbatim(String text) {
        out().print(text);
        out().flush();
    }

    /** Reads one answer line after showing {@code prompt}; empty when no person can answer. */
    Optional<String> ask(String prompt);
}
