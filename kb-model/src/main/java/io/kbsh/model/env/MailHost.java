package io.kbsh.model.env;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An SMTP host that is not an Exchange server of the organisation: a smart host, a relay, a provider's
 * mail server (Q279214: an IIS SMTP smart host that demands TLS answers 505). An IMS's
 * {@code smartHost} names one by its host. In JSON, under {@code mailHosts}: {@code {"id": "relay", "host":
 * "relay.isp.example", "product": "IIS SMTP", "requiresTls": true}}.
 *
 * @param id the id other objects use
 * @param host its host name or address
 * @param product the SMTP software, as known
 * @param requiresTls it refuses mail without STARTTLS
 * @param requiresAuth it refuses mail without SMTP AUTH
 * @param provenance where derived fields came from, by field name
 * @param extensions plugin-declared fields
 * @since 2.1
 */
public record MailHost(
        String id,
        String host,
        Optional<String> product,
        boolean requiresTls,
        boolean requiresAuth,
        Map<String, Provenance> provenance,
        Extensions extensions) {

    public MailHost {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(extensions, "extensions");
        provenance = Map.copyOf(provenance);
    }
}
