package io.kbsh.model.env;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A DNS mail domain and its MX records; {@code own} marks the site's own domains (those it receives mail
 * for) as opposed to the remote ones it sends to (Q181847: MX of the own domain pointing at the proxy;
 * Q150969: a wildcard MX in the own domain).
 *
 * @param name the domain
 * @param mx its MX records as described
 * @param own one of the site's own domains
 * @param extensions plugin-declared fields
 * @since 2.0 ({@code own} and {@code extensions}: 2.1)
 */
public record DnsDomain(String name, List<MxRecord> mx, boolean own, Extensions extensions) {

    public DnsDomain {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(extensions, "extensions");
        mx = List.copyOf(mx);
    }

    /** A remote domain with the given MX records (all that schema version 1 says). */
    public DnsDomain(String name, List<MxRecord> mx) {
        this(name, mx, false, Extensions.none());
    }

    /** The MX records in the order a sender tries them. */
    public List<MxRecord> byPreference() {
        return mx.stream().sorted(Comparator.comparingInt(MxRecord::preference)).toList();
    }

    /** Distinct MX hosts. */
    public long hostCount() {
        return mx.stream()
                .map(r -> r.host().toLowerCase(Locale.ROOT))
                .distinct()
                .count();
    }
}
