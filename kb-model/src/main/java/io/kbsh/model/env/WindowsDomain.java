package io.kbsh.model.env;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A Windows NT or Windows 2000 domain, its domain controllers and the domains it trusts (Q179442: what
 * domain and trust traffic needs across a firewall). A trust is one-way, as in Windows NT: "A trusts B"
 * lets B's accounts use A's resources; a two-way trust is listed on both sides. In JSON, under
 * {@code windowsDomains}: {@code {"name": "CORP", "controllers": ["DC1", "EXCH1"], "trusts": ["RESOURCE"]}}.
 *
 * @param name the domain's (NetBIOS) name
 * @param controllers its domain controllers: server ids or host names
 * @param trusts the names of the listed domains this domain trusts
 * @param provenance where derived fields came from, by field name
 * @param extensions plugin-declared fields
 * @since 2.1
 */
public record WindowsDomain(
        String name,
        List<String> controllers,
        List<String> trusts,
        Map<String, Provenance> provenance,
        Extensions extensions) {

    public WindowsDomain {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(extensions, "extensions");
        controllers = List.copyOf(controllers);
        trusts = List.copyOf(trusts);
        provenance = Map.copyOf(provenance);
    }

    /** True when this domain trusts {@code other} (names compare without case). */
    public boolean trusts(String other) {
        return trusts.stream().anyMatch(t -> t.equalsIgnoreCase(other));
    }
}
