package io.kbsh.net.mail;

import io.kbsh.model.fact.ProbeStatus;
import io.kbsh.net.probe.EvidenceKeys;
import io.kbsh.net.probe.Probe;
import io.kbsh.net.probe.ProbeContext;
import io.kbsh.net.probe.ProbeException;
import io.kbsh.net.probe.TlsMode;
import io.kbsh.net.probe.Wire;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The shape the line-based mail and news protocols share: connect (TLS first for implicit TLS), read the
 * greeting, ask for the capabilities, upgrade with the protocol's STARTTLS command when asked to (or, in
 * opportunistic mode, when offered), ask again over TLS, and say good-bye without waiting for the answer.
 */
abstract class TextProbe implements Probe {

    private final String id;
    private final String description;
    private final int plainPort;
    private final int tlsPort;

    TextProbe(String id, String description, int plainPort, int tlsPort) {
        this.id = id;
        this.description = description;
        this.plainPort = plainPort;
        this.tlsPort = tlsPort;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final int defaultPort(TlsMode tls) {
        return tls == TlsMode.IMPLICIT ? tlsPort : plainPort;
    }

    @Override
    public final Set<TlsMode> tlsModes() {
        return Set.of(TlsMode.values());
    }

    @Override
    public final void run(ProbeContext context) throws IOException, ProbeException {
        Wire wire = context.connect();
        TlsMode mode = context.options().tls();
        if (mode == TlsMode.IMPLICIT) {
            wire.startTls("tls");
        }
        greeting(context, wire);
        List<String> capabilities = capabilities(context, wire, false);
        boolean offered = capabilities.contains(startTlsCapability());
        if (mode == TlsMode.STARTTLS || (mode == TlsMode.OPPORTUNISTIC && offered)) {
            try {
                requestTls(context, wire);
                wire.startTls("starttls");
            } catch (ProbeException e) {
                if (mode == TlsMode.STARTTLS || e.status() != ProbeStatus.TLS_ERROR) {
                    throw e;
                }
                context.evidence(EvidenceKeys.STARTTLS, "failed: " + e.getMessage());
                return; // a sender would go on in plain text; the connection is spent
            }
            // Asked again over TLS: kept under the protocol's after-TLS key beside the plain-text list.
            capabilities(context, wire, true);
            context.reached("starttls");
        }
        try {
            wire.writeLine(quitCommand());
        } catch (IOException ignored) {
            // the answer to the good-bye changes nothing
        }
    }

    /** Reads the greeting; records {@code greeting} evidence and the {@code greeting} stage. */
    abstract void greeting(ProbeContext context, Wire wire) throws IOException, ProbeException;

    /**
     * Asks for the capabilities (upper-cased words); empty when the server has no such command. Records
     * them under {@link #capabilityKey(String, boolean)}.
     */
    abstract List<String> capabilities(ProbeContext context, Wire wire, boolean afterStartTls)
            throws IOException, ProbeException;

    /**
     * The evidence key for a capability list: {@code plain} for the first list, {@code plain.after-tls} for the
     * one asked for again after STARTTLS, so that the second never replaces the first.
     */
    static String capabilityKey(String plain, boolean afterStartTls) {
        return afterStartTls ? plain + ".after-tls" : plain;
    }

    /** The capability word that offers STARTTLS. */
    abstract String startTlsCapability();

    /** Sends the STARTTLS command and checks that the server agreed; TLS_ERROR when it did not. */
    abstract void requestTls(ProbeContext context, Wire wire) throws IOException, ProbeException;

    abstract String quitCommand();

    /** Reads a one-line greeting and records it as {@code greeting} evidence. */
    static String readGreeting(ProbeContext context, Wire wire, String protocol) throws IOException, ProbeException {
        wire.beginReply();
        String line = checked(wire.readLine(), protocol);
        context.evidence(EvidenceKeys.GREETING, line);
        return line;
    }

    /** Sends {@code command} and reads the one-line status that answers it. */
    static String ask(Wire wire, String command, String protocol) throws IOException, ProbeException {
        wire.writeLine(command);
        wire.beginReply();
        return checked(wire.readLine(), protocol);
    }

    /**
     * Reads a dot-terminated capability list and records it as evidence under {@code key} and stage {@code
     * stage}.
     */
    static List<String> capabilityList(ProbeContext context, Wire wire, String protocol, String key, String stage)
            throws IOException, ProbeException {
        List<String> capabilities = firstWords(dotTerminated(wire, protocol));
        context.evidence(key, capabilities);
        context.reached(stage);
        return capabilities;
    }

    /** The server would not start TLS when asked with {@code command}. */
    static ProbeException tlsRefused(String command, String reply) {
        return new ProbeException(ProbeStatus.TLS_ERROR, command + " refused: " + reply);
    }

    /** The server answered, but to say it will not serve this client (421/554, -ERR, * BYE, 400/502). */
    static ProbeException turnedAway(String reply) {
        return new ProbeException(ProbeStatus.REJECTED, "the server turned the client away: " + reply);
    }

    /** A line-based reply that is no NUL-free text is not the protocol. */
    static String checked(String line, String protocol) throws ProbeException {
        if (line.indexOf('\0') >= 0) {
            throw new ProbeException(
                    ProbeStatus.PROTOCOL_ERROR,
                    "NUL bytes where a " + protocol + " reply belongs: '" + Wire.printable(line) + "'");
        }
        return line;
    }

    /** The lines of a multi-line answer ended by a lone dot (POP3, NNTP), dot-stuffing removed. */
    static List<String> dotTerminated(Wire wire, String protocol) throws IOException, ProbeException {
        List<String> lines = new ArrayList<>();
        while (true) {
            String line = checked(wire.readLine(), protocol);
            if (line.equals(".")) {
                return lines;
            }
            lines.add(line.startsWith("..") ? line.substring(1) : line);
        }
    }

    /** The first word of each line, upper-cased: how POP3 and NNTP list capabilities. */
    static List<String> firstWords(List<String> lines) {
        List<String> words = new ArrayList<>();
        for (String line : lines) {
            String t = line.trim();
            if (!t.isEmpty()) {
                words.add(t.split("\\s+", 2)[0].toUpperCase(Locale.ROOT));
            }
        }
        return words;
    }

    static ProbeException notProtocol(String protocol, String line) {
        return new ProbeException(
                ProbeStatus.PROTOCOL_ERROR, "not a " + protocol + " answer: '" + Wire.printable(line) + "'");
    }
}
