package io.kbsh.ini.reg;

import java.util.Objects;
import java.util.Optional;

/**
 * One line of an export that does something when imported: a key header (creating the key, or with
 * {@code -} deleting it and its sub-keys), or a value assignment under the last key header (setting a
 * value, or with {@code =-} deleting it).
 *
 * @param line the 1-based line the entry starts on
 * @param keyPath the key as written, e.g. {@code HKEY_LOCAL_MACHINE\System\CurrentControlSet}
 * @param name the value name; empty for a key header, {@code ""} for the default value ({@code @})
 * @param value the value assigned; empty for a deletion and for a key header
 * @param deletion whether the entry deletes (the key, or the value)
 * @since 2.1
 */
public record RegEntry(int line, String keyPath, Optional<String> name, Optional<RegValue> value, boolean deletion) {

    public RegEntry {
        Objects.requireNonNull(keyPath, "keyPath");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }

    /** True for a key header ({@code [KEY]} or {@code [-KEY]}). */
    public boolean isKey() {
        return name.isEmpty();
    }
}
