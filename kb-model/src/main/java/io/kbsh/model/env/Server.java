package io.kbsh.model.env;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.kbsh.model.version.ReleaseLevel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An Exchange server: Windows NT and Exchange levels, cluster membership, components, whether the WinSock
 * Proxy client is installed, hotfixes applied (article ids such as {@code Q232588}) and its INI files.
 */
public record Server(@JsonProperty(required = true) String id,
                     String site,
                     List<String> addresses,
                     ReleaseLevel windowsNt,
                     @JsonProperty(required = true) ReleaseLevel exchange,
                     boolean clustered,
                     Set<Component> components,
                     boolean winsockProxyClient,
                     List<String> hotfixes,
                     List<IniFile> iniFiles) {

    public Server {
        Objects.requireNonNull(id, "id");
        addresses = addresses == null ? List.of() : List.copyOf(addresses);
        components = components == null ? Set.of() : Set.copyOf(components);
        hotfixes = hotfixes == null ? List.of() : List.copyOf(hotfixes);
        iniFiles = iniFiles == null ? List.of() : List.copyOf(iniFiles);
    }

    public boolean has(Component component) {
        return components.contains(component);
    }

    /** The first INI file of this server with the given file name (Windows comparison). */
    public Optional<IniFile> ini(String fileName) {
        for (IniFile f : iniFiles) {
            if (f.named(fileName)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** All INI files of this server with the given file name (Windows comparison). */
    public List<IniFile> inis(String fileName) {
        List<IniFile> found = new ArrayList<>();
        for (IniFile f : iniFiles) {
            if (f.named(fileName)) {
                found.add(f);
            }
        }
        return found;
    }

    /** True when a hotfix for {@code article} (e.g. {@code Q232588}) is recorded as applied. */
    public boolean hasHotfix(String article) {
        for (String h : hotfixes) {
            if (h.equalsIgnoreCase(article)) {
                return true;
            }
        }
        return false;
    }

    /** "Internet Mail Connector" on 4.0, "Internet Mail Service" from 5.0 on. */
    public String internetMailName() {
        return "4.0".equals(exchange.release()) ? "Internet Mail Connector" : "Internet Mail Service";
    }

    Server resolvedAgainst(Path base) {
        return new Server(id, site, addresses, windowsNt, exchange, clustered, components, winsockProxyClient,
                hotfixes, iniFiles.stream().map(f -> f.resolvedAgainst(base)).toList());
    }
}
