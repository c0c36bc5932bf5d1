package io.kbsh.net.mail;

import io.kbsh.model.fact.ProbeStatus;
import io.kbsh.net.probe.EvidenceKeys;
import io.kbsh.net.probe.ProbeContext;
import io.kbsh.net.probe.ProbeException;
import io.kbsh.net.probe.Wire;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * SMTP: the 220 greeting (single or multi-line; 421 and 554 turn the client away), EHLO and its extensions
 * (HELO when EHLO is refused), STARTTLS. Stages: {@code greeting}, {@code ehlo} (or {@code helo}), {@code
 * starttls}.
 *
 * @since 2.0
 */
public final class SmtpProbe extends TextProbe {

    public SmtpProbe() {
        super("smtp", "SMTP greeting, EHLO extensions, STARTTLS", 25, 465);
    }

    @Override
    void greeting(ProbeContext context, Wire wire) throws IOException, ProbeException {
        Reply greeting = Reply.read(wire);
        context.evidence(EvidenceKeys.GREETING, greeting.text());
        if (greeting.code() == 421 || greeting.code() == 554) {
            throw turnedAway(greeting.text());
        }
        if (greeting.code() != 220) {
            throw TextProbe.notProtocol("SMTP greeting", greeting.text());
        }
        context.reached("greeting");
    }

    @Override
    List<String> capabilities(ProbeContext context, Wire wire, boolean afterStartTls)
            throws IOException, ProbeException {
        wire.writeLine("EHLO " + context.options().heloName());
        Reply ehlo = Reply.read(wire);
        if (ehlo.code() == 250) {
            List<String> extensions = new ArrayList<>();
            for (String line : ehlo.lines().subList(1, ehlo.lines().size())) {
                if (!line.isBlank()) {
                    extensions.add(line.trim().toUpperCase(Locale.ROOT));
                }
            }
            context.evidence(capabilityKey(EvidenceKeys.EHLO_EXTENSIONS, afterStartTls), extensions);
            context.reached("ehlo");
            return extensions.stream().map(e -> e.split("\\s+", 2)[0]).toList();
        }
        if (ehlo.code() / 100 != 5) {
            throw new ProbeException(ProbeStatus.PROTOCOL_ERROR, "EHLO answered with " + ehlo.text());
        }
        wire.writeLine("HELO " + context.options().heloName());
        Reply helo = Reply.read(wire);
        if (helo.code() != 250) {
            throw new ProbeException(ProbeStatus.REJECTED, "EHLO and HELO refused: " + helo.text());
        }
        context.evidence(EvidenceKeys.EHLO, "refused (" + ehlo.code() + "), HELO accepted");
        context.reached("helo");
        return List.of();
    }

    @Override
    String startTlsCapability() {
        return "STARTTLS";
    }

    @Override
    void requestTls(ProbeContext context, Wire wire) throws IOException, ProbeException {
        wire.writeLine("STARTTLS");
        Reply reply = Reply.read(wire);
        if (reply.code() != 220) {
            throw tlsRefused("STARTTLS", reply.text());
        }
    }

    @Override
    String quitCommand() {
        return "QUIT";
    }

    /** One SMTP reply: its code and the text of each line. */
    record Reply(int code, List<String> lines) {

        static Reply read(Wire wire) throws IOException, ProbeException {
            wire.beginReply();
            List<String> lines = new ArrayList<>();
            int code = -1;
            while (true) {
                String line = TextProbe.checked(wire.readLine(), "SMTP");
                if (line.length() < 3
                        || !line.substring(0, 3).chars().allMatch(Character::isDigit)
                        || (line.length() > 3 && line.charAt(3) != ' ' && line.charAt(3) != '-')) {
                    throw TextProbe.notProtocol("SMTP", line);
                }
                int lineCode = Integer.parseInt(line.substring(0, 3));
                if (code >= 0 && lineCode != code) {
                    throw new ProbeException(
                            ProbeStatus.PROTOCOL_ERROR,
                            "a multi-line reply changed its code: '" + Wire.printable(line) + "'");
                }
                code = lineCode;
                lines.add(line.length() > 4 ? line.substring(4) : "");
                if (line.length() == 3 || line.charAt(3) == ' ') {
                    return new Reply(code, lines);
                }
            }
        }

        /** The code and the first line, as a person reads the reply. */
        String text() {
            return code + " " + lines.get(0) + (lines.size() > 1 ? " (+" + (lines.size() - 1) + " lines)" : "");
        }
    }
}
