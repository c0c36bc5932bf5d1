package io.kbsh.model.fact;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a reverse look-up of an address found: how it ended ({@code OK}, {@code NXDOMAIN}, {@code NODATA},
 * {@code TIMEOUT}, …), the names its PTR records give, and which of those names resolve forward to the
 * address again (forward-confirmed, what Q193380's X.400 peer check needs).
 *
 * @since 2.1
 */
public record PtrFact(
        String address,
        String dnsOutcome,
        List<String> names,
        List<String> confirmed,
        String detail,
        Instant observedAt)
        implements Fact {

    public PtrFact {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(dnsOutcome, "dnsOutcome");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(observedAt, "observedAt");
        names = List.copyOf(names);
        confirmed = List.copyOf(confirmed);
    }

    @Override
    public String probe() {
        return "ptr";
    }

    @Override
    public String subject() {
        return address;
    }

    /** True when {@code name} is among the PTR names and resolves back to the address. */
    public boolean confirms(String name) {
        String bare = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        return confirmed.stream().anyMatch(n -> n.equalsIgnoreCase(bare));
    }

    @Override
    public String describe() {
        StringBuilder sb = new StringBuilder("ptr ").append(address).append(' ').append(dnsOutcome);
        for (String n : names) {
            sb.append("; ").append(n).append(confirmed.contains(n) ? " (resolves back)" : " (does not resolve back)");
        }
        return detail.isEmpty() ? sb.toString() : sb.append(": ").append(detail).toString();
    }
}
