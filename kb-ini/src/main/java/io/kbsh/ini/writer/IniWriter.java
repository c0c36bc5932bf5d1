package io.kbsh.ini.writer;

/** Performs an article's INI fix as a plan of edits. (SPI; grows here.) */
public interface IniWriter {

    /** The writer's id, e.g. {@code q254909}. */
    String id();
}
