package io.kbsh.net.ldap;

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
import java.util.Set;

/**
 * LDAP has no greeting, so the probe asks: StartTLS when asked to, an anonymous simple bind, then a search
 * of the root DSE (naming contexts, supported versions and extensions, vendor). Stages: {@code starttls},
 * {@code bind}, {@code rootdse}. The probe is OK when the server answered either with success.
 *
 * @since 2.0
 */
public final class LdapProbe implements Probe {

    private static final int SEQUENCE = 0x30;
    private static final int BIND_REQUEST = 0x60;
    private static final int BIND_RESPONSE = 0x61;
    private static final int UNBIND_REQUEST = 0x42;
    private static final int SEARCH_REQUEST = 0x63;
    private static final int SEARCH_ENTRY = 0x64;
    private static final int SEARCH_DONE = 0x65;
    private static final int SEARCH_REFERENCE = 0x73;
    private static final int EXTENDED_REQUEST = 0x77;
    private static final int EXTENDED_RESPONSE = 0x78;
    private static final String START_TLS_OID = "1.3.6.1.4.1.1466.20037";
    private static final List<String> ROOT_DSE = List.of(
            "namingContexts",
            "supportedLDAPVersion",
            "supportedExtension",
            "vendorName",
            "vendorVersion",
            "dnsHostName");

    @Override
    public String id() {
        return "ldap";
    }

    @Override
    public String description() {
        return "LDAP anonymous bind and root DSE, StartTLS";
    }

    @Override
    public int defaultPort(TlsMode tls) {
        return tls == TlsMode.IMPLICIT ? 636 : 389;
    }

    @Override
    public Set<TlsMode> tlsModes() {
        return Set.of(TlsMode.NONE, TlsMode.IMPLICIT, TlsMode.STARTTLS);
    }

    @Override
    public void run(ProbeContext context) throws IOException, ProbeException {
        Wire wire = context.connect();
        TlsMode mode = context.options().tls();
        if (mode == TlsMode.IMPLICIT) {
            wire.startTls("tls");
        }
        if (mode == TlsMode.STARTTLS) {
            wire.write(message(1, Ber.element(EXTENDED_REQUEST, Ber.string(0x80, START_TLS_OID))));
            Result started = result(response(context, wire, 1, EXTENDED_RESPONSE));
            if (started.code() != 0) {
                throw new ProbeException(ProbeStatus.TLS_ERROR, "StartTLS refused: " + started);
            }
            wire.startTls("starttls");
        }
        wire.write(message(
                2, Ber.element(BIND_REQUEST, Ber.integer(0x02, 3), Ber.string(0x04, ""), Ber.string(0x80, ""))));
        Result bind = result(response(context, wire, 2, BIND_RESPONSE));
        context.evidence(EvidenceKeys.LDAP_BIND, bind.toString());
        if (bind.code() == 0) {
            context.reached("bind");
        }
        boolean rootDse = searchRootDse(context, wire);
        try {
            wire.write(message(4, new byte[] {(byte) UNBIND_REQUEST, 0}));
        } catch (IOException ignored) {
            // unbind has no answer; a closed connection changes nothing
        }
        if (bind.code() != 0 && !rootDse) {
            throw new ProbeException(
                    ProbeStatus.REJECTED, "anonymous bind refused (" + bind + ") and the root DSE unreadable");
        }
    }

    private static boolean searchRootDse(ProbeContext context, Wire wire) throws IOException, ProbeException {
        List<byte[]> attributes = new ArrayList<>();
        for (String a : ROOT_DSE) {
            attributes.add(Ber.string(0x04, a));
        }
        wire.write(message(
                3,
                Ber.element(
                        SEARCH_REQUEST,
                        Ber.string(0x04, ""), // base: the root DSE
                        Ber.integer(0x0a, 0), // scope: base object
                        Ber.integer(0x0a, 0), // never dereference aliases
                        Ber.integer(0x02, 1), // one entry at most
                        Ber.integer(0x02, 10), // ten seconds at most
                        new byte[] {0x01, 0x01, 0x00}, // types only: false
                        Ber.string(0x87, "objectClass"), // filter: (objectClass=*)
                        Ber.element(SEQUENCE, attributes.toArray(new byte[0][])))));
        for (int entries = 0; entries < 16; entries++) {
            Ber.Element op = response(context, wire, 3, SEARCH_ENTRY, SEARCH_REFERENCE, SEARCH_DONE);
            if (op.tag() == SEARCH_DONE) {
                Result done = result(op);
                context.evidence(EvidenceKeys.LDAP_ROOTDSE, done.toString());
                if (done.code() == 0) {
                    context.reached("rootdse");
                }
                return done.code() == 0;
            }
            if (op.tag() == SEARCH_ENTRY) {
                for (Ber.Element attribute : op.child(1).children()) {
                    List<String> values = new ArrayList<>();
                    for (Ber.Element v : attribute.child(1).children()) {
                        values.add(v.text());
                    }
                    context.evidence(
                            EvidenceKeys.ROOTDSE_PREFIX + attribute.child(0).text(), values);
                }
            }
        }
        throw new ProbeException(ProbeStatus.PROTOCOL_ERROR, "the root DSE search did not end");
    }

    private static byte[] message(int id, byte[] operation) {
        return Ber.element(SEQUENCE, Ber.integer(0x02, id), operation);
    }

    /** The operation of the next message, which must answer {@code id} with one of {@code tags}. */
    private static Ber.Element response(ProbeContext context, Wire wire, int id, int... tags)
            throws IOException, ProbeException {
        Ber.Element envelope = Ber.read(wire, SEQUENCE, context.options().maxReplyBytes());
        int messageId = envelope.child(0).intValue();
        Ber.Element op = envelope.child(1);
        if (messageId == 0 && op.tag() == EXTENDED_RESPONSE) {
            throw new ProbeException(ProbeStatus.REJECTED, "the server sent a notice of disconnection: " + result(op));
        }
        if (messageId != id) {
            throw new ProbeException(
                    ProbeStatus.PROTOCOL_ERROR, "an answer to message " + messageId + " where " + id + " was expected");
        }
        for (int tag : tags) {
            if (op.tag() == tag) {
                return op;
            }
        }
        throw new ProbeException(
                ProbeStatus.PROTOCOL_ERROR,
                String.format("unexpected LDAP operation 0x%02x in answer to message %d", op.tag(), id));
    }

    private static Result result(Ber.Element op) throws ProbeException {
        List<Ber.Element> parts = op.children();
        if (parts.size() < 3 || parts.get(0).tag() != 0x0a) {
            throw new ProbeException(ProbeStatus.PROTOCOL_ERROR, "a malformed LDAP result");
        }
        return new Result(parts.get(0).intValue(), parts.get(2).text());
    }

    private record Result(int code, String diagnostic) {
        @Override
        public String toString() {
            String name = switch (code) {
                case 0 -> "success";
                case 1 -> "operationsError";
                case 2 -> "protocolError";
                case 7 -> "authMethodNotSupported";
                case 8 -> "strongerAuthRequired";
                case 13 -> "confidentialityRequired";
                case 32 -> "noSuchObject";
                case 48 -> "inappropriateAuthentication";
                case 49 -> "invalidCredentials";
                case 50 -> "insufficientAccessRights";
                case 52 -> "unavailable";
                case 53 -> "unwillingToPerform";
                default -> "resultCode " + code;
            };
            return diagnostic.isEmpty() ? name : name + ": " + diagnostic;
        }
    }
}
