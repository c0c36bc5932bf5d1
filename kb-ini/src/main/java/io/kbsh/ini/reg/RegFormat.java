package io.kbsh.ini.reg;

import io.kbsh.ini.document.IniEncoding;

/**
 * The two formats Regedit exports, named by their first line. The header decides how string data inside
 * {@code hex(2)} and {@code hex(7)} values is encoded; the byte order mark decides how the file's own text
 * is (a Version 5 file is UTF-16LE with a byte order mark as Regedit writes it).
 *
 * @since 2.1
 */
public enum RegFormat {
    /** Windows NT 4.0 and Windows 9x Regedit: ANSI text, ANSI strings in hex data. */
    REGEDIT4("REGEDIT4"),
    /** Windows 2000 and later Regedit: UTF-16LE text with a byte order mark, UTF-16LE strings in hex data. */
    REGEDIT5("Windows Registry Editor Version 5.00");

    private final String header;

    RegFormat(String header) {
        this.header = header;
    }

    /** The file's first line, exactly as Regedit writes it. */
    public String header() {
        return header;
    }

    /** The encoding Regedit writes this format's files in. */
    public IniEncoding fileEncoding() {
        return this == REGEDIT4 ? IniEncoding.ansi(IniEncoding.WINDOWS_1252) : IniEncoding.utf16le();
    }

    /** The encoding of strings inside {@code hex(2)}/{@code hex(7)} data of this format. */
    IniEncoding dataEncoding() {
        return fileEncoding();
    }
}
