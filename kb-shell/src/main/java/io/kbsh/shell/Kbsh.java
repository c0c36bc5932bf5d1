package io.kbsh.shell;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Stage;
import io.kbsh.model.command.ExitStatus;
import io.kbsh.model.command.UsageException;
import io.kbsh.model.internal.Limits;
import io.kbsh.model.plugin.ApiVersion;
import io.kbsh.rules.ArticleCheck;
import io.kbsh.shell.builtin.VersionCommand;
import io.kbsh.shell.check.CheckSession;
import io.kbsh.shell.check.ExampleSite;
import io.kbsh.shell.check.ShellSession;
import io.kbsh.shell.exec.BoundedLines;
import io.kbsh.shell.exec.CommandExecutor;
import io.kbsh.shell.exec.CommandRegistry;
import io.kbsh.shell.exec.ExitRequest;
import io.kbsh.shell.exec.ShellContext;
import io.kbsh.shell.exec.ShellIo;
import io.kbsh.shell.exec.StreamIo;
import io.kbsh.shell.output.Screen;
import io.kbsh.shell.plugin.Contribution;
import io.kbsh.shell.plugin.Contributions;
import io.kbsh.shell.plugin.PluginFailure;
import io.kbsh.shell.plugin.PluginLoader;
import io.kbsh.shell.plugin.PluginSet;
import io.kbsh.shell.repl.CompletionSources;
import io.kbsh.shell.repl.Repl;
import io.kbsh.shell.rules.pack.RulePack;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One run of kbsh: reads the launch options, loads the plugins, wires the shell and runs the commands
 * (from {@code -c}, a script, piped standard input, or the interactive REPL). Returns the exit status.
 */
public final class Kbsh {

    /** Where kbsh runs: streams, environment, whether standard input is a terminal, the installation. */
    public record Launch(
            String[] args,
            InputStream in,
            PrintStream out,
            PrintStream err,
            Map<String, String> environment,
            boolean terminal,
            Optional<Path> installation,
            Path workingDirectory) {}

    private Kbsh() {}

    public static int run(Launch launch) {
        LaunchOptions options;
        try {
            options = LaunchOptions.parse(launch.args());
        } catch (UsageException e) {
            launch.err().println("kbsh: " + e.getMessage());
            return ExitStatus.USAGE;
        }
        Logging.configure(options.debug());
        if (options.help() && options.helpTopic().isEmpty()) {
            launch.out().println(LaunchOptions.USAGE);
            return ExitStatus.OK;
        }
        if (options.version()) {
            launch.out().println("kbsh " + VersionCommand.kbshVersion() + " (API " + ApiVersion.current() + ")");
            return ExitStatus.OK;
        }
        Path home = options.resolveHome(launch.environment());

        List<Path> pluginDirectories = pluginDirectories(launch, options, home);
        for (Path explicit : pluginDirectories.subList(
                pluginDirectories.size() - options.pluginDirectories().size(), pluginDirectories.size())) {
            if (!Files.isDirectory(explicit)) {
                launch.err().println("kbsh: option --plugins: not a directory: " + explicit);
                return ExitStatus.USAGE;
            }
        }
        PluginSet plugins = new PluginLoader(ApiVersion.current())
                .withRuleCache(io.kbsh.shell.rules.pack.RuleCache.at(
                        home.resolve("cache").resolve("rules-validated.bin")))
                .load(pluginDirectories);
        ShellResources resources = new ShellResources();
        try {
            return run(launch, options, home, plugins, resources);
        } finally {
            resources.closeAll();
        }
    }

    private static int run(
            Launch launch, LaunchOptions options, Path home, PluginSet plugins, ShellResources resources) {
        Injector injector = Guice.createInjector(Stage.DEVELOPMENT, new ShellModule(plugins, home, resources));
        CommandRegistry registry = injector.getInstance(CommandRegistry.class);
        List<PluginFailure> failures = plugins.failures();
        for (PluginFailure f : failures) {
            launch.err().println("kbsh: plugin not loaded: " + f.describe());
            if (options.debug()) {
                f.cause().ifPresent(cause -> cause.printStackTrace(launch.err()));
            }
        }
        // Not a failure (the article is checked, by the first loaded), but said at every start, and --strict,
        // which promises that every plugin works as shipped, counts it.
        List<String> overlaps = plugins.overlaps();
        overlaps.forEach(o -> launch.err().println("kbsh: " + o));
        int pluginStatus = options.strict() && !(failures.isEmpty() && overlaps.isEmpty())
                ? ExitStatus.PLUGIN_FAILED
                : ExitStatus.OK;

        boolean batch = options.help()
                || options.commands().isPresent()
                || options.script().isPresent()
                || !launch.terminal();
        CheckSession session = injector.getInstance(CheckSession.class);
        // The checkout's ./kbsh names the examples/ it was built from: fixes on those must not edit files git tracks.
        List<Path> sourceExamples = Optional.ofNullable(launch.environment().get("KBSH_SOURCE_EXAMPLES"))
                .filter(v -> !v.isBlank())
                .map(Path::of)
                .stream()
                .toList();
        ExampleSite example =
                new ExampleSite(launch.installation().map(dir -> dir.resolve("examples")), sourceExamples, home);
        session.useExample(example);
        if (!batch) {
            // A person takes seconds to type the first command: the rules validated before compile meanwhile.
            RulePack.compileInBackground(plugins.rulePacks());
            return ExitStatus.combine(
                    pluginStatus,
                    Repl.run(
                            registry,
                            home,
                            options.init(),
                            io -> context(io, home, launch, options, injector),
                            Screen.colourWanted(launch.environment(), options.noColor(), true),
                            (executor, out) -> openOnTheExample(session, example, executor, out),
                            completionSources(session, injector.getInstance(Contributions.class))));
        }
        Charset charset = Charset.defaultCharset();
        ShellIo io = new StreamIo(launch.out(), launch.err(), charset);
        CommandExecutor executor = new CommandExecutor(registry, context(io, home, launch, options, injector));
        return ExitStatus.combine(pluginStatus, runBatch(launch, options, executor, io));
    }

