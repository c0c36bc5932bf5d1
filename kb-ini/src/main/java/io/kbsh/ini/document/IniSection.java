package io.kbsh.ini.document;

import java.util.List;

/**
 * One section header of a document with the key lines under it, for listings. {@code consulted} is false
 * for a later copy of a section name: Windows only ever reads the first.
 *
 * @since 2.0
 */
public record IniSection(String name, int line, boolean consulted, List<IniEntry> entries) {

    public IniSection {
        entries = List.copyOf(entries);
    }
}
