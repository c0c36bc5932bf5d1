package io.kbsh.net.probe;

import java.io.IOException;
import java.util.Map;
import java.util.Set;

/**
 * A network probe of one host and port (SPI). Built-in probes and plugin probes are found as
 * {@link java.util.ServiceLoader} services of this interface.
 *
 * <p>An implementation talks to the peer only through {@link ProbeContext#connect()} and the {@link Wire} it
 * returns, which bound every read (connect timeout, read timeout, absolute deadline, byte caps) and let the
 * {@link ProbeRunner} cancel it. It records the stages it reaches and the evidence it sees on the context,
 * returns normally when the probe reached what it set out to reach, and throws {@link ProbeException} with a
 * status otherwise; any other exception is classified by the context (time-out, reset, TLS failure…).
 *
 * @since 2.0
 */
public interface Probe {

    /** The probe's id, e.g. {@code smtp}: lower case, used on the command line. */
    String id();

    /** One line for listings. */
    String description();

    /** The well-known port for {@code tls}, e.g. 110 for POP3 and 995 for POP3 over TLS; 0 when there is none. */
    int defaultPort(TlsMode tls);

    /** The TLS modes the probe understands; {@link TlsMode#NONE} at least. */
    default Set<TlsMode> tlsModes() {
        return Set.of(TlsMode.NONE);
    }

    /**
     * The parameters {@link #configured} understands, e.g. {@code to} for the SMTP relay test; none by default.
     *
     * @since 2.1
     */
    default Set<String> parameterNames() {
        return Set.of();
    }

    /**
     * This probe with {@code parameters} (a user's {@code --param NAME=VALUE}, a check's probe request):
     * a configured copy, or this probe when there are none. An unknown name or a bad value is an {@link
     * IllegalArgumentException} saying which.
     *
     * @since 2.1
     */
    default Probe configured(Map<String, String> parameters) {
        if (!parameters.isEmpty()) {
            throw new IllegalArgumentException("probe " + id() + " takes no parameters, got "
                    + String.join(", ", new java.util.TreeSet<>(parameters.keySet())));
        }
        return this;
    }

    /** Talks to {@link ProbeContext#target()}. */
    void run(ProbeContext context) throws IOException, ProbeException;

    /**
     * Runs this probe once on the calling thread and returns what it found. Its deadline bounds it; to
     * cancel it from outside (Ctrl-C), run it through a {@link ProbeRunner}, which closes its socket.
     */
    default ProbeResult probe(ProbeTarget target, ProbeOptions options) {
        return ProbeContext.open(id(), target, options, java.util.OptionalLong.empty())
                .execute(this);
    }
}
