package io.kbsh.model.env;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A DNS mail domain and its MX records.
 *
 * @since 2.0
 */
public record DnsDomain(@JsonProperty(required = true) String name, List<MxRecord> mx) {
    public DnsDomain {
        Objects.requireNonNull(name, "name");
        mx = mx == null ? List.of() : List.copyOf(mx);
    }

    /** The MX records in the order a sender tries them. */
    public List<MxRecord> byPreference() {
        return mx.stream().sorted(Comparator.comparingInt(MxRecord::preference)).toList();
    }

    /** Distinct MX hosts. */
    public long hostCount() {
        return mx.stream().map(r -> r.host().toLowerCase(java.util.Locale.ROOT)).distinct().count();
    }
}
