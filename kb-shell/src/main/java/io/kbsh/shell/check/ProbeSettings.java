package io.kbsh.shell.check;

import io.kbsh.model.command.Arguments;
import io.kbsh.model.command.OptionSpec;
import io.kbsh.model.command.UsageException;
import io.kbsh.model.command.ValueKind;
import io.kbsh.net.probe.ProbeOptions;
import io.kbsh.shell.net.ProbeCommand;
import java.time.Duration;
import java.util.List;

/**
 * How the probes of {@code diagnose} and {@code check --probe} run: all of them within {@code --timeout}, each
 * connect and read within {@code --probe-timeout}, names asked of {@code --dns} — the options {@code probe}
 * takes, so that a probe findings ask for behaves as the same probe typed by hand.
 *
 * @param options the options every probe runs with
 * @param total how long all probes may take together
 */
public record ProbeSettings(ProbeOptions options, Duration total) {

    static final List<OptionSpec> OPTIONS = List.of(
            OptionSpec.value("timeout", ValueKind.TEXT, "seconds all probes may take together (default 30)"),
            OptionSpec.value("probe-timeout", ValueKind.TEXT, "seconds a probe's connect or read may take (default 5)"),
            OptionSpec.value(
                    "dns", ValueKind.TEXT, "the DNS server probes ask, ADDRESS[:PORT] (default: the system's)"));

    /** The settings {@code args} give; checked even for a run that will not probe, so a typo is always an error. */
    static ProbeSettings parse(Arguments args) throws UsageException {
        Duration total = Duration.ofSeconds(args.intValue("timeout", 30, 1, 600));
        Duration each = Duration.ofSeconds(args.intValue("probe-timeout", 5, 1, 600));
        // One probe may take its connect, a few reads and TLS: three times a single wait, never beyond the total.
        Duration deadline = each.multipliedBy(3).compareTo(total) > 0 ? total : each.multipliedBy(3);
        ProbeOptions options =
                ProbeOptions.defaults().withTimeouts(each, each, deadline).withDnsTimeout(each);
        if (args.value("dns").isPresent()) {
            options = options.withDnsServer(
                    ProbeCommand.dnsServer(args.value("dns").get()));
        }
        return new ProbeSettings(options, total);
    }
}
