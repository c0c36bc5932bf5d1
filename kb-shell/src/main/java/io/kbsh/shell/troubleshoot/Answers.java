package io.kbsh.shell.troubleshoot;

import io.kbsh.model.command.CommandException;
import io.kbsh.model.internal.DataFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Answers given in advance: {@code --answer STEP=yes} and {@code --param NAME=VALUE} on the command line,
 * or an answers file of {@code NAME = VALUE} lines ({@code #} starts a comment) naming steps and inputs.
 * Each answer remembers where it was given, for the transcript and for errors.
 */
final class Answers {

    /** An answers file is a few lines; anything near this is not one. */
    static final long MAX_BYTES = 1L << 20;

    /** One answer and where it was given ({@code answers.txt:3}, {@code --answer}). */
    record Given(String value, String where) {}

    private final Map<String, Given> byName = new LinkedHashMap<>();

    static Answers none() {
        return new Answers();
    }

    void put(String name, String value, String where) {
        byName.put(name.toLowerCase(Locale.ROOT), new Given(value, where));
    }

    Optional<Given> get(String name) {
        return Optional.ofNullable(byName.get(name.toLowerCase(Locale.ROOT)));
    }

    /** Names given that the procedure has no step or input for: most likely a typo, refused before anything runs. */
    List<Map.Entry<String, Given>> unknown(Procedure procedure) {
        return byName.entrySet().stream()
                .filter(e -> !procedure.steps().containsKey(e.getKey())
                        && procedure.inputs().stream().noneMatch(i -> i.name().equals(e.getKey())))
                .toList();
    }

    /** Reads an answers file; a line that is not {@code NAME = VALUE} is an error naming its line. */
    void read(Path file, String shown) throws CommandException {
        String text;
        try {
            text = new String(DataFiles.read(file, MAX_BYTES, "an answers file"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CommandException(shown + ": " + e.getMessage());
        }
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1).strip();
            }
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new CommandException(
                        shown + ":" + (i + 1) + ": expected NAME = VALUE (a step or an input), got '" + line + "'");
            }
            put(line.substring(0, eq).strip(), line.substring(eq + 1).strip(), shown + ":" + (i + 1));
        }
    }
}
