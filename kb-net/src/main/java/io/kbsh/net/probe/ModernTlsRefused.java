package io.kbsh.net.probe;

import io.kbsh.model.fact.ProbeStatus;

/**
 * The server answered the JDK's ClientHello with a bare {@code protocol_version} alert: it may speak only
 * protocols this JVM disables. {@link ProbeContext} then runs the probe once more, with {@link
 * Wire#startTls} sending a legacy hello, to name the version.
 */
final class ModernTlsRefused extends ProbeException {

    private static final long serialVersionUID = 1L;

    ModernTlsRefused(String detail) {
        super(ProbeStatus.TLS_ERROR, detail);
    }
}
