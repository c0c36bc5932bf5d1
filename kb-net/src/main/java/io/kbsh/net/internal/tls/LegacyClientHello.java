package io.kbsh.net.internal.tls;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Optional;

/**
 * A ClientHello that offers at most TLS 1.1 (so a server may answer with TLS 1.1, TLS 1.0 or SSLv3), built
 * by hand and never followed by a handshake. A server limited to old protocols answers the JDK's modern
 * offer with nothing but a {@code protocol_version} alert; sent on a second connection, this hello makes it
 * name its version in a ServerHello ({@link ServerHello#parse}) while the JVM's own TLS settings stay as
 * they are.
 */
public final class LegacyClientHello {

    private static final int TLS_1_1 = 0x0302;
    private static final int[] CIPHER_SUITES = {
        0xc014, 0xc013, 0xc00a, 0xc009, // ECDHE with AES-CBC
        0x0039, 0x0033, 0x0035, 0x002f, // DHE and RSA with AES-CBC
        0x0016, 0x000a, 0x0005, 0x0004, // 3DES and RC4: what the oldest servers have
        0x00ff
    }; // the renegotiation SCSV
    private static final SecureRandom RANDOM = new SecureRandom();

    private LegacyClientHello() {}

    /** The record to send; {@code serverName} (a DNS name), when given, goes into SNI. */
    public static byte[] record(Optional<String> serverName) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        u16(body, TLS_1_1);
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        body.writeBytes(random);
        body.write(0); // no session to resume
        u16(body, CIPHER_SUITES.length * 2);
        for (int suite : CIPHER_SUITES) {
            u16(body, suite);
        }
        body.write(1);
        body.write(0); // null compression only
        byte[] extensions = extensions(serverName);
        u16(body, extensions.length);
        body.writeBytes(extensions);

        ByteArrayOutputStream record = new ByteArrayOutputStream();
        record.writeBytes(new byte[] {22, 3, 1}); // handshake, in TLS 1.0 records as old servers expect
        u16(record, body.size() + 4);
        record.write(1); // client_hello
        record.write(0);
        u16(record, body.size());
        record.writeBytes(body.toByteArray());
        return record.toByteArray();
    }

    private static byte[] extensions(Optional<String> sni) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (sni.isPresent()) {
            String serverName = sni.get();
            byte[] name = serverName.getBytes(StandardCharsets.US_ASCII);
            u16(out, 0x0000); // server_name
            u16(out, name.length + 5);
            u16(out, name.length + 3);
            out.write(0); // host_name
            u16(out, name.length);
            out.writeBytes(name);
        }
        u16(out, 0x000a); // supported_groups: secp256r1, secp384r1, secp521r1 (for the ECDHE suites)
        u16(out, 8);
        u16(out, 6);
        u16(out, 0x0017);
        u16(out, 0x0018);
        u16(out, 0x0019);
        u16(out, 0x000b); // ec_point_formats: uncompressed
        u16(out, 2);
        out.write(1);
        out.write(0);
        return out.toByteArray();
    }

    private static void u16(ByteArrayOutputStream out, int value) {
        out.write(value >> 8);
        out.write(value);
    }
}
