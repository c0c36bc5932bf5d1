package io.kbsh.net.internal.tls;

import java.util.Optional;

/**
 * Reads what a server answered to a TLS ClientHello from the raw bytes it sent: the protocol version it
 * chose (SSLv3 … TLSv1.3, from the ServerHello and its {@code supported_versions} extension), or the alert
 * it sent. This is how kbsh names the protocol of a server that only speaks versions the JDK refuses,
 * without enabling them.
 */
public record ServerHello(Optional<String> version, Optional<String> alert) {

    private static final int HANDSHAKE = 22;
    private static final int ALERT = 21;
    private static final int SERVER_HELLO = 2;
    private static final int SUPPORTED_VERSIONS = 0x002b;

    /** Parses the first records of {@code bytes}; anything it cannot follow yields empty fields. */
    public static ServerHello parse(byte[] bytes) {
        if (bytes.length >= 3 && (bytes[0] & 0x80) != 0 && bytes[2] == 4) {
            return new ServerHello(Optional.of("SSLv2"), Optional.empty()); // an SSLv2 SERVER-HELLO
        }
        int at = 0;
        while (at + 5 <= bytes.length) {
            int type = bytes[at] & 0xff;
            int length = u16(bytes, at + 3);
            int body = at + 5;
            int end = Math.min(bytes.length, body + length);
            if (type == ALERT && end - body >= 2) {
                return new ServerHello(Optional.empty(), Optional.of(alertName(bytes[body + 1] & 0xff)));
            }
            if (type == HANDSHAKE && end - body >= 4 + 2 && (bytes[body] & 0xff) == SERVER_HELLO) {
                return new ServerHello(Optional.of(helloVersion(bytes, body + 4, end)), Optional.empty());
            }
            if (type < 20 || type > 23) {
                break; // not TLS at all
            }
            at = body + length;
        }
        return new ServerHello(Optional.empty(), Optional.empty());
    }

    /** True when the chosen version is one the JDK disables by default (SSLv2, SSLv3, TLSv1, TLSv1.1). */
    public boolean legacy() {
        return version.map(v -> v.startsWith("SSL") || v.equals("TLSv1") || v.equals("TLSv1.1"))
                .orElse(false);
    }

    private static String helloVersion(byte[] b, int at, int end) {
        String legacy = versionName(u16(b, at));
        // version(2) random(32) session id(1 + n) cipher(2) compression(1) extensions(2 + n)
        int p = at + 2 + 32;
        if (p >= end) {
            return legacy;
        }
        p += 1 + (b[p] & 0xff) + 2 + 1;
        if (p + 2 > end) {
            return legacy;
        }
        int extEnd = Math.min(end, p + 2 + u16(b, p));
        p += 2;
        while (p + 4 <= extEnd) {
            int type = u16(b, p);
            int len = u16(b, p + 2);
            if (type == SUPPORTED_VERSIONS && len == 2 && p + 6 <= extEnd) {
                return versionName(u16(b, p + 4));
            }
            p += 4 + len;
        }
        return legacy;
    }

    /** The name of a TLS protocol version number, as the JDK spells it. */
    public static String versionName(int version) {
        return switch (version) {
            case 0x0300 -> "SSLv3";
            case 0x0301 -> "TLSv1";
            case 0x0302 -> "TLSv1.1";
            case 0x0303 -> "TLSv1.2";
            case 0x0304 -> "TLSv1.3";
            default -> String.format("0x%04x", version);
        };
    }

    private static String alertName(int code) {
        return switch (code) {
            case 0 -> "close_notify";
            case 10 -> "unexpected_message";
            case 40 -> "handshake_failure";
            case 42 -> "bad_certificate";
            case 47 -> "illegal_parameter";
            case 50 -> "decode_error";
            case 70 -> "protocol_version";
            case 71 -> "insufficient_security";
            case 80 -> "internal_error";
            case 86 -> "inappropriate_fallback";
            case 112 -> "unrecognized_name";
            default -> "alert " + code;
        };
    }

    private static int u16(byte[] b, int at) {
        return at + 1 < b.length ? ((b[at] & 0xff) << 8) | (b[at + 1] & 0xff) : -1;
    }
}