    /** Tab completion reads the session's objects and the loaded checks as they are at each Tab. */
    private static CompletionSources completionSources(CheckSession session, Contributions contributions) {
        return new CompletionSources(
                session::objectNames,
                () -> contributions.of(ArticleCheck.class).stream()
                        .map(Contribution::instance)
                        .toList());
    }

    /**
     * An interactive shell with no environment opens on the example site (its scratch copy in the home),
     * and says so; batch mode never loads it unasked.
     */
    private static void openOnTheExample(
            CheckSession session, ExampleSite example, CommandExecutor executor, PrintWriter out) {
        if (session.environment().isPresent()) {
            return;
        }
        Optional<Path> site;
        try {
            site = example.scratchSite();
        } catch (java.io.UncheckedIOException e) {
            out.println("kbsh: " + e.getMessage());
            return;
        }
        site.ifPresent(file -> {
            out.println("kbsh: no environment given: opening on the example site, a scratch copy in "
                    + example.scratchDirectory() + " (fixes change only that copy; env load FILE loads yours)");
            executor.execute("env load '" + file + "'");
        });
    }

    private static ShellContext context(
            ShellIo io, Path home, Launch launch, LaunchOptions options, Injector injector) {
        return new ShellContext(
                io, home, launch.workingDirectory(), options.debug(), injector.getInstance(ShellSession.class));
    }

    private static List<Path> pluginDirectories(Launch launch, LaunchOptions options, Path home) {
        List<Path> directories = new ArrayList<>();
        launch.installation().ifPresent(dir -> directories.add(dir.resolve("plugins")));
        directories.add(home.resolve("plugins"));
        for (Path p : options.pluginDirectories()) {
            directories.add(launch.workingDirectory().resolve(p).normalize());
        }
        return directories;
    }

    /** {@code help} and the topic's words, each quoted so that the shell reads them back as they were given. */
    static String helpLine(List<String> topic) {
        StringBuilder line = new StringBuilder("help");
        for (String word : topic) {
            char quote = word.indexOf('\'') < 0 ? '\'' : '"';
            line.append(' ').append(quote).append(word).append(quote);
        }
        return line.toString();
    }

    private static int runBatch(Launch launch, LaunchOptions options, CommandExecutor executor, ShellIo io) {
        int status = ExitStatus.OK;
        try {
            if (options.init().isPresent()) {
                status = executor.execute(options.init().get());
            }
            if (options.help()) {
                // kbsh help COMMAND [SUB]: the shell's own help, with the plugins' commands loaded.
                return ExitStatus.combine(status, executor.execute(helpLine(options.helpTopic())));
            }
            if (options.commands().isPresent()) {
                return ExitStatus.combine(
                        status, executor.execute(options.commands().get()));
            }
            String source = options.script().map(Path::toString).orElse("<stdin>");
            try (BufferedReader reader = options.script().isPresent()
                    ? Files.newBufferedReader(
                            launch.workingDirectory().resolve(options.script().get()), StandardCharsets.UTF_8)
                    : new BufferedReader(new InputStreamReader(launch.in(), Charset.defaultCharset()))) {
                int number = 0;
                while (true) {
                    number++;
                    String line;
                    try {
                        Optional<String> next = BoundedLines.next(reader, Limits.LINE_CHARS);
                        if (next.isEmpty()) {
                            break;
                        }
                        line = next.get();
                    } catch (BoundedLines.LineTooLongException e) {
                        io.err()
                                .println("kbsh: " + source + ":" + number + ": " + e.getMessage()
                                        + " (the limit for a command line); stopped there");
                        return ExitStatus.USAGE;
                    }
                    if (number == 1 && line.startsWith("\uFEFF")) {
                        // A byte order mark (Notepad writes one) is not part of the first command.
                        line = line.substring(1);
                    }
                    if (line.isBlank()) {
                        continue;
                    }
                    status = ExitStatus.combine(status, executor.execute(line, source + ":" + number));
                }
            } catch (NoSuchFileException e) {
                io.err().println("kbsh: script not found: " + e.getFile());
                return ExitStatus.USAGE;
            } catch (MalformedInputException e) {
                io.err().println("kbsh: " + source + ": not UTF-8 text");
                return ExitStatus.USAGE;
            } catch (IOException e) {
                io.err().println("kbsh: cannot read " + source + ": " + e.getMessage());
                return ExitStatus.FAILED;
            }
            return status;
        } catch (ExitRequest exit) {
            return exit.status() == 0 ? status : exit.status();
        } finally {
            io.out().flush();
            io.err().flush();
        }
    }
}
