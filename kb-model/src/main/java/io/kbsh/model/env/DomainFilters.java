package io.kbsh.model.env;

import java.util.List;
import java.util.Objects;

/**
 * Proxy Server 2.0's domain filters: by default every Internet site is granted (or denied) except the
 * listed domains and addresses. Filtering by domain makes the proxy look up the host name of every
 * address a client asks for (Q257379). In JSON: {@code "domainFilters": {"byDefault": "granted",
 * "except": ["games.example", "192.0.2.0/255.255.255.0"]}}.
 *
 * @param byDefault what a site not listed gets
 * @param except the listed domains and addresses
 * @since 2.1
 */
public record DomainFilters(Access byDefault, List<String> except) {

    /**
     * Whether a site is granted or denied.
     *
     * @since 2.1
     */
    public enum Access {
        GRANTED,
        DENIED
    }

    public DomainFilters {
        Objects.requireNonNull(byDefault, "byDefault");
        except = List.copyOf(except);
    }

    /** True when some listed entry is a domain name (not an address), so the proxy resolves names. */
    public boolean filtersByName() {
        return except.stream().anyMatch(e -> !e.matches("[0-9./]+"));
    }
}
