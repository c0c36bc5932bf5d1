package io.kbsh.shell.collect;

import java.util.Locale;

/**
 * The order of day, month and year in an export's dates, which follows the regional settings of the
 * machine that saved it: {@code 3/15/1999} (United States), {@code 15/03/1999} or {@code 15.03.1999}
 * (most of Europe), {@code 1999-03-15} or {@code 1999/03/15} (ISO, Sweden, Japan).
 */
public enum DateOrder {
    /** Decide per file: a first number above 12 means day first, a second above 12 month first; a year of
     *  four digits first means year first; a file whose every date fits both reads month first. */
    AUTO,
    MDY,
    DMY,
    YMD;

    /** Parses {@code auto}, {@code mdy}, {@code dmy} or {@code ymd}, case-insensitively. */
    public static DateOrder parse(String text) {
        try {
            return valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is no date order: auto, mdy, dmy or ymd");
        }
    }
}
