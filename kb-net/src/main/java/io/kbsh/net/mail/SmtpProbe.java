package io.kbsh.net.mail;

import io.kbsh.model.fact.ProbeStatus;
import io.kbsh.net.internal.probe.ProbeParameters;
import io.kbsh.net.probe.EvidenceKeys;
import io.kbsh.net.probe.Probe;
import io.kbsh.net.probe.ProbeContext;
import io.kbsh.net.probe.ProbeException;
import io.kbsh.net.probe.Wire;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * SMTP: the 220 greeting (single or multi-line; 421 and 554 turn the client away), EHLO and its extensions
 * (HELO when EHLO is refused), STARTTLS. Stages: {@code greeting}, {@code ehlo} (or {@code helo}), {@code
 * starttls}. The name given in EHLO is {@link io.kbsh.net.probe.ProbeOptions#heloName}, or the probe's {@code
 * helo} parameter ({@link #configured}); evidence {@code ehlo.name} says which was sent.
 *
 * @since 2.0
 */
public final class SmtpProbe extends TextProbe {

    /**
     * A host name (letters, digits and hyphens in dot-separated labels) or an address literal such as {@code
     * [192.0.2.1]}: never a space or a line break, which would let a parameter write its own SMTP command.
     */
    private static final Pattern HELO_NAME = Pattern.compile(
            "(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\\.?"
                    + "|\\[(?:[0-9.]{7,15}|IPv6:[0-9A-Fa-f:.]{2,45})]");

    /** The name for EHLO when the probe was configured with one; else the options'. */
    private final Optional<String> helo;

    public SmtpProbe() {
        this(Optional.empty());
    }

    private SmtpProbe(Optional<String> helo) {
        super("smtp", "SMTP greeting, EHLO extensions, STARTTLS", 25, 465);
        this.helo = helo;
    }

    /**
     * {@code helo}: the name to give in EHLO (and HELO) instead of the options' {@code heloName}.
     *
     * @since 2.1
     */
    @Override
    public Set<String> parameterNames() {
        return Set.of("helo");
    }

    /**
     * This probe giving {@code helo} in EHLO: an Exchange Internet Mail Service set up for TLS with particular
     * domains offers STARTTLS only to a client whose EHLO names one of them (Q255753), so a test of it must say
     * which. A value that is not a host name or an address literal is refused.
     *
     * @since 2.1
     */
    @Override
    public Probe configured(Map<String, String> parameters) {
        ProbeParameters.requireKnown(id(), parameterNames(), parameters);
        String name = parameters.get("helo");
        if (name == null) {
            return this;
        }
        if (!HELO_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("helo is a host name such as mail.example.com or an address literal"
                    + " such as [192.0.2.1]: '" + Wire.printable(name) + "'");
        }
        return new SmtpProbe(Optional.of(name));
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
        String name = helo.orElse(context.options().heloName());
        if (!afterStartTls) {
            context.evidence(EvidenceKeys.EHLO_NAME, name);
        }
        wire.writeLine("EHLO " + name);
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
        wire.writeLine("HELO " + name);
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
