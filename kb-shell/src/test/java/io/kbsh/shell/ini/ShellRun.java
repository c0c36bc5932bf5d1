package io.kbsh.shell.ini;

import io.kbsh.shell.Kbsh;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** One batch run of the real shell ({@code kbsh -c COMMANDS}) in process: exit status and what it printed. */
public record ShellRun(int status, String out, String err) {

    /**
     * Runs {@code commands} with {@code dir} as working directory (home in {@code dir/home}); with an
     * {@code installation}, the plugins in its {@code plugins} directory are loaded as the packaged kbsh loads them.
     */
    public static ShellRun of(Path dir, Optional<Path> installation, String commands) {
        return launch(dir, installation, "--home", dir.resolve("home").toString(), "-c", commands);
    }

    /** Runs kbsh with launch options {@code args} as they are (no home is added), {@code dir} the working directory. */
    public static ShellRun launch(Path dir, Optional<Path> installation, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Kbsh.run(new Kbsh.Launch(
                args,
                new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of(),
                false,
                installation,
                dir));
        return new ShellRun(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
