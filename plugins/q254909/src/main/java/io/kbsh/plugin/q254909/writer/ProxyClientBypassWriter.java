package io.kbsh.plugin.q254909.writer;

import io.kbsh.ini.document.IniDocument;
import io.kbsh.ini.document.IniEditException;
import io.kbsh.ini.plan.IniEdit;
import io.kbsh.ini.plan.IniPlan;
import io.kbsh.ini.writer.IniWriter;
import io.kbsh.ini.writer.IniWriterException;
import io.kbsh.ini.writer.WriterArguments;
import io.kbsh.ini.writer.WriterParameter;
import io.kbsh.model.article.ArticleId;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Q254909: the WinSock Proxy client sends the Exchange MTA's X.400 connections through the proxy, so
 * the remote MTA sees the proxy's address and refuses them (events 9301, 9202). The fix turns the
 * client off for that one process: {@code Disable=1} in the process's section of {@code Mspclnt.ini}.
 *
 * <p>When the file has a {@code [Master Config]} section the client replaces it from the proxy
 * server's copy ({@code Path1=}) every {@code Configuration Refresh Time (Hours)} (Q231878 shows such a
 * file), so the plan warns that the edit will not last unless the server copy gets it too.
 */
public final class ProxyClientBypassWriter implements IniWriter {

    static final String MASTER_CONFIG = "Master Config";

    @Override
    public String id() {
        return "mspclnt-bypass";
    }

    @Override
    public ArticleId article() {
        return new ArticleId(254909);
    }

    @Override
    public String summary() {
        return "turn the WinSock Proxy client off for one process (the Exchange MTA by default): [PROCESS] Disable=1";
    }

    @Override
    public String targetFileName() {
        return "Mspclnt.ini";
    }

    @Override
    public String targetLocation() {
        return "the WinSock Proxy client's directory (C:\\Mspclnt by default; System.ini [Microsoft Proxy Service] "
                + "'Ini File Path' names it)";
    }

    @Override
    public List<WriterParameter> parameters() {
        return List.of(WriterParameter.text(
                "process",
                "process name (without .exe) whose connections must bypass the proxy; EMSMTA is the Exchange MTA",
                "EMSMTA"));
    }

    @Override
    public void validate(WriterArguments arguments) throws IniWriterException {
        String process = arguments.text("process");
        if (process.toLowerCase(Locale.ROOT).endsWith(".exe")) {
            throw new IniWriterException("parameter 'process' takes the process name without .exe, e.g. "
                    + process.substring(0, process.length() - 4));
        }
        if (!process.matches("[A-Za-z0-9_.$ -]+")) {
            throw new IniWriterException("parameter 'process' must be a process name (letters, digits, . _ - $ and "
                    + "spaces), got '" + process + "'");
        }
    }

    @Override
    public IniPlan plan(Path file, Optional<IniDocument> current, WriterArguments arguments) throws IniWriterException {
        if (current.isEmpty()) {
            throw new IniWriterException(file + " does not exist: Q254909 applies only where the WinSock Proxy "
                    + "client is installed, and its Mspclnt.ini is in the client's directory");
        }
        IniDocument document = current.get();
        String process = arguments.text("process");
        List<String> notes = new ArrayList<>();
        if (document.hasSection(MASTER_CONFIG)) {
            notes.add(masterConfigWarning(document));
        }
        notes.add("restart "
                + (process.equalsIgnoreCase("EMSMTA")
                        ? "the Microsoft Exchange Message Transfer Agent service"
                        : "the " + process + " process")
                + " for the client to read the change");
        try {
            return IniPlan.of(file, current, List.of(new IniEdit.Set(process, "Disable", "1")), notes);
        } catch (IniEditException e) {
            throw new IniWriterException(file + ": " + e.getMessage());
        }
    }

    private static String masterConfigWarning(IniDocument document) {
        Optional<String> path = document.get(MASTER_CONFIG, "Path1").filter(p -> !p.isBlank());
        Optional<String> hours =
                document.get("Common", "Configuration Refresh Time (Hours)").filter(h -> !h.isBlank());
        String server = path.map(p -> (p.endsWith("\\") ? p : p + "\\") + "Mspclnt.ini")
                .orElse("the proxy server's Mspclnt.ini ([Master Config] has no Path1)");
        return "this Mspclnt.ini has [Master Config]: the client refreshes it from the proxy server"
                + hours.map(h -> " every " + h + " hour(s)").orElse("")
                + " and the refresh can overwrite this edit; make the same change in the server copy, " + server;
    }
}
