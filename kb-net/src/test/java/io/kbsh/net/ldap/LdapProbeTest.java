package io.kbsh.net.ldap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.util.ssl.KeyStoreKeyManager;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.TrustAllTrustManager;
import io.kbsh.model.fact.ProbeStatus;
import io.kbsh.net.probe.ProbeOptions;
import io.kbsh.net.probe.ProbeResult;
import io.kbsh.net.probe.ProbeTarget;
import io.kbsh.net.probe.TlsMode;
import io.kbsh.testkit.net.TestTls;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The LDAP probe against the UnboundID in-memory directory: plain with StartTLS, LDAPS, an expired certificate. */
class LdapProbeTest {

    private static InMemoryDirectoryServer directory;
    private static final ProbeOptions OPTIONS =
            ProbeOptions.defaults().withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(8));

    private static SSLUtil ssl(Path store) throws Exception {
        return new SSLUtil(
                new KeyStoreKeyManager(store.toFile(), TestTls.PIN, "PKCS12", "server"), new TrustAllTrustManager());
    }

    @BeforeAll
    static void start() throws Exception {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig("dc=example,dc=com");
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        SSLUtil current = ssl(TestTls.currentStore());
        SSLUtil expired = ssl(TestTls.expiredStore());
        config.setListenerConfigs(
                InMemoryListenerConfig.createLDAPConfig("ldap", loopback, 0, current.createSSLSocketFactory()),
                InMemoryListenerConfig.createLDAPSConfig(
                        "ldaps", loopback, 0, current.createSSLServerSocketFactory(), null),
                InMemoryListenerConfig.createLDAPSConfig(
                        "expired", loopback, 0, expired.createSSLServerSocketFactory(), null));
        config.setVendorName("kbsh test directory");
        directory = new InMemoryDirectoryServer(config);
        directory.add("dn: dc=example,dc=com", "objectClass: top", "objectClass: domain", "dc: example");
        directory.startListening();
    }

    @AfterAll
    static void stop() {
        directory.shutDown(true);
    }

    private static ProbeResult probe(String listener, TlsMode tls) {
        return new LdapProbe()
                .probe(ProbeTarget.of("127.0.0.1", directory.getListenPort(listener)), OPTIONS.withTls(tls));
    }

    @Test
    void anonymousBindAndRootDse() {
        ProbeResult r = probe("ldap", TlsMode.NONE);
        assertEquals(ProbeStatus.OK, r.status(), r.detail());
        assertEquals("rootdse", r.stage());
        assertEquals("success", r.evidence("ldap.bind"));
        assertEquals("dc=example,dc=com", r.evidence("rootdse.namingContexts"));
        assertEquals("kbsh test directory", r.evidence("rootdse.vendorName"));
        assertTrue(r.evidence("rootdse.supportedLDAPVersion").contains("3"));
    }

    @Test
    void startTlsThenBind() {
        ProbeResult r = probe("ldap", TlsMode.STARTTLS);
        assertEquals(ProbeStatus.OK, r.status(), r.detail());
        assertTrue(r.evidence("tls.protocol").startsWith("TLSv1."), r.evidence().toString());
        assertEquals("dc=example,dc=com", r.evidence("rootdse.namingContexts"));
    }

    @Test
    void ldapsWithASelfSignedCertificate() {
        ProbeResult r = probe("ldaps", TlsMode.IMPLICIT);
        assertEquals(ProbeStatus.OK, r.status(), r.detail());
        assertEquals("true", r.evidence("cert.self-signed"));
        assertEquals("true", r.evidence("cert.host-match"));
        assertEquals("false", r.evidence("cert.expired"));
    }

    @Test
    void anExpiredCertificateIsReportedNotRefused() {
        ProbeResult r = probe("expired", TlsMode.IMPLICIT);
        assertEquals(ProbeStatus.OK, r.status(), r.detail());
        assertEquals("true", r.evidence("cert.expired"));
        assertTrue(r.evidence("cert.not-after").startsWith("2010-01-31"), r.evidence("cert.not-after"));
    }

    @Test
    void plainLdapAgainstTheLdapsPortIsAProtocolError() {
        ProbeResult r = probe("ldaps", TlsMode.NONE);
        assertEquals(ProbeStatus.PROTOCOL_ERROR, r.status(), r.detail());
        assertEquals("connect", r.stage());
    }
}
