package io.kbsh.model.env;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.kbsh.model.version.ReleaseLevel;
import java.util.List;
import java.util.Objects;

/**
 * A Microsoft Proxy Server: version and service pack, its internal and external addresses, the Exchange
 * server it runs on (null when it runs on its own machine), dynamic packet filtering and hotfixes.
 *
 * @since 2.0
 */
public record ProxyServer(@JsonProperty(required = true) String id,
                          @JsonProperty(required = true) ReleaseLevel version,
                          String internalAddress,
                          String externalAddress,
                          String runsOn,
                          boolean dynamicPacketFiltering,
                          List<String> hotfixes) {

    public ProxyServer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        hotfixes = hotfixes == null ? List.of() : List.copyOf(hotfixes);
    }

    public boolean hasHotfix(String article) {
        for (String h : hotfixes) {
            if (h.equalsIgnoreCase(article)) {
                return true;
            }
        }
        return false;
    }

    public boolean isRelease(String release) {
        return version.release().equals(release);
    }

    /**
     * A builder for a Proxy Server at the given version.
     *
     * @since 2.1
     */
    public static Builder builder(String id, ReleaseLevel version) {
        return new Builder(id, version);
    }

    /**
     * Builds a {@link ProxyServer}: on its own machine, no addresses, no packet filtering, no hotfixes.
     *
     * @since 2.1
     */
    public static final class Builder {
        private final String id;
        private final ReleaseLevel version;
        private String internalAddress;
        private String externalAddress;
        private String runsOn;
        private boolean dynamicPacketFiltering;
        private final List<String> hotfixes = new java.util.ArrayList<>();

        private Builder(String id, ReleaseLevel version) {
            this.id = Objects.requireNonNull(id, "id");
            this.version = Objects.requireNonNull(version, "version");
        }

        public Builder internalAddress(String address) {
            this.internalAddress = Objects.requireNonNull(address, "address");
            return this;
        }

        public Builder externalAddress(String address) {
            this.externalAddress = Objects.requireNonNull(address, "address");
            return this;
        }

        /** The id of the Exchange server the proxy runs on. */
        public Builder runsOn(String serverId) {
            this.runsOn = Objects.requireNonNull(serverId, "serverId");
            return this;
        }

        public Builder dynamicPacketFiltering(boolean enabled) {
            this.dynamicPacketFiltering = enabled;
            return this;
        }

        public Builder hotfix(String article) {
            hotfixes.add(Objects.requireNonNull(article, "article"));
            return this;
        }

        public ProxyServer build() {
            return new ProxyServer(id, version, internalAddress, externalAddress, runsOn, dynamicPacketFiltering, hotfixes);
        }
    }
}
