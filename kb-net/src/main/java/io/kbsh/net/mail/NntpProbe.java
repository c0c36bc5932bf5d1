package io.kbsh.net.mail;

import io.kbsh.net.probe.EvidenceKeys;
import io.kbsh.net.probe.ProbeContext;
import io.kbsh.net.probe.ProbeException;
import io.kbsh.net.probe.Wire;
import java.io.IOException;
import java.util.List;

/**
 * NNTP: the greeting (200 posting allowed, 201 not; 400 and 502 turn the client away), CAPABILITIES
 * (RFC 3977; older servers answer 500), STARTTLS. Stages: {@code greeting}, {@code capabilities}, {@code
 * starttls}.
 *
 * @since 2.0
 */
public final class NntpProbe extends TextProbe {

    public NntpProbe() {
        super("nntp", "NNTP greeting, CAPABILITIES, STARTTLS", 119, 563);
    }

    @Override
    void greeting(ProbeContext context, Wire wire) throws IOException, ProbeException {
        String line = readGreeting(context, wire, "NNTP");
        int code = code(line);
        if (code == 400 || code == 502) {
            throw turnedAway(line);
        }
        if (code != 200 && code != 201) {
            throw notProtocol("NNTP greeting", line);
        }
        context.evidence(EvidenceKeys.NNTP_POSTING, code == 200);
        context.reached("greeting");
    }

    @Override
    List<String> capabilities(ProbeContext context, Wire wire, boolean afterStartTls)
            throws IOException, ProbeException {
        String status = ask(wire, "CAPABILITIES", "NNTP");
        int code = code(status);
        if (code == 500 || code == 501) {
            context.evidence(capabilityKey(EvidenceKeys.NNTP_CAPABILITIES, afterStartTls), "unsupported");
            return List.of();
        }
        if (code != 101) {
            throw notProtocol("NNTP CAPABILITIES", status);
        }
        return capabilityList(
                context, wire, "NNTP", capabilityKey(EvidenceKeys.NNTP_CAPABILITIES, afterStartTls), "capabilities");
    }

    @Override
    String startTlsCapability() {
        return "STARTTLS";
    }

    @Override
    void requestTls(ProbeContext context, Wire wire) throws IOException, ProbeException {
        String reply = ask(wire, "STARTTLS", "NNTP");
        if (code(reply) != 382) {
            throw tlsRefused("STARTTLS", reply);
        }
    }

    @Override
    String quitCommand() {
        return "QUIT";
    }

    private static int code(String line) {
        if (line.length() >= 3
                && line.substring(0, 3).chars().allMatch(Character::isDigit)
                && (line.length() == 3 || line.charAt(3) == ' ')) {
            return Integer.parseInt(line.substring(0, 3));
        }
        return -1;
    }
}
