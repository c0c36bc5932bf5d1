package io.kbsh.net.mail;

import io.kbsh.model.fact.ProbeStatus;
import io.kbsh.net.probe.EvidenceKeys;
import io.kbsh.net.probe.ProbeContext;
import io.kbsh.net.probe.ProbeException;
import io.kbsh.net.probe.Wire;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * IMAP4: the greeting ({@code * OK}, {@code * PREAUTH}; {@code * BYE} turns the client away), CAPABILITY,
 * STARTTLS. Stages: {@code greeting}, {@code capability}, {@code starttls}.
 *
 * @since 2.0
 */
public final class Imap4Probe extends TextProbe {

    public Imap4Probe() {
        super("imap4", "IMAP4 greeting, CAPABILITY, STARTTLS", 143, 993);
    }

    @Override
    void greeting(ProbeContext context, Wire wire) throws IOException, ProbeException {
        String line = readGreeting(context, wire, "IMAP4");
        String upper = line.toUpperCase(Locale.ROOT);
        if (upper.startsWith("* BYE")) {
            throw turnedAway(line);
        }
        if (upper.startsWith("* PREAUTH")) {
            context.evidence(EvidenceKeys.IMAP4_PREAUTH, true);
        } else if (!upper.startsWith("* OK")) {
            throw notProtocol("IMAP4 greeting", line);
        }
        context.reached("greeting");
    }

    @Override
    List<String> capabilities(ProbeContext context, Wire wire, boolean afterStartTls)
            throws IOException, ProbeException {
        List<String> capabilities = new ArrayList<>();
        String done = command(wire, "k1 CAPABILITY", capabilities);
        if (!done.toUpperCase(Locale.ROOT).startsWith("K1 OK")) {
            throw new ProbeException(ProbeStatus.PROTOCOL_ERROR, "CAPABILITY failed: " + done);
        }
        context.evidence(capabilityKey(EvidenceKeys.IMAP4_CAPABILITY, afterStartTls), capabilities);
        context.reached("capability");
        return capabilities;
    }

    @Override
    String startTlsCapability() {
        return "STARTTLS";
    }

    @Override
    void requestTls(ProbeContext context, Wire wire) throws IOException, ProbeException {
        String done = command(wire, "k2 STARTTLS", new ArrayList<>());
        if (!done.toUpperCase(Locale.ROOT).startsWith("K2 OK")) {
            throw tlsRefused("STARTTLS", done);
        }
    }

    @Override
    String quitCommand() {
        return "k3 LOGOUT";
    }

    /** Sends a tagged command and reads up to its tagged answer, collecting CAPABILITY words on the way. */
    private static String command(Wire wire, String command, List<String> capabilities)
            throws IOException, ProbeException {
        String tag = command.substring(0, command.indexOf(' ') + 1).toUpperCase(Locale.ROOT);
        wire.writeLine(command);
        wire.beginReply();
        while (true) {
            String line = checked(wire.readLine(), "IMAP4");
            String upper = line.toUpperCase(Locale.ROOT);
            if (upper.startsWith(tag)) {
                return line;
            }
            if (upper.startsWith("* CAPABILITY ")) {
                capabilities.addAll(Arrays.asList(upper.substring(13).trim().split("\\s+")));
            } else if (upper.startsWith("* BYE")) {
                throw new ProbeException(ProbeStatus.REJECTED, "the server closed the session: " + line);
            } else if (!upper.startsWith("* ")) {
                throw notProtocol("IMAP4", line);
            }
        }
    }
}
