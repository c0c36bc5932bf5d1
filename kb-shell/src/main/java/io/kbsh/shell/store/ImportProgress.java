package io.kbsh.shell.store;

/** Told how far an import is; called from the importing thread, often. */
@FunctionalInterface
public interface ImportProgress {

    /** The steps after the files are parsed, in the order an import takes them. */
    enum Stage {
        FIX_LISTS("fix lists"),
        INDEXING("indexing"),
        SWAPPING("swapping in the new index");

        private final String label;

        Stage(String label) {
            this.label = label;
        }

        /** What a person reads on the progress line. */
        public String label() {
            return label;
        }
    }

    /** {@code done} of {@code total} archive files parsed. */
    void update(int done, int total);

    /** The import has moved on to {@code stage} (all files are parsed). */
    default void stage(Stage stage) {}

    ImportProgress NONE = (done, total) -> {};
}
