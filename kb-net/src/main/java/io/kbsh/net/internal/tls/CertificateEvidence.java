package io.kbsh.net.internal.tls;

import io.kbsh.model.fact.Evidence;
import io.kbsh.net.probe.EvidenceKeys;
import io.kbsh.net.probe.Wire;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * What a server certificate says, as evidence: {@code cert.subject}, {@code cert.issuer}, {@code
 * cert.not-before}, {@code cert.not-after}, {@code cert.expired}, {@code cert.not-yet-valid}, {@code
 * cert.self-signed} and {@code cert.host-match} (against the DNS and IP names of the certificate, else its
 * common name; wildcards match one label).
 */
public final class CertificateEvidence {

    private static final int DNS_NAME = 2;
    private static final int IP_ADDRESS = 7;

    private CertificateEvidence() {}

    public static Evidence of(X509Certificate cert, String host, Instant now) {
        Evidence.Builder e = Evidence.builder();
        e.text(
                EvidenceKeys.CERT_SUBJECT,
                Wire.printable(cert.getSubjectX500Principal().getName()));
        e.text(
                EvidenceKeys.CERT_ISSUER,
                Wire.printable(cert.getIssuerX500Principal().getName()));
        Instant notBefore = cert.getNotBefore().toInstant();
        Instant notAfter = cert.getNotAfter().toInstant();
        e.time(EvidenceKeys.CERT_NOT_BEFORE, notBefore);
        e.time(EvidenceKeys.CERT_NOT_AFTER, notAfter);
        e.flag(EvidenceKeys.CERT_EXPIRED, now.isAfter(notAfter));
        e.flag(EvidenceKeys.CERT_NOT_YET_VALID, now.isBefore(notBefore));
        e.flag(EvidenceKeys.CERT_SELF_SIGNED, selfSigned(cert));
        List<String> names = names(cert);
        e.list(EvidenceKeys.CERT_NAMES, names.stream().map(Wire::printable).toList());
        e.flag(EvidenceKeys.CERT_HOST_MATCH, names.stream().anyMatch(n -> matches(n, host)));
        return e.build();
    }

    private static boolean selfSigned(X509Certificate cert) {
        if (!cert.getSubjectX500Principal().equals(cert.getIssuerX500Principal())) {
            return false;
        }
        try {
            cert.verify(cert.getPublicKey());
            return true;
        } catch (Exception notBySelf) {
            return false;
        }
    }

    private static List<String> names(X509Certificate cert) {
        List<String> names = new ArrayList<>();
        try {
            Collection<List<?>> alt = cert.getSubjectAlternativeNames();
            if (alt != null) {
                for (List<?> entry : alt) {
                    int type = (Integer) entry.get(0);
                    if (type == DNS_NAME || type == IP_ADDRESS) {
                        names.add(String.valueOf(entry.get(1)));
                    }
                }
            }
        } catch (CertificateParsingException ignored) {
            // fall back to the common name below
        }
        if (names.isEmpty()) {
            try {
                for (Rdn rdn : new LdapName(cert.getSubjectX500Principal().getName()).getRdns()) {
                    if (rdn.getType().equalsIgnoreCase("CN")) {
                        names.add(String.valueOf(rdn.getValue()));
                    }
                }
            } catch (InvalidNameException ignored) {
                // no usable name: nothing matches
            }
        }
        return names;
    }

    static boolean matches(String pattern, String host) {
        String p = pattern.toLowerCase(Locale.ROOT);
        String h = host.toLowerCase(Locale.ROOT);
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        if (p.startsWith("*.")) {
            int dot = h.indexOf('.');
            return dot > 0 && h.substring(dot + 1).equals(p.substring(2));
        }
        return p.equals(h);
    }
}
