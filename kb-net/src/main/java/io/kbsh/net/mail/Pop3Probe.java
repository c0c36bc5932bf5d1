package io.kbsh.net.mail;

import io.kbsh.net.probe.EvidenceKeys;
import io.kbsh.net.probe.ProbeContext;
import io.kbsh.net.probe.ProbeException;
import io.kbsh.net.probe.Wire;
import java.io.IOException;
import java.util.List;

/**
 * POP3: the {@code +OK} / {@code -ERR} greeting, CAPA, STLS. Stages: {@code greeting}, {@code capa}, {@code starttls}.
 *
 * @since 2.0
 */
public final class Pop3Probe extends TextProbe {

    public Pop3Probe() {
        super("pop3", "POP3 greeting, CAPA, STLS", 110, 995);
    }

    @Override
    void greeting(ProbeContext context, Wire wire) throws IOException, ProbeException {
        String line = readGreeting(context, wire, "POP3");
        if (line.startsWith("-ERR")) {
            throw turnedAway(line);
        }
        if (!line.startsWith("+OK")) {
            throw notProtocol("POP3 greeting", line);
        }
        context.reached("greeting");
    }

    @Override
    List<String> capabilities(ProbeContext context, Wire wire, boolean afterStartTls)
            throws IOException, ProbeException {
        String status = ask(wire, "CAPA", "POP3");
        if (status.startsWith("-ERR")) {
            context.evidence(capabilityKey(EvidenceKeys.POP3_CAPA, afterStartTls), "unsupported");
            return List.of();
        }
        if (!status.startsWith("+OK")) {
            throw notProtocol("POP3 CAPA", status);
        }
        return capabilityList(context, wire, "POP3", capabilityKey(EvidenceKeys.POP3_CAPA, afterStartTls), "capa");
    }

    @Override
    String startTlsCapability() {
        return "STLS";
    }

    @Override
    void requestTls(ProbeContext context, Wire wire) throws IOException, ProbeException {
        String reply = ask(wire, "STLS", "POP3");
        if (!reply.startsWith("+OK")) {
            throw tlsRefused("STLS", reply);
        }
    }

    @Override
    String quitCommand() {
        return "QUIT";
    }
}
