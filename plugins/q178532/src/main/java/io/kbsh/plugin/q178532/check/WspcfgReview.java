package io.kbsh.plugin.q178532.check;

import io.kbsh.ini.document.IniDocument;
import io.kbsh.model.env.IniFile;
import io.kbsh.model.env.ProxyServer;
import io.kbsh.model.env.Publication;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a collected {@code Wspcfg.ini} the way the WinSock Proxy client does and lists what the
 * publications need but the file lacks: the section of the serving process ({@code STORE} or
 * {@code DSAMAIN}), each port in {@code ServerBindTcpPorts}, {@code Persistent=1}, {@code KillOldSession=1},
 * a {@code ProxyBindIP} entry for each SSL port, and no Unicode encoding (the archive's Q181420).
 */
final class WspcfgReview {

    /** What the review found: pieces missing, and pieces found in place. */
    record Result(List<String> missing, List<String> present) {}

    private WspcfgReview() {}

    /** The Wspcfg.ini section the process serving a protocol reads: Store.exe or Dsamain.exe. */
    static String section(Publication p) {
        return switch (p.protocol()) {
            case LDAP -> "DSAMAIN";
            default -> "STORE";
        };
    }

    static Result review(IniFile file, List<Publication> publications, ProxyServer proxy) throws IOException {
        IniDocument doc = IniDocument.read(file.localCopy().orElseThrow());
        List<String> missing = new ArrayList<>();
        List<String> present = new ArrayList<>();
        if (doc.encoding().isUnicode()) {
            missing.add(file.fileName() + " is saved as Unicode; the client only reads it in ANSI (Q181420)");
        }
        Map<String, List<Publication>> bySection = new HashMap<>();
        for (Publication p : publications) {
            bySection.computeIfAbsent(section(p), k -> new ArrayList<>()).add(p);
        }
        for (Map.Entry<String, List<Publication>> e : new java.util.TreeMap<>(bySection).entrySet()) {
            String section = e.getKey();
            if (!doc.hasSection(section)) {
                missing.add("no [" + section + "] section");
                continue;
            }
            Set<Integer> bound = ports(doc.get(section, "ServerBindTcpPorts", ""));
            Map<Integer, String> proxyBind = proxyBind(doc.get(section, "ProxyBindIP", ""));
            for (Publication p : e.getValue()) {
                int port = p.effectivePort();
                if (bound.contains(port)) {
                    present.add("[" + section + "] ServerBindTcpPorts includes " + port + " (" + p.describe() + ")");
                } else {
                    missing.add("[" + section + "] ServerBindTcpPorts lacks " + port + " (" + p.describe() + ")");
                }
                if (p.ssl()) {
                    String address = proxyBind.get(port);
                    if (address == null) {
                        missing.add("[" + section + "] ProxyBindIP has no entry for SSL port " + port);
                    } else if (proxy.externalAddress().isPresent()
                            && !address.equals(proxy.externalAddress().get())) {
                        missing.add("[" + section + "] ProxyBindIP binds " + port + " to " + address
                                + ", but the proxy's external address is "
                                + proxy.externalAddress().get());
                    } else {
                        present.add("[" + section + "] ProxyBindIP binds " + port + " to " + address);
                    }
                }
            }
            for (String flag : List.of("Persistent", "KillOldSession")) {
                if (doc.getInt(section, flag, 0) == 1) {
                    present.add("[" + section + "] " + flag + "=1");
                } else {
                    missing.add("[" + section + "] " + flag + "=1 is not set"
                            + doc.get(section, flag)
                                    .map(v -> " (found " + flag + "=" + v + ")")
                                    .orElse(""));
                }
            }
        }
        return new Result(missing, present);
    }

    /** {@code 110,119,1025-1030} as a set of ports; items that are not numbers are ignored, as the client does. */
    static Set<Integer> ports(String text) {
        Set<Integer> ports = new TreeSet<>();
        for (String item : text.split(",")) {
            String t = item.trim();
            try {
                int dash = t.indexOf('-');
                if (dash > 0) {
                    int from = Integer.parseInt(t.substring(0, dash).trim());
                    int to = Integer.parseInt(t.substring(dash + 1).trim());
                    for (int p = from; p <= to && p <= 65535; p++) {
                        ports.add(p);
                    }
                } else if (!t.isEmpty()) {
                    ports.add(Integer.parseInt(t));
                }
            } catch (NumberFormatException ignored) {
                // not a port: the client skips it too
            }
        }
        return ports;
    }

    /** {@code 993:203.0.113.5,995:203.0.113.5} as port to address. */
    static Map<Integer, String> proxyBind(String text) {
        Map<Integer, String> map = new HashMap<>();
        for (String item : text.split(",")) {
            int colon = item.indexOf(':');
            if (colon > 0) {
                try {
                    map.put(
                            Integer.parseInt(item.substring(0, colon).trim()),
                            item.substring(colon + 1).trim());
                } catch (NumberFormatException ignored) {
                    // not a port entry
                }
            }
        }
        return map;
    }
}
