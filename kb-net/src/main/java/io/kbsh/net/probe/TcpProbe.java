package io.kbsh.net.probe;

import java.io.IOException;

/**
 * Connect only: is something listening on the port.
 *
 * @since 2.0
 */
public final class TcpProbe implements Probe {

    @Override
    public String id() {
        return "tcp";
    }

    @Override
    public String description() {
        return "TCP connect only";
    }

    @Override
    public int defaultPort(TlsMode tls) {
        return 0;
    }

    @Override
    public void run(ProbeContext context) throws IOException, ProbeException {
        context.connect();
    }
}
