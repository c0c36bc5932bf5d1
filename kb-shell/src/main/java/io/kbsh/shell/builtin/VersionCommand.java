package io.kbsh.shell.builtin;

import io.kbsh.model.command.CommandContext;
import io.kbsh.model.command.ExitStatus;
import io.kbsh.model.command.ShellCommand;
import io.kbsh.model.command.UsageException;
import io.kbsh.model.plugin.ApiVersion;
import java.util.List;

/** {@code version}: kbsh's own version, the API version plugins are checked against, and the Java runtime. */
public final class VersionCommand implements ShellCommand {

    @Override
    public String name() {
        return "version";
    }

    @Override
    public String description() {
        return "show the kbsh, API and Java versions";
    }

    @Override
    public List<String> examples() {
        return List.of("version");
    }

    @Override
    public String usage() {
        return "version";
    }

    @Override
    public int run(CommandContext context, List<String> arguments) throws UsageException {
        if (!arguments.isEmpty()) {
            throw new UsageException("version takes no arguments");
        }
        context.out()
                .println("kbsh " + kbshVersion() + " (API " + ApiVersion.current() + ", Java " + Runtime.version()
                        + ")");
        return ExitStatus.OK;
    }

    /** The Implementation-Version of the kb-shell JAR, or {@code dev} when run from classes. */
    public static String kbshVersion() {
        Package p = VersionCommand.class.getPackage();
        String v = p == null ? null : p.getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
