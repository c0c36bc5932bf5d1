package io.kbsh.ini.plan;

import io.kbsh.ini.document.IniDocument;
import java.util.Objects;

/** One change to an INI file, applied to a document by {@link #applyTo}. */
public sealed interface IniEdit permits IniEdit.Set, IniEdit.Remove, IniEdit.RemoveSection {

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
