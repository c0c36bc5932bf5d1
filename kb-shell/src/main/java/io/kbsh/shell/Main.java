package io.kbsh.shell;

import java.nio.file.Path;
import java.util.Optional;

/** Entry point of {@code kbsh}; {@code bin/kbsh} passes the installation directory as {@code -Dkbsh.install}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        String install = System.getProperty("kbsh.install");
        int status = Kbsh.run(new Kbsh.Launch(args, System.in, System.out, System.err, System.getenv(),
                System.console() != null,
                install == null || install.isBlank() ? Optional.empty() : Optional.of(Path.of(install)),
                Path.of("").toAbsolutePath()));
        System.out.flush();
        System.exit(status);
    }
}
