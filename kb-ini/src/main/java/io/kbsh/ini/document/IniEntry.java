package io.kbsh.ini.document;

/**
 * One key line as Windows reads it: name and value trimmed, outer quotes removed. {@code consulted} is
 * false when Windows never returns it (a later duplicate key, or any key of a duplicate section).
 *
 * @since 2.0
 */
public record IniEntry(String key, String value, int line, boolean consulted) {}
