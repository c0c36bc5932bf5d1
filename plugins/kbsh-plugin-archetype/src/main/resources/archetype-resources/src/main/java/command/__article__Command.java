#set( $command = $article.toLowerCase() )
package ${package}.command;

import ${package}.check.${article}Check;
import io.kbsh.model.command.CommandContext;
import io.kbsh.model.command.ExitStatus;
import io.kbsh.model.command.ShellCommand;
import io.kbsh.model.command.UsageException;
import java.util.List;

/**
 * The shell command {@code ${command}}: says what the plugin checks and which level fixes it. A command
 * prints through the context, reports a bad argument with {@link UsageException} (kbsh prints one line
 * and sets exit status 2) and a failure with {@code CommandException} (status 1).
 */
public final class ${article}Command implements ShellCommand {

    @Override
    public String name() {
        return "${command}";
    }

    @Override
    public String description() {
        return "what ${article} checks and which service pack fixes it";
    }

    @Override
    public String usage() {
        return "${command}";
    }

    @Override
    public int run(CommandContext context, List<String> arguments) throws UsageException {
        if (!arguments.isEmpty()) {
            throw new UsageException("${command} takes no arguments, got '" + arguments.get(0) + "'");
        }
        context.out().println(${article}Check.ID + ": ${title}");
        context.out().println("fixed in: Exchange Server " + ${article}Check.FIXED_IN);
        return ExitStatus.OK;
    }
}
