package io.kbsh.testkit;

import io.kbsh.net.probe.Probe;
import io.kbsh.net.probe.ProbeContext;
import io.kbsh.net.probe.ProbeException;
import io.kbsh.net.probe.TlsMode;
import java.io.IOException;

/**
 * The smallest probe a plugin can contribute, for tests of whatever runs probes: id {@code banner}, no default
 * port, it connects, keeps the first line the server sends as evidence {@code greeting} and reports the stage
 * {@code banner}. Against a {@code ScriptedServer} of kbsh-testkit-net playing a greeting it answers OK;
 * against a silent one it times out as any probe does. Stateless and safe to share.
 */
public final class BannerProbe implements Probe {

    @Override
    public String id() {
        return "banner";
    }

    @Override
    public String description() {
        return "reads one line";
    }

    @Override
    public int defaultPort(TlsMode tls) {
        return 0;
    }

    @Override
    public void run(ProbeContext context) throws IOException, ProbeException {
        context.evidence("greeting", context.connect().readLine());
        context.reached("banner");
    }
}
