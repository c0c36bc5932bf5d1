package io.kbsh.net.tls;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

    private CertificateEvidence() {
    }

    public static Map<String, String> of(X509Certificate cert, String host, Instant now) {
        Map<String, String> e = new LinkedHashMap<>();
        e.put("cert.subject", cert.getSubjectX500Principal().getName());
        e.put("cert.issuer", cert.getIssuerX500Principal().getName());
        Instant notBefore = cert.getNotBefore().toInstant();
        Instant notAfter = cert.getNotAfter().toInstant();
        e.put("cert.not-before", notBefore.toString());
        e.put("cert.not-after", notAfter.toString());
        e.put("cert.expired", Boolean.toString(now.isAfter(notAfter)));
        e.put("cert.not-yet-valid", Boolean.toString(now.isBefore(notBefore)));
        e.put("cert.self-signed", Boolean.toString(selfSigned(cert)));
        List<String> names = names(cert);
        e.put("cert.names", String.join(" ", names));
        e.put("cert.host-match", Boolean.toString(names.stream().anyMatch(n -> matches(n, host))));
        return e;
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
