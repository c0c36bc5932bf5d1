package io.kbsh.shell.env;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * An unmodifiable map of text keys in the order they were put, held in two arrays and a small open-addressing
 * index: what an object of the environment file is in the rules' view. Every environment checked is turned into
 * these, one per object, and every rule reads them many times; a {@code LinkedHashMap} behind an unmodifiable
 * wrapper cost an entry object per field, a resize or two while filling, and two calls per read.
 *
 * <p>It is a plain {@link Map} otherwise: equal to any map with the same entries, null values allowed (a
 * key put twice keeps its first position and its last value, as {@code LinkedHashMap} does).
 *
 * <p>Thread safety: immutable once built; a {@link Builder} is for one thread.
 */
public final class PlainMap extends AbstractMap<String, Object> {

    private static final PlainMap EMPTY = new PlainMap(new String[0], new Object[0], new int[1]);

    private final String[] keys;
    private final Object[] values;
    /** Slot to position + 1 (0: empty); its length is a power of two at least twice the size. */
    private final int[] index;

    private PlainMap(String[] keys, Object[] values, int[] index) {
        this.keys = keys;
        this.values = values;
        this.index = index;
    }

    public static Builder builder() {
        return new Builder(8);
    }

    /** A builder for about {@code expected} keys (more are fine). */
    public static Builder builder(int expected) {
        return new Builder(expected);
    }

    private int position(Object key) {
        if (!(key instanceof String k) || keys.length == 0) {
            return -1;
        }
        int mask = index.length - 1;
        for (int slot = spread(k.hashCode()) & mask; ; slot = (slot + 1) & mask) {
            int p = index[slot];
            if (p == 0) {
                return -1;
            }
            String found = keys[p - 1];
            if (found == k || found.equals(k)) {
                return p - 1;
            }
        }
    }

    private static int spread(int h) {
        return h ^ (h >>> 16);
    }

    @Override
    public Object get(Object key) {
        int p = position(key);
        return p < 0 ? null : values[p];
    }

    @Override
    public Object getOrDefault(Object key, Object defaultValue) {
        int p = position(key);
        return p < 0 ? defaultValue : values[p];
    }

    @Override
    public boolean containsKey(Object key) {
        return position(key) >= 0;
    }

    @Override
    public int size() {
        return keys.length;
    }

    @Override
    public boolean isEmpty() {
        return keys.length == 0;
    }

    @Override
    public void forEach(BiConsumer<? super String, ? super Object> action) {
        for (int i = 0; i < keys.length; i++) {
            action.accept(keys[i], values[i]);
        }
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Object>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < keys.length;
                    }

                    @Override
                    public Entry<String, Object> next() {
                        if (next >= keys.length) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new SimpleImmutableEntry<>(keys[i], values[i]);
                    }
                };
            }

            @Override
            public int size() {
                return keys.length;
            }
        };
    }

    /** Collects keys and values in order; {@link #build} makes the map. Not thread-safe. */
    public static final class Builder {
        private String[] keys;
        private Object[] values;
        private int size;

        private Builder(int expected) {
            int n = Math.max(1, expected);
            keys = new String[n];
            values = new Object[n];
        }

        public Builder put(String key, Object value) {
            if (key == null) {
                throw new NullPointerException("a plain map's key is never null");
            }
            if (size == keys.length) {
                keys = Arrays.copyOf(keys, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            keys[size] = key;
            values[size] = value;
            size++;
            return this;
        }

        public PlainMap build() {
            if (size == 0) {
                return EMPTY;
            }
            int capacity = Integer.highestOneBit(size * 2 - 1) << 1;
            int[] index = new int[Math.max(2, capacity)];
            int mask = index.length - 1;
            String[] k = new String[size];
            Object[] v = new Object[size];
            int n = 0;
            for (int i = 0; i < size; i++) {
                String key = keys[i];
                int slot = spread(key.hashCode()) & mask;
                while (index[slot] != 0 && !k[index[slot] - 1].equals(key)) {
                    slot = (slot + 1) & mask;
                }
                if (index[slot] != 0) {
                    // Put twice: the first position, the last value.
                    v[index[slot] - 1] = values[i];
                    continue;
                }
                k[n] = key;
                v[n] = values[i];
                index[slot] = ++n;
            }
            if (n < size) {
                k = Arrays.copyOf(k, n);
                v = Arrays.copyOf(v, n);
            }
            return new PlainMap(k, v, index);
        }
    }
}
