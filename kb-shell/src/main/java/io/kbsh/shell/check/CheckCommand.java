package io.kbsh.shell.check;

import io.kbsh.model.command.Arguments;
import io.kbsh.model.command.OptionSpec;
import jakarta.inject.Inject;
import java.util.List;

/** {@code check [ARTICLE…] [--probe]}: which articles apply to the loaded environment, and why. */
public final class CheckCommand extends ReportingCommand {

    @Inject
    public CheckCommand(CheckSession session, CheckEngine engine) {
        super(session, engine, OptionSpec.flag("probe", "run the probes the findings ask for, then check again with their facts"));
    }

    @Override
    public String name() {
        return "check";
    }

    @Override
    public String description() {
        return "run the article checks against the loaded environment";
    }

    @Override
    public List<String> examples() {
        return List.of("check  every article against the loaded environment",
                "check Q254909 --probe",
                "check --json --fail-on error  for CI: status 4 when an unwaived error is open",
                "check --env site.json --junit report.xml");
    }

    @Override
    public String usage() {
        return "check [ARTICLE...] [--probe] [--timeout SECONDS] [--check-timeout SECONDS] [--env FILE]\n"
                + "      [--waivers FILE] [--json] [--junit FILE] [--html FILE] [--fail-on SEVERITY]";
    }

    @Override
    boolean probes(Arguments args) {
        return args.has("probe");
    }
}
