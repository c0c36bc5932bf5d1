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
record ShellRun(int status, String out, String err) {

    /**
     * Runs {@code commands} with {@code dir} as working directory (home in {@code dir/home}); with an
     * {@code installation}, the plugins in its {@code plugins} directory are loaded as the packaged kbsh loads them.
     */
    static ShellRun of(Path dir, Optional<Path> installation, String commands) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Kbsh.run(new Kbsh.Launch(new String[] {"--home", dir.resolve("home").toString(), "-c", commands},
                new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), false, installation, dir));
        return new ShellRun(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
