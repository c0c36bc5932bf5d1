package io.kbsh.net.ldap;

import io.kbsh.model.fact.ProbeStatus;
import io.kbsh.net.probe.ProbeException;
import io.kbsh.net.probe.Wire;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Just enough BER (X.690, definite lengths) for LDAP's bind, StartTLS and root DSE search: writing
 * elements, and reading them with every length checked against the cap and its container before a byte
 * is trusted.
 */
final class Ber {

    private Ber() {}

    static byte[] element(int tag, byte[]... parts) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            body.writeBytes(p);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int n = body.size();
        if (n < 0x80) {
            out.write(n);
        } else if (n < 0x100) {
            out.write(0x81);
            out.write(n);
        } else {
            out.write(0x82);
            out.write(n >> 8);
            out.write(n);
        }
        out.writeBytes(body.toByteArray());
        return out.toByteArray();
    }

    static byte[] integer(int tag, int value) {
        if (value < 0x80) {
            return element(tag, new byte[] {(byte) value});
        }
        return element(tag, new byte[] {(byte) (value >> 8), (byte) value});
    }

    static byte[] string(int tag, String value) {
        return element(tag, value.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Reads one whole element (tag, length, body) from the wire. The tag must be {@code expectedTag} and the
     * length may not pass {@code cap}; both are checked before waiting for a body that may never come.
     */
    static Element read(Wire wire, int expectedTag, int cap) throws IOException, ProbeException {
        byte[] head = wire.readExactly(2);
        int tag = head[0] & 0xff;
        if (tag != expectedTag) {
            Optional<String> text = wire.firstTextLine(head);
            throw new ProbeException(
                    ProbeStatus.PROTOCOL_ERROR,
                    text.isPresent()
                            ? "not an LDAP server: it said '" + text.get() + "'"
                            : String.format("not an LDAP message: it starts with 0x%02x", tag));
        }
        int first = head[1] & 0xff;
        long length;
        if (first < 0x80) {
            length = first;
        } else {
            int n = first & 0x7f;
            if (n == 0 || n > 4) {
                throw new ProbeException(
                        ProbeStatus.PROTOCOL_ERROR,
                        n == 0 ? "BER indefinite length in an LDAP message" : "BER length of " + n + " bytes");
            }
            length = 0;
            for (byte b : wire.readExactly(n)) {
                length = length << 8 | (b & 0xff);
            }
        }
        if (length > cap) {
            throw new ProbeException(
                    ProbeStatus.PROTOCOL_ERROR, "BER length " + length + " exceeds the cap of " + cap + " bytes");
        }
        byte[] body = wire.readExactly((int) length);
        return new Element(tag, body, 0, body.length);
    }

    /** One element inside a byte array: its tag and the range of its contents. */
    // A window on a buffer read once, never compared or handed out: the array component is the point.
    @SuppressWarnings("ArrayRecordComponent")
    record Element(int tag, byte[] bytes, int from, int to) {

        /** The child elements, each checked to end inside this one. */
        List<Element> children() throws ProbeException {
            List<Element> out = new ArrayList<>();
            int at = from;
            while (at < to) {
                if (at + 2 > to) {
                    throw overrun();
                }
                int tag = bytes[at] & 0xff;
                int first = bytes[at + 1] & 0xff;
                at += 2;
                long length = first;
                if (first >= 0x80) {
                    int n = first & 0x7f;
                    if (n == 0 || n > 4 || at + n > to) {
                        throw overrun();
                    }
                    length = 0;
                    for (int i = 0; i < n; i++) {
                        length = length << 8 | (bytes[at++] & 0xff);
                    }
                }
                if (length > to - at) {
                    throw overrun();
                }
                out.add(new Element(tag, bytes, at, at + (int) length));
                at += (int) length;
            }
            return out;
        }

        Element child(int index) throws ProbeException {
            List<Element> all = children();
            if (index >= all.size()) {
                throw new ProbeException(ProbeStatus.PROTOCOL_ERROR, "an LDAP message lacks an expected element");
            }
            return all.get(index);
        }

        int intValue() throws ProbeException {
            if (to - from < 1 || to - from > 4) {
                throw new ProbeException(ProbeStatus.PROTOCOL_ERROR, "a BER integer of " + (to - from) + " bytes");
            }
            int v = bytes[from]; // sign-extended
            for (int i = from + 1; i < to; i++) {
                v = v << 8 | (bytes[i] & 0xff);
            }
            return v;
        }

        String text() {
            return new String(bytes, from, to - from, StandardCharsets.UTF_8);
        }

        private static ProbeException overrun() {
            return new ProbeException(ProbeStatus.PROTOCOL_ERROR, "a BER element overruns its container");
        }
    }
}
