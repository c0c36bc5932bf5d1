package io.kbsh.model.env;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.kbsh.model.version.ReleaseLevel;
import java.util.List;
import java.util.Objects;

/**
 * A Microsoft Proxy Server: version and service pack, its internal and external addresses, the Exchange
 * server it runs on (null when it runs on its own machine), dynamic packet filtering and hotfixes.
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
}
