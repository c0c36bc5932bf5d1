package io.kbsh.model.finding;

import io.kbsh.model.env.RegistryType;
import io.kbsh.model.env.RegistryValue;
import java.util.Locale;
import java.util.Objects;

/**
 * One change of a registry hand-over ({@link Action.RegistryHandOver}): a value to set, a value to delete,
 * or a key to delete with everything under it. kbsh writes such changes into a {@code .reg} file for a
 * person to review and import with Regedit; it never changes a registry itself.
 *
 * <p>Keys are canonical as in {@link RegistryValue#canonicalKey} ({@code HKLM\} reads as
 * {@code HKEY_LOCAL_MACHINE\}). Immutable and thread-safe.
 *
 * @since 2.1
 */
public sealed interface RegistryChange
        permits RegistryChange.SetValue, RegistryChange.DeleteValue, RegistryChange.DeleteKey {

    /** The key the change is made in (or the key deleted), from its root: {@code HKEY_LOCAL_MACHINE\…}. */
    String key();

    /** One line for a person, e.g. {@code set HKEY_LOCAL_MACHINE\…\Parameters\TCP/IP port = 4000 (dword)}. */
    String describe();

    /** Sets {@code value} (its key, name, type and data); the import creates the key when it is absent. */
    static RegistryChange set(RegistryValue value) {
        return new SetValue(value);
    }

    /** Deletes the value {@code name} ({@code ""} for the key's default value) of {@code key}. */
    static RegistryChange deleteValue(String key, String name) {
        return new DeleteValue(key, name);
    }

    /** Deletes {@code key} with its sub-keys and values. */
    static RegistryChange deleteKey(String key) {
        return new DeleteKey(key);
    }

    /**
     * Sets a value.
     *
     * @param value the value to set; its provenance, if any, is ignored
     * @since 2.1
     */
    record SetValue(RegistryValue value) implements RegistryChange {
        public SetValue {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String key() {
            return value.key();
        }

        @Override
        public String describe() {
            String data = value.type() == RegistryType.MULTI_SZ
                    ? String.join(" | ", value.data())
                    : value.data().get(0);
            return "set " + value.key() + "\\" + (value.name().isEmpty() ? "(default)" : value.name()) + " = " + data
                    + " (" + value.type().name().toLowerCase(Locale.ROOT).replace('_', '-') + ")";
        }
    }

    /**
     * Deletes one value of a key.
     *
     * @param key the key, from its root
     * @param name the value's name; empty for the key's default value
     * @since 2.1
     */
    record DeleteValue(String key, String name) implements RegistryChange {
        public DeleteValue {
            Objects.requireNonNull(name, "name");
            key = checkedKey(key);
        }

        @Override
        public String describe() {
            return "delete " + key + "\\" + (name.isEmpty() ? "(default)" : name);
        }
    }

    /**
     * Deletes a key with everything under it.
     *
     * @param key the key, from its root
     * @since 2.1
     */
    record DeleteKey(String key) implements RegistryChange {
        public DeleteKey {
            key = checkedKey(key);
        }

        @Override
        public String describe() {
            return "delete the key " + key + " with everything under it";
        }
    }

    private static String checkedKey(String key) {
        Objects.requireNonNull(key, "key");
        String canonical = RegistryValue.canonicalKey(key);
        if (!canonical.startsWith("HKEY_") || !canonical.contains("\\")) {
            throw new IllegalArgumentException(
                    "a registry key starts at a root such as HKEY_LOCAL_MACHINE\\…: '" + key + "'");
        }
        return canonical;
    }
}
