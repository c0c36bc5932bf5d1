package io.kbsh.plugin.q178532.command;

import io.kbsh.model.command.CommandContext;
import io.kbsh.model.command.ExitStatus;
import io.kbsh.model.command.ShellCommand;
import io.kbsh.model.command.UsageException;
import io.kbsh.model.env.Component;
import io.kbsh.model.env.Protocol;
import java.io.PrintWriter;
import java.util.List;

/**
 * {@code exchange-ports}: the Exchange Internet protocols Q178532 publishes through Proxy Server 2.0,
 * with their plain and SSL ports and the process (and {@code Wspcfg.ini} section) that binds them.
 */
public final class ExchangePortsCommand implements ShellCommand {

    private static final List<Protocol> PUBLISHED =
            List.of(Protocol.POP3, Protocol.IMAP4, Protocol.NNTP, Protocol.LDAP);

    @Override
    public String name() {
        return "exchange-ports";
    }

    @Override
    public String description() {
        return "the Exchange protocol ports Q178532 binds through Proxy Server 2.0";
    }

    @Override
    public String usage() {
        return "exchange-ports";
    }

    @Override
    public List<String> examples() {
        return List.of("exchange-ports  the ports and Wspcfg.ini sections of every Exchange protocol");
    }

    @Override
    public int run(CommandContext context, List<String> arguments) throws UsageException {
        if (!arguments.isEmpty()) {
            throw new UsageException("exchange-ports takes no arguments");
        }
        PrintWriter out = context.out();
        out.printf("%-8s %5s %5s  %-12s %s%n", "PROTOCOL", "PORT", "SSL", "PROCESS", "WSPCFG.INI SECTION");
        for (Protocol p : PUBLISHED) {
            // The information store serves POP3, IMAP4 and NNTP; the directory serves LDAP.
            boolean store = p.servedBy() == Component.INFORMATION_STORE;
            out.printf(
                    "%-8s %5d %5d  %-12s [%s]%n",
                    p.name(),
                    p.port(false),
                    p.port(true),
                    store ? "Store.exe" : "Dsamain.exe",
                    store ? "STORE" : "DSAMAIN");
        }
        out.println("SSL ports also need ProxyBindIP=port:address (Proxy Server 2.0 SP1 and the Q232588 fix).");
        return ExitStatus.OK;
    }
}
