package io.kbsh.net.internal.tls;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * A TLS client context for probing: it completes handshakes with any certificate so that the certificate
 * can be reported (subject, issuer, dates, host-name match, self-signed), and is used for nothing else — no
 * data is ever trusted because of it. The JVM's protocol and algorithm settings are left as they are.
 */
public final class EvidenceOnlyTrust {

    private EvidenceOnlyTrust() {}

    public static SSLSocketFactory socketFactory() {
        return context().getSocketFactory();
    }

    /** The protocols this JVM offers by default, e.g. {@code TLSv1.3, TLSv1.2}: what a refusal is judged against. */
    public static String[] enabledProtocols() {
        return context().getDefaultSSLParameters().getProtocols();
    }

    private static SSLContext context() {
        return Holder.CONTEXT;
    }

    /** Made on first use; the JVM's class initialisation makes that once, safely across threads. */
    private static final class Holder {
        static final SSLContext CONTEXT = make();

        private static SSLContext make() {
            try {
                SSLContext made = SSLContext.getInstance("TLS");
                made.init(null, new TrustManager[] {new ReportOnly()}, null);
                return made;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("no TLS in this JVM", e);
            }
        }
    }

    /** Extended so that the JDK adds no checks of its own: the verdicts are reported, not enforced. */
    private static final class ReportOnly extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
            throw new UnsupportedOperationException("client side only");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {}

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            throw new UnsupportedOperationException("client side only");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            throw new UnsupportedOperationException("client side only");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
