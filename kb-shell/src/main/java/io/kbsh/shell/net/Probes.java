package io.kbsh.shell.net;

import io.kbsh.net.probe.Probe;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The probes kb-net ships to the shell ({@code tcp}, {@code udp}, {@code smtp}, {@code smtp-relay}, {@code pop3},
 * {@code imap4}, {@code nntp}, {@code ldap}, {@code rfc1006}), as listed in its {@code META-INF/services}. The MX
 * check ({@link io.kbsh.net.mx.MxProbe}), the reverse look-up ({@link io.kbsh.net.lookup.PtrProbe}) and the SOA
 * comparison ({@link io.kbsh.net.lookup.SoaProbe}) ask about a domain, an address or a zone, not an endpoint:
 * {@code probe} and {@code diagnose} call them by the ids {@code mx}, {@code ptr} and {@code soa}.
 */
public final class Probes {

    private Probes() {}

    /** The built-in probes: those kb-net's own class loader lists, never a plugin's. */
    public static List<Probe> builtIn() {
        List<Probe> probes = new ArrayList<>();
        ClassLoader kbNet = Probe.class.getClassLoader();
        ServiceLoader.load(Probe.class, kbNet).forEach(p -> {
            if (p.getClass().getClassLoader() == kbNet) {
                probes.add(p);
            }
        });
        return List.copyOf(probes);
    }

    /** The built-in probe with this id. */
    public static Optional<Probe> byId(String id) {
        return builtIn().stream().filter(p -> p.id().equals(id)).findFirst();
    }
}
