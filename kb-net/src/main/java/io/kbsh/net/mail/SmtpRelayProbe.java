package io.kbsh.net.mail;

import io.kbsh.model.fact.ProbeStatus;
import io.kbsh.net.internal.probe.ProbeParameters;
import io.kbsh.net.probe.EvidenceKeys;
import io.kbsh.net.probe.Probe;
import io.kbsh.net.probe.ProbeContext;
import io.kbsh.net.probe.ProbeException;
import io.kbsh.net.probe.TlsMode;
import io.kbsh.net.probe.Wire;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An SMTP relay test (Q193922, Q264330): greeting, EHLO (HELO when refused), {@code MAIL FROM} a foreign
 * sender, {@code RCPT TO} a foreign recipient, then {@code RSET} and {@code QUIT} — never {@code DATA}, so
 * nothing is ever sent. The probe reaches its goal (stage {@code rcpt}, {@code OK}) when the server answers
 * RCPT at all; evidence {@code relay.accepted} says whether it took the foreign recipient (2xx: it would
 * relay for that pair) or refused it ({@code relay.rcpt-reply} holds the reply, e.g. {@code 550 5.7.1 Unable to
 * relay}). A server that refuses the sender already is {@code REJECTED}.
 *
 * <p>Parameters: {@code from} and {@code to}, mailbox addresses (defaults at {@code example.org} and {@code
 * example.com}, domains reserved for documentation, so that a relay that accepts still reaches no one).
 *
 * @since 2.1
 */
public final class SmtpRelayProbe implements Probe {

    /** The sender given by default. */
    public static final String DEFAULT_FROM = "kbsh-relay-test@example.org";
    /** The foreign recipient asked for by default. */
    public static final String DEFAULT_TO = "kbsh-relay-test@example.com";

    private static final Pattern MAILBOX =
            Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}@[A-Za-z0-9.-]{1,253}");

    private final SmtpProbe smtp = new SmtpProbe();
    private final String from;
    private final String to;

    public SmtpRelayProbe() {
        this(DEFAULT_FROM, DEFAULT_TO);
    }

    /** Tests relaying from {@code from} to {@code to}: plain mailbox addresses, no brackets. */
    public SmtpRelayProbe(String from, String to) {
        this.from = mailbox(from, "from");
        this.to = mailbox(to, "to");
    }

    private static String mailbox(String address, String what) {
        Objects.requireNonNull(address, what);
        if (!MAILBOX.matcher(address).matches()) {
            throw new IllegalArgumentException("parameter " + what
                    + " must be a mailbox address like user@example.com, got '" + Wire.printable(address) + "'");
        }
        return address;
    }

    @Override
    public String id() {
        return "smtp-relay";
    }

    @Override
    public String description() {
        return "SMTP relay test: RCPT TO a foreign domain, never DATA";
    }

    @Override
    public int defaultPort(TlsMode tls) {
        return smtp.defaultPort(tls);
    }

    @Override
    public Set<TlsMode> tlsModes() {
        return Set.of(TlsMode.NONE, TlsMode.IMPLICIT);
    }

    @Override
    public Set<String> parameterNames() {
        return Set.of("from", "to");
    }

    @Override
    public Probe configured(Map<String, String> parameters) {
        ProbeParameters.requireKnown(id(), parameterNames(), parameters);
        return parameters.isEmpty()
                ? this
                : new SmtpRelayProbe(parameters.getOrDefault("from", from), parameters.getOrDefault("to", to));
    }

    @Override
    public void run(ProbeContext context) throws IOException, ProbeException {
        Wire wire = context.connect();
        if (context.options().tls() == TlsMode.IMPLICIT) {
            wire.startTls("tls");
        }
        smtp.greeting(context, wire);
        smtp.capabilities(context, wire, false);
        context.evidence(EvidenceKeys.RELAY_FROM, from);
        context.evidence(EvidenceKeys.RELAY_TO, to);
        wire.writeLine("MAIL FROM:<" + from + ">");
        SmtpProbe.Reply mail = SmtpProbe.Reply.read(wire);
        context.evidence(EvidenceKeys.RELAY_MAIL_REPLY, mail.text());
        if (mail.code() / 100 != 2) {
            throw new ProbeException(ProbeStatus.REJECTED, "MAIL FROM refused: " + mail.text());
        }
        context.reached("mail");
        wire.writeLine("RCPT TO:<" + to + ">");
        SmtpProbe.Reply rcpt = SmtpProbe.Reply.read(wire);
        context.evidence(EvidenceKeys.RELAY_RCPT_REPLY, rcpt.text());
        context.evidence(EvidenceKeys.RELAY_RCPT_CODE, rcpt.code());
        if (rcpt.code() / 100 != 2 && rcpt.code() / 100 != 4 && rcpt.code() / 100 != 5) {
            throw new ProbeException(ProbeStatus.PROTOCOL_ERROR, "RCPT TO answered with " + rcpt.text());
        }
        context.evidence(EvidenceKeys.RELAY_ACCEPTED, rcpt.code() / 100 == 2);
        context.reached("rcpt");
        try {
            // Undo the transaction before leaving: the envelope is dropped, no DATA was ever sent.
            wire.writeLine("RSET");
            wire.writeLine("QUIT");
        } catch (IOException ignored) {
            // the answers change nothing
        }
    }
}
