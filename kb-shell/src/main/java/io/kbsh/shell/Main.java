package io.kbsh.shell;

import io.kbsh.shell.plugin.ExitGuard;
import java.nio.file.Path;
import java.util.Optional;

/** Entry point of {@code kbsh}; {@code bin/kbsh} passes the installation directory as {@code -Dkbsh.install}. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        // First: from here on, an exit that kbsh did not ask for is reported, never silent.
        ExitGuard.install();
        String install = System.getProperty("kbsh.install");
        int status = Kbsh.run(new Kbsh.Launch(
                args,
                System.in,
                System.out,
                System.err,
                System.getenv(),
                System.console() != null,
                install == null || install.isBlank() ? Optional.empty() : Optional.of(Path.of(install)),
                Path.of("").toAbsolutePath()));
        System.out.flush();
        ExitGuard.exit(status);
    }
}
