package io.kbsh.testkit.net;

import com.unboundid.util.ssl.cert.ManageCertificates;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.jspecify.annotations.Nullable;

/** Server certificates for the tests, made with the UnboundID SDK's certificate tool, kept per run. */
public final class TestTls {

    public static final char[] PIN = "changeit".toCharArray();
    private static final Map<String, Path> STORES = new ConcurrentHashMap<>();

    private TestTls() {}

    /** A self-signed certificate for localhost and 127.0.0.1, valid now. */
    public static Path currentStore() {
        return store("current", "CN=localhost,O=kbsh test", null, 3650);
    }

    /** A self-signed certificate that expired years ago. */
    public static Path expiredStore() {
        return store("expired", "CN=localhost,O=kbsh expired", "20100101000000", 30);
    }

    public static SSLContext serverContext(Path store) {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(store)) {
                ks.load(in, PIN);
            }
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, PIN);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), null, null);
            return context;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Turns an accepted plain socket into the server end of a TLS session and completes the handshake. */
    public static SSLSocket upgrade(Socket plain, SSLContext context) throws IOException {
        SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(plain, null, plain.getPort(), true);
        tls.setUseClientMode(false);
        tls.startHandshake();
        return tls;
    }

    private static synchronized Path store(String name, String subject, @Nullable String start, int days) {
        return STORES.computeIfAbsent(name, n -> {
            try {
                Path dir = Files.createTempDirectory("kbsh-net-tls");
                dir.toFile().deleteOnExit();
                Path file = dir.resolve(n + ".p12");
                java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of(
                        "generate-self-signed-certificate",
                        "--keystore",
                        file.toString(),
                        "--keystore-password",
                        new String(PIN),
                        "--keystore-type",
                        "PKCS12",
                        "--alias",
                        "server",
                        "--subject-dn",
                        subject,
                        "--days-valid",
                        Integer.toString(days),
                        "--key-algorithm",
                        "EC",
                        "--key-size-bits",
                        "256",
                        "--signature-algorithm",
                        "SHA256withECDSA",
                        "--subject-alternative-name-dns",
                        "localhost",
                        "--subject-alternative-name-ip-address",
                        "127.0.0.1"));
                if (start != null) {
                    args.add("--validity-start-time");
                    args.add(start);
                }
                ByteArrayOutputStream log = new ByteArrayOutputStream();
                var rc = ManageCertificates.main(null, log, log, args.toArray(new String[0]));
                if (rc != com.unboundid.ldap.sdk.ResultCode.SUCCESS) {
                    throw new IllegalStateException("certificate tool failed: " + log);
                }
                file.toFile().deleteOnExit();
                return file;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
