package io.kbsh.ini.plan;

import io.kbsh.ini.document.IniDocument;
import java.util.Objects;

/**
 * One change to an INI file, applied to a document by {@link #applyTo}.
 *
 * @since 2.0
 */
public sealed interface IniEdit permits IniEdit.Set, IniEdit.SetExactly, IniEdit.Remove, IniEdit.RemoveSection {

    /** The document with this edit made; the same document when there is nothing to change. */
    IniDocument applyTo(IniDocument document);

    /** One line for people, e.g. {@code set [EMSMTA] Disable=1}. */
    String describe();

    /** Sets a key's value, adding the key or its section when missing ({@link IniDocument#set}). */
    record Set(String section, String key, String value) implements IniEdit {
        public Set {
            Objects.requireNonNull(section, "section");
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
        }

        @Override
        public IniDocument applyTo(IniDocument document) {
            return document.set(section, key, value);
        }

        @Override
        public String describe() {
            return "set [" + section + "] " + key + "=" + value;
        }
    }

    /**
     * Sets a key's value written exactly as given, without kbsh's protective quoting
     * ({@link IniDocument#setExactly}): for code ported from Windows that quotes values itself.
     *
     * @since 2.1
     */
    record SetExactly(String section, String key, String value) implements IniEdit {
        public SetExactly {
            Objects.requireNonNull(section, "section");
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
        }

        @Override
        public IniDocument applyTo(IniDocument document) {
            return document.setExactly(section, key, value);
        }

        @Override
        public String describe() {
            return "set [" + section + "] " + key + "=" + value + " (exactly as given)";
        }
    }

    /** Removes a key ({@link IniDocument#remove}). */
    record Remove(String section, String key) implements IniEdit {
        public Remove {
            Objects.requireNonNull(section, "section");
            Objects.requireNonNull(key, "key");
        }

        @Override
        public IniDocument applyTo(IniDocument document) {
            return document.remove(section, key);
        }

        @Override
        public String describe() {
            return "remove [" + section + "] " + key;
        }
    }

    /** Removes a section, keeping its comment lines ({@link IniDocument#removeSection}). */
    record RemoveSection(String section) implements IniEdit {
        public RemoveSection {
            Objects.requireNonNull(section, "section");
        }

        @Override
        public IniDocument applyTo(IniDocument document) {
            return document.removeSection(section);
        }

        @Override
        public String describe() {
            return "remove section [" + section + "]";
        }
    }
}
