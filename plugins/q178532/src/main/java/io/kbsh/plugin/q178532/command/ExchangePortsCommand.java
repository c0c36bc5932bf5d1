package io.kbsh.plugin.q178532.command;

import io.kbsh.model.command.CommandContext;
import io.kbsh.model.command.ExitStatus;
import io.kbsh.model.command.ShellCommand;
import io.kbsh.model.command.UsageException;
import java.io.PrintWriter;
import java.util.List;

/**
 * {@code exchange-ports}: the Exchange Internet protocols Q178532 publishes through Proxy Server 2.0,
 * with their plain and SSL ports and the process (and {@code Wspcfg.ini} section) that binds them.
 */
public final class ExchangePortsCommand implements ShellCommand {

    private record Row(String protocol, int plain, int ssl, String process, String section) {
    }

    private static final List<Row> ROWS = List.of(
            new Row("POP3", 110, 995, "Store.exe", "STORE"),
            new Row("IMAP4", 143, 993, "Store.exe", "STORE"),
            new Row("NNTP", 119, 563, "Store.exe", "STORE"),
            new Row("LDAP", 389, 636, "Dsamain.exe", "DSAMAIN"));

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
    public int run(CommandContext context, List<String> arguments) throws UsageException {
        if (!arguments.isEmpty()) {
            throw new UsageException("exchange-ports takes no arguments");
        }
        PrintWriter out = context.out();
        out.printf("%-8s %5s %5s  %-12s %s%n", "PROTOCOL", "PORT", "SSL", "PROCESS", "WSPCFG.INI SECTION");
        for (Row r : ROWS) {
            out.printf("%-8s %5d %5d  %-12s [%s]%n", r.protocol(), r.plain(), r.ssl(), r.process(), r.section());
        }
        out.println("SSL ports also need ProxyBindIP=port:address (Proxy Server 2.0 SP1 and the Q232588 fix).");
        return ExitStatus.OK;
    }
}
