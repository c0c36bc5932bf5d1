package io.kbsh.shell.collect;

import java.util.ArrayList;
import java.util.List;

/**
 * What {@code env collect} made of each file of a collection folder: what it contributed to the environment,
 * or why it was ignored, plus notes (a collected value that contradicts the description, a guessed server
 * path). One line per item, in the order the files were read, so the report reads as the folder lists.
 *
 * @param entries each file's contribution or the reason it was ignored
 * @param notes what a person should look at in the written file
 */
public record CollectReport(List<Entry> entries, List<String> notes) {

    public CollectReport {
        entries = List.copyOf(entries);
        notes = List.copyOf(notes);
    }

    /**
     * One file (or folder) of the collection.
     *
     * @param file the path relative to the collection folder, with {@code /}
     * @param used true when the file contributed; false when it was ignored
     * @param what what it contributed, or why it was ignored
     */
    public record Entry(String file, boolean used, String what) {}

    /** The files that contributed. */
    public List<Entry> used() {
        return entries.stream().filter(Entry::used).toList();
    }

    /** The files that were ignored. */
    public List<Entry> ignored() {
        return entries.stream().filter(e -> !e.used()).toList();
    }

    /** The report for people: contributions, then what was ignored, then notes. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        for (Entry e : used()) {
            sb.append("  ").append(e.file()).append(": ").append(e.what()).append('\n');
        }
        List<Entry> ignored = ignored();
        if (!ignored.isEmpty()) {
            sb.append("Ignored:\n");
            for (Entry e : ignored) {
                sb.append("  ").append(e.file()).append(": ").append(e.what()).append('\n');
            }
        }
        for (String n : notes) {
            sb.append("note: ").append(n).append('\n');
        }
        return sb.toString();
    }

    /** Collects entries while a folder is read. */
    static final class Builder {
        private final List<Entry> entries = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();

        void used(String file, String what) {
            entries.add(new Entry(file, true, what));
        }

        void ignored(String file, String why) {
            entries.add(new Entry(file, false, why));
        }

        void note(String note) {
            notes.add(note);
        }

        CollectReport build() {
            return new CollectReport(entries, notes);
        }
    }
}
