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
 *
 * @since 2.0
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

    /**
     * A builder for a server with the given id at the given Exchange level.
     *
     * @since 2.1
     */
    public static Builder builder(String id, ReleaseLevel exchange) {
        return new Builder(id, exchange);
    }

    /**
     * Builds a {@link Server}; lists start empty and flags false.
     *
     * @since 2.1
     */
    public static final class Builder {
        private final String id;
        private final ReleaseLevel exchange;
        private String site;
        private final List<String> addresses = new ArrayList<>();
        private ReleaseLevel windowsNt;
        private boolean clustered;
        private final Set<Component> components = new java.util.LinkedHashSet<>();
        private boolean winsockProxyClient;
        private final List<String> hotfixes = new ArrayList<>();
        private final List<IniFile> iniFiles = new ArrayList<>();

        private Builder(String id, ReleaseLevel exchange) {
            this.id = Objects.requireNonNull(id, "id");
            this.exchange = Objects.requireNonNull(exchange, "exchange");
        }

        public Builder site(String siteId) {
            this.site = Objects.requireNonNull(siteId, "siteId");
            return this;
        }

        public Builder address(String address) {
            addresses.add(Objects.requireNonNull(address, "address"));
            return this;
        }

        public Builder windowsNt(ReleaseLevel level) {
            this.windowsNt = Objects.requireNonNull(level, "level");
            return this;
        }

        public Builder clustered(boolean clustered) {
            this.clustered = clustered;
            return this;
        }

        public Builder components(Component... components) {
            this.components.addAll(List.of(components));
            return this;
        }

        public Builder winsockProxyClient(boolean installed) {
            this.winsockProxyClient = installed;
            return this;
        }

        /** A hotfix applied, named by its article (e.g. {@code Q232588}). */
        public Builder hotfix(String article) {
            hotfixes.add(Objects.requireNonNull(article, "article"));
            return this;
        }

        public Builder iniFile(IniFile file) {
            iniFiles.add(Objects.requireNonNull(file, "file"));
            return this;
        }

        public Server build() {
            return new Server(id, site, addresses, windowsNt, exchange, clustered, components, winsockProxyClient, hotfixes, iniFiles);
        }
    }
}
