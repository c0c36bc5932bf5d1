package io.kbsh.shell.help;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kbsh.shell.Kbsh;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every built-in command: help with an example, and placeholders that agree with its usage (plugins: DistributionIT). */
class EveryCommandHelpTest {

    @TempDir
    Path dir;

    private String kbsh(String command) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = Kbsh.run(new Kbsh.Launch(
                new String[] {"--home", dir.resolve("home").toString(), "-c", command},
                new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                Map.of(),
                false,
                Optional.empty(),
                dir));
        assertEquals(0, status, command);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void everyBuiltInCommandHasHelpWithAnExample() {
        List<String> names = new ArrayList<>();
        kbsh("help").lines().skip(1).forEach(l -> names.add(l.strip().split("\\s+")[0]));
        assertTrue(names.size() >= 15, names.toString());
        for (String name : names) {
            String help = kbsh(name + " --help");
            assertTrue(help.startsWith(name + " - "), help);
            assertTrue(help.contains("\nExamples:\n  "), name + " has no example:\n" + help);
        }
    }

    @Test
    void optionPlaceholdersAgreeWithTheUsageLines() {
        Pattern option = Pattern.compile("^  (--[a-z-]+) ([A-Z][^ ]*)", Pattern.MULTILINE);
        kbsh("help").lines().skip(1).map(l -> l.strip().split("\\s+")[0]).forEach(name -> {
            String help = kbsh("help " + name);
            String usage = help.substring(
                    help.indexOf("Usage:"),
                    help.indexOf('\n', help.indexOf("Usage:") + 7) < 0
                            ? help.length()
                            : help.contains("Options:") ? help.indexOf("Options:") : help.length());
            Matcher m = option.matcher(help.substring(Math.max(0, help.indexOf("Options:"))));
            while (m.find()) {
                String spelled = m.group(1);
                if (usage.contains(spelled + " ") || usage.contains(spelled + "=")) {
                    assertTrue(
                            usage.contains(spelled + " " + m.group(2)) || usage.contains(spelled + "=" + m.group(2)),
                            name + ": help writes " + spelled + " " + m.group(2) + " but the usage says otherwise:\n"
                                    + usage);
                }
            }
        });
    }

    @Test
    void aPlaceholderIsTheValueAloneWithoutTheUsageLinesBracketsOrEllipsis() {
        // "[--answer STEP=yes|no]..." in a usage line is the option --answer STEP=yes|no, repeatable.
        Pattern option = Pattern.compile("^  (--[a-z-]+) ([A-Z][^ ]*)", Pattern.MULTILINE);
        int seen = 0;
        for (String line : kbsh("help").lines().skip(1).toList()) {
            String name = line.strip().split("\\s+")[0];
            String help = kbsh("help " + name);
            Matcher m = option.matcher(help.substring(Math.max(0, help.indexOf("Options:"))));
            while (m.find()) {
                String placeholder = m.group(2);
                long open = placeholder.chars().filter(c -> c == '[').count();
                long close = placeholder.chars().filter(c -> c == ']').count();
                assertTrue(
                        open == close && !placeholder.endsWith("..."),
                        name + ": " + m.group(1) + " shows '" + placeholder + "':\n" + help);
                seen++;
            }
        }
        assertTrue(seen > 20, "placeholders looked at: " + seen);
    }

    @Test
    void everyValueOptionOfABuiltInCommandShowsAPlaceholder() {
        for (String line : kbsh("help").lines().skip(1).toList()) {
            String name = line.strip().split("\\s+")[0];
            String help = kbsh("help " + name);
            assertFalse(
                    help.matches("(?s).*\\n  --[a-z-]+ [A-Z]+_[A-Z_]+ .*"),
                    name + " shows a made-up placeholder:\n" + help);
        }
    }
}
