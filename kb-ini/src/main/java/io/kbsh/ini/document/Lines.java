package io.kbsh.ini.document;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * An immutable list of lines kept in chunks of a few thousand. Big files then need no huge reference
 * arrays (which garbage collectors such as G1 treat as expensive "humongous" objects), and an edit
 * copies one chunk instead of the whole list.
 */
final class Lines implements Iterable<Line> {

    static final int CHUNK = 4096;
    static final Lines EMPTY = new Lines(new Line[0][], new int[] {0});

    private final Line[][] chunks;
    /** {@code starts[c]} is the index of the first line of chunk {@code c}; one extra entry holds the size. */
    private final int[] starts;

    private Lines(Line[][] chunks, int[] starts) {
        this.chunks = chunks;
        this.starts = starts;
    }

    private static Lines of(Line[][] chunks) {
        int[] starts = new int[chunks.length + 1];
        for (int c = 0; c < chunks.length; c++) {
            starts[c + 1] = starts[c] + chunks[c].length;
        }
        return new Lines(chunks, starts);
    }

    int size() {
        return starts[chunks.length];
    }

    Line get(int index) {
        int c = chunkOf(index);
        return chunks[c][index - starts[c]];
    }

    private int chunkOf(int index) {
        Objects.checkIndex(index, size());
        int c = Arrays.binarySearch(starts, 0, chunks.length, index);
        return c >= 0 ? c : -c - 2;
    }

    /** The first index at or after {@code from} whose line matches, or -1. */
    int indexOf(int from, Predicate<Line> test) {
        if (from >= size()) {
            return -1;
        }
        for (int c = chunkOf(from); c < chunks.length; c++) {
            Line[] chunk = chunks[c];
            for (int i = Math.max(0, from - starts[c]); i < chunk.length; i++) {
                if (test.test(chunk[i])) {
                    return starts[c] + i;
                }
            }
        }
        return -1;
    }

    /** This list with line {@code index} replaced. */
    Lines with(int index, Line line) {
        int c = chunkOf(index);
        Line[][] copy = chunks.clone();
        copy[c] = chunks[c].clone();
        copy[c][index - starts[c]] = line;
        return new Lines(copy, starts);
    }

    /** This list with {@code line} inserted at {@code index} ({@code size()} appends). */
    Lines insert(int index, Line line) {
        if (chunks.length == 0) {
            Objects.checkIndex(index, 1);
            return of(new Line[][] {{line}});
        }
        int c = index == size() ? chunks.length - 1 : chunkOf(index);
        Line[] chunk = chunks[c];
        int at = index - starts[c];
        Line[] grown = new Line[chunk.length + 1];
        System.arraycopy(chunk, 0, grown, 0, at);
        grown[at] = line;
        System.arraycopy(chunk, at, grown, at + 1, chunk.length - at);
        List<Line[]> copy = new ArrayList<>(Arrays.asList(chunks));
        if (grown.length > 2 * CHUNK) {
            copy.set(c, Arrays.copyOfRange(grown, 0, CHUNK));
            copy.add(c + 1, Arrays.copyOfRange(grown, CHUNK, grown.length));
        } else {
            copy.set(c, grown);
        }
        return of(copy.toArray(new Line[0][]));
    }

    /** This list without line {@code index}. */
    Lines remove(int index) {
        int c = chunkOf(index);
        Line[] chunk = chunks[c];
        int at = index - starts[c];
        List<Line[]> copy = new ArrayList<>(Arrays.asList(chunks));
        if (chunk.length == 1) {
            copy.remove(c);
        } else {
            Line[] shrunk = new Line[chunk.length - 1];
            System.arraycopy(chunk, 0, shrunk, 0, at);
            System.arraycopy(chunk, at + 1, shrunk, at, shrunk.length - at);
            copy.set(c, shrunk);
        }
        return of(copy.toArray(new Line[0][]));
    }

    /** This list without the lines in {@code [from, to)} that {@code drop} selects. */
    Lines removeIf(int from, int to, Predicate<Line> drop) {
        Builder b = new Builder();
        int i = 0;
        for (Line line : this) {
            if (i < from || i >= to || !drop.test(line)) {
                b.add(line);
            }
            i++;
        }
        return b.build();
    }

    @Override
    public Iterator<Line> iterator() {
        return new Iterator<>() {
            private int c;
            private int i;

            @Override
            public boolean hasNext() {
                return c < chunks.length;
            }

            @Override
            public Line next() {
                if (c >= chunks.length) {
                    throw new NoSuchElementException();
                }
                Line line = chunks[c][i++];
                if (i == chunks[c].length) {
                    c++;
                    i = 0;
                }
                return line;
            }
        };
    }

    /** Collects lines in order into chunks. */
    static final class Builder {
        private final List<Line[]> chunks = new ArrayList<>();
        private Line[] current = new Line[CHUNK];
        private int count;

        void add(Line line) {
            if (count == CHUNK) {
                chunks.add(current);
                current = new Line[CHUNK];
                count = 0;
            }
            current[count++] = line;
        }

        Lines build() {
            if (count > 0) {
                chunks.add(count == CHUNK ? current : Arrays.copyOf(current, count));
            }
            current = new Line[0]; // taken: a later add fails instead of changing a built list
            return of(chunks.toArray(new Line[0][]));
        }
    }
}
