package io.kbsh.shell.output;

import java.util.Map;
import java.util.function.IntSupplier;

/**
 * What the output layer knows of where text goes: the width to wrap at (asked at every line, so a resized
 * terminal is followed; 0 means no limit, as for a pipe) and whether to colour.
 */
public record Screen(IntSupplier width, boolean colour) {

    /** A pipe or file: no wrapping, no colour; control characters are still escaped. */
    public static Screen plain() {
        return new Screen(() -> 0, false);
    }

    /**
     * Whether colour is wanted, by the conventions of {@code NO_COLOR} (set and not empty: no colour),
     * {@code --no-color} and the terminal's own capability.
     */
    public static boolean colourWanted(
            Map<String, String> environment, boolean noColorOption, boolean terminalCanColour) {
        String noColor = environment.get("NO_COLOR");
        return terminalCanColour && !noColorOption && (noColor == null || noColor.isEmpty());
    }
}
