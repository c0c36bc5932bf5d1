package io.kbsh.shell.store;

/** Told how far an import is; called from the importing thread, often. */
@FunctionalInterface
public interface ImportProgress {
    void update(int done, int total);

    ImportProgress NONE = (done, total) -> { };
}
