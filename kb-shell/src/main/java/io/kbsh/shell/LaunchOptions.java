package io.kbsh.shell;

import io.kbsh.model.command.UsageException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The command line of {@code kbsh}:
 * {@code kbsh [--home DIR] [--plugins DIR]... [--strict] [--debug] [-c "CMD; CMD" | FILE.kbsh]}, or
 * {@code kbsh help [COMMAND [SUBCOMMAND]]}.
 *
 * <p>{@code help} as the first word that is not an option asks for help, as {@code git help} does, rather
 * than naming a script: {@code helpTopic} holds the words after it (a shell command and sub-command, or
 * none). A script that really is called {@code help} is run as {@code ./help}.
 */
public record LaunchOptions(
        Optional<Path> home,
        List<Path> pluginDirectories,
        boolean strict,
        boolean debug,
        Optional<String> commands,
        Optional<Path> script,
        Optional<String> init,
        boolean help,
        boolean version,
        boolean noColor,
        List<String> helpTopic) {

    public static final String USAGE = """
            Usage: kbsh [OPTIONS] [FILE.kbsh]
                   kbsh help [COMMAND [SUBCOMMAND]]
              -c COMMANDS      run COMMANDS (separated by ;) and exit
              --init COMMANDS  run COMMANDS first, then go on as usual (e.g. into the shell)
              FILE.kbsh        run the commands in FILE, one a line (# starts a comment), and exit
              --home DIR       use DIR instead of ~/.kbsh (also: KBSH_HOME)
              --plugins DIR    also load plugins from DIR (repeatable)
              --strict         exit with status 3 when any plugin fails to load
              --debug          log to stderr and show stack traces
              --no-color       never colour the output (also: NO_COLOR=1; colour is only ever
                               used on a terminal that has it)
              --version        print the version and exit
              --help, help     print this help and exit; help COMMAND shows the shell's help for
                               one of its commands (kbsh help check), as at the prompt
            Without -c or FILE, kbsh reads commands from standard input when it is not a terminal,
            and opens the interactive shell when it is.
            Exit status: 0 ok, 1 a command failed, 2 usage error, 3 plugin failure under --strict,
            4 findings at or above --fail-on. More in man kbsh.""";

    public LaunchOptions {
        pluginDirectories = List.copyOf(pluginDirectories);
        helpTopic = List.copyOf(helpTopic);
    }

    public static LaunchOptions parse(String[] args) throws UsageException {
        Optional<Path> home = Optional.empty();
        List<Path> plugins = new ArrayList<>();
        boolean strict = false;
        boolean debug = false;
        Optional<String> commands = Optional.empty();
        Optional<Path> script = Optional.empty();
        Optional<String> init = Optional.empty();
        boolean help = false;
        boolean version = false;
        boolean noColor = false;
        List<String> helpTopic = List.of();
        words:
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--home" -> home = Optional.of(path(a, value(args, i++)));
                case "--plugins" -> plugins.add(path(a, value(args, i++)));
                case "--strict" -> strict = true;
                case "--debug" -> debug = true;
                case "-c" -> {
                    if (commands.isPresent()) {
                        throw new UsageException("option -c given twice");
                    }
                    commands = Optional.of(value(args, i++));
                }
                case "--init" -> init = Optional.of(value(args, i++));
                case "--help", "-h" -> help = true;
                case "--version" -> version = true;
                case "--no-color", "--no-colour" -> noColor = true;
                default -> {
                    if (a.startsWith("-")) {
                        throw new UsageException("unknown option " + a + " (kbsh --help lists them)");
                    }
                    if (a.equals("help") && script.isEmpty() && commands.isEmpty()) {
                        help = true;
                        helpTopic = List.of(args).subList(i + 1, args.length);
                        break words;
                    }
                    if (script.isPresent()) {
                        throw new UsageException(
                                "only one script file may be given, got " + script.get() + " and " + a);
                    }
                    script = Optional.of(path("script", a));
                }
            }
        }
        if (commands.isPresent() && script.isPresent()) {
            throw new UsageException("give either -c or a script file, not both");
        }
        return new LaunchOptions(
                home, plugins, strict, debug, commands, script, init, help, version, noColor, helpTopic);
    }

    /** The home directory: {@code --home}, else {@code KBSH_HOME}, else {@code ~/.kbsh}. */
    public Path resolveHome(Map<String, String> environment) {
        if (home.isPresent()) {
            return home.get().toAbsolutePath().normalize();
        }
        String fromEnv = environment.get("KBSH_HOME");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv).toAbsolutePath().normalize();
        }
        return Path.of(System.getProperty("user.home"), ".kbsh");
    }

    private static String value(String[] args, int i) throws UsageException {
        if (i + 1 >= args.length) {
            throw new UsageException("option " + args[i] + " needs a value");
        }
        return args[i + 1];
    }

    private static Path path(String option, String text) throws UsageException {
        try {
            return Path.of(text);
        } catch (java.nio.file.InvalidPathException e) {
            throw new UsageException("option " + option + ": not a valid path: " + text);
        }
    }
}
