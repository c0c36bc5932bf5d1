package io.kbsh.model.env;

import java.util.Objects;
import java.util.Optional;

/**
 * A Windows service installed on a computer, by its service (key) name, e.g. {@code MSExchangeIMC} or
 * {@code SMTPSVC} (Q222553: another SMTP service holding port 25 on the proxy). In JSON: {@code {"name":
 * "SMTPSVC", "displayName": "Simple Mail Transport Protocol (SMTP)", "state": "running", "startMode":
 * "automatic"}}.
 *
 * @param name the service name as under {@code HKLM\System\CurrentControlSet\Services}
 * @param displayName the name the Services panel shows
 * @param state running, stopped or paused when known
 * @param startMode automatic, manual or disabled when known
 * @since 2.1
 */
public record InstalledService(
        String name, Optional<String> displayName, Optional<State> state, Optional<StartMode> startMode) {

    /**
     * A service's state.
     *
     * @since 2.1
     */
    public enum State {
        RUNNING,
        STOPPED,
        PAUSED
    }

    /**
     * How a service starts.
     *
     * @since 2.1
     */
    public enum StartMode {
        AUTOMATIC,
        MANUAL,
        DISABLED
    }

    public InstalledService {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(startMode, "startMode");
    }

    /** True when this is the service {@code serviceName}; service names compare without case, as Windows does. */
    public boolean is(String serviceName) {
        return name.equalsIgnoreCase(serviceName);
    }

    /** True when the service is known to run. */
    public boolean running() {
        return state.orElse(null) == State.RUNNING;
    }
}
