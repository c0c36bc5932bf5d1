package io.kbsh.net.probe;

import java.util.Objects;

/**
 * One probe to run against one target with its options.
 *
 * @since 2.0
 */
public record ProbeRequest(Probe probe, ProbeTarget target, ProbeOptions options) {

    public ProbeRequest {
        Objects.requireNonNull(probe, "probe");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(options, "options");
    }
}
