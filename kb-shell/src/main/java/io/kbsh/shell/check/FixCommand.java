package io.kbsh.shell.check;

import io.kbsh.ini.file.PlanApplier;
import io.kbsh.ini.plan.IniPlan;
import io.kbsh.model.command.Arguments;
import io.kbsh.model.command.CommandContext;
import io.kbsh.model.command.CommandException;
import io.kbsh.model.command.ExitStatus;
import io.kbsh.model.command.OptionSpec;
import io.kbsh.model.command.ShellCommand;
import io.kbsh.model.command.UsageException;
import io.kbsh.model.command.ValueKind;
import io.kbsh.model.finding.Action;
import io.kbsh.model.finding.Finding;
import io.kbsh.model.finding.ObjectRef;
import io.kbsh.shell.check.run.CheckReport;
import io.kbsh.shell.check.run.Outcome;
import io.kbsh.shell.env.EnvironmentReader;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code fix plan} / {@code fix apply}: the INI fixes open findings call for, planned by the plugins' INI
 * writers against local files only (the collected copy, or {@code --file}). Applying asks first (or needs
 * {@code --yes} in batch mode), writes atomically and keeps a backup. When only the server path is known,
 * the plan shows the file as it would be and says where on the server it belongs.
 *
 * <p>Registry changes are handed over, never made: the plan shows each finding's {@code .reg} file, and
 * applying writes it (into {@code --reg-dir}, by default {@code handovers/} in kbsh's home) under the same
 * rules — locked, atomic, with a backup of an older hand-over — for a person to review and import.
 */
public final class FixCommand implements ShellCommand {

    private final CheckSession session;
    private final CheckEngine engine;
    private final FixPlans plans;
    private final DiagnosisService diagnoses;

    @Inject
    public FixCommand(CheckSession session, CheckEngine engine, DiagnosisService diagnoses) {
        this.session = session;
        this.engine = engine;
        this.plans = new FixPlans(engine);
        this.diagnoses = diagnoses;
    }

    /** A command over its own service (tests). */
    public FixCommand(CheckSession session, CheckEngine engine) {
        this(session, engine, ReportingCommand.serviceFor(session, engine));
    }

    @Override
    public String name() {
        return "fix";
    }

    @Override
    public String description() {
        return "plan or apply the INI fixes of open findings (local files only, with backups) and write their .reg hand-overs";
    }

    @Override
    public List<String> examples() {
        return List.of(
                "fix plan Q254909",
                "fix apply Q254909 --object server:NWMAIL1",
                "fix apply Q197378 --reg-dir handovers --yes");
    }

    @Override
    public String usage() {
        return "fix plan [ARTICLE...] [--object KIND:ID] [--file FILE]\n"
                + "fix apply [ARTICLE...] [--object KIND:ID] [--file FILE] [--reg-dir DIR] [--yes]";
    }

    @Override
    public List<String> subcommands() {
        return List.of("plan", "apply");
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(
                OptionSpec.value("file", ValueKind.FILE, "edit this local file instead of the collected copy"),
                OptionSpec.value("object", ValueKind.TEXT, "only fixes for this object, e.g. server:EXCH1"),
                OptionSpec.value(
                        "reg-dir",
                        ValueKind.FILE,
                        "with apply: the DIR the .reg hand-overs are written to"
                                + " (default: handovers in kbsh's home)"),
                OptionSpec.flag("yes", "apply without asking (needed in batch mode)"),
                OptionSpec.value("env", ValueKind.FILE, "load this environment file first"),
                OptionSpec.value("waivers", ValueKind.FILE, "the waiver file to use"),
                Evaluation.CHECK_TIMEOUT);
    }

    @Override
    public ValueKind argumentKind(List<String> precedingWords) {
        return precedingWords.isEmpty() ? ValueKind.TEXT : ValueKind.ARTICLE;
    }

    /** One INI fix to make: the finding that calls for it and the writer step. */
    private record Step(Finding finding, Action.RunIniWriter action) {}

    /** One registry hand-over to write: the finding that calls for it and its changes. */
    private record HandOver(Finding finding, Action.RegistryHandOver action) {}

    @Override
    public int run(CommandContext context, List<String> arguments) throws CommandException {
        Arguments args = Arguments.parse(arguments, options());
        String sub = args.positional(0, "SUBCOMMAND (plan or apply)");
        if (!sub.equals("plan") && !sub.equals("apply")) {
            throw new UsageException("unknown subcommand '" + sub + "' (plan or apply)");
        }
        Optional<ObjectRef> only = Optional.empty();
        if (args.value("object").isPresent()) {
            try {
                only = Optional.of(ObjectRef.parse(args.value("object").get()));
            } catch (IllegalArgumentException e) {
                throw new UsageException("option --object: " + e.getMessage());
            }
        }
        Evaluation evaluation = Evaluation.prepare(
                context,
                session,
                engine,
                args,
                args.positional().subList(1, args.positional().size()),
                Optional.empty());
        if (only.isPresent()
                && !CheckSession.objectNames(evaluation.environment())
                        .contains(only.get().toString())) {
            // Otherwise a typo in the id would read as "nothing to fix".
            throw new UsageException("option --object: the environment has no " + only.get());
        }
        CheckReport report =
                diagnoses.run(context, evaluation, DiagnosisService.Steps.QUIET).report();
        if (!report.failures().isEmpty()) {
            // A failed check's fixes are unknown: say so, and never plan or apply after a Ctrl-C.
            report.failures().forEach(f -> context.err().println("check failed: " + f.describe()));
            ReportOptions.printTraces(context, report);
            if (report.cancelled()) {
                return ExitStatus.FAILED;
            }
        }
        List<Step> steps = new ArrayList<>();
        List<HandOver> handOvers = new ArrayList<>();
        List<String> elsewhere = new ArrayList<>();
        for (Outcome o : report.open()) {
            if (only.isPresent() && !o.finding().affected().contains(only.get())) {
                continue;
            }
            boolean ini = o.finding().resolution().stream()
                    .anyMatch(a -> a instanceof Action.RunIniWriter || a instanceof Action.RegistryHandOver);
            for (Action a : o.finding().resolution()) {
                if (a instanceof Action.RunIniWriter w) {
                    steps.add(new Step(o.finding(), w));
                } else if (a instanceof Action.RegistryHandOver r) {
                    handOvers.add(new HandOver(o.finding(), r));
                } else if (!ini) {
                    // A finding with an INI change lists its other steps after the apply ("then: ...").
                    notAnIniChange(o.finding(), a).ifPresent(elsewhere::add);
                }
            }
        }
        // A finding fixed by a service pack (or by hand) has nothing for fix to edit: say what its fix is,
        // rather than let "nothing to fix" read as "nothing wrong".
        elsewhere.forEach(context.out()::println);
        int failed = report.failures().isEmpty() ? ExitStatus.OK : ExitStatus.FAILED;
        if (steps.isEmpty() && handOvers.isEmpty()) {
            context.out()
                    .println((elsewhere.isEmpty()
                                    ? "Nothing to fix: no open finding calls for an INI change or a registry change"
                                    : "No INI change to " + sub
                                            + ": kbsh edits INI files and hands over registry changes only; once the fix above"
                                            + " is made, check again")
                            + (report.failures().isEmpty() ? "." : " (of the checks that answered)."));
            context.out().flush();
            return failed;
        }
        Path override = args.value("file").map(context::resolve).orElse(null);
        if (override != null && steps.size() > 1) {
            throw new UsageException("--file names one file, but " + steps.size()
                    + " INI fixes apply; choose one with ARTICLE or --object");
        }
        int status = failed;
        for (Step step : steps) {
            status = ExitStatus.combine(
                    status, fix(context, evaluation, step, override, sub.equals("apply"), args.has("yes")));
        }
        Path regDir = args.value("reg-dir")
                .map(context::resolve)
                .orElse(context.home().resolve("handovers"));
        for (HandOver h : handOvers) {
            status = ExitStatus.combine(status, handOver(context, h, regDir, sub.equals("apply"), args.has("yes")));
        }
        context.out().flush();
        return status;
    }

    /** Shows a registry hand-over's {@code .reg} file and, applying, writes it for a person to import. */
    private static int handOver(CommandContext context, HandOver step, Path regDir, boolean apply, boolean yes)
            throws CommandException {
        Action.RegistryHandOver action = step.action();
        RegistryFiles.HandOverFile file = RegistryFiles.of(step.finding().article(), action);
        Path target = regDir.resolve(file.fileName());
        context.out()
                .println(step.finding().article() + " on " + action.target()
                        + ": registry changes, handed over as a .reg file"
                        + " for a person to review and import with Regedit (kbsh never edits a registry):");
        file.note().ifPresent(n -> context.out().println("note: " + n));
        file.text().lines().forEach(line -> context.out().println("  " + line));
        if (!apply) {
            context.out().println("fix apply writes it to " + target);
            return ExitStatus.OK;
        }
        if (!yes && !context.interactive()) {
            throw new UsageException("fix apply needs --yes in batch mode; nothing was written to " + target);
        }
        if (!yes && !context.confirm("Write this .reg file to " + target + "?")) {
            context.out().println("not written.");
            return ExitStatus.OK;
        }
        byte[] bytes = file.document().toBytes();
        boolean[] unchanged = {false};
        Optional<Path> backup;
        try {
            backup = SafeFiles.update(target, RegistryFiles.MAX_BYTES, "a .reg hand-over", current -> {
                unchanged[0] = current.isPresent() && java.util.Arrays.equals(current.get(), bytes);
                return bytes;
            });
        } catch (IOException e) {
            throw new CommandException("cannot write " + target + ": " + e.getMessage());
        }
        context.out()
                .println((unchanged[0]
                                ? "already written: " + target + " (unchanged)"
                                : "wrote " + target
                                        + backup.map(b -> " (backup of the earlier one: " + b + ")")
                                                .orElse(""))
                        + "; review it, then import it on " + action.target().id()
                        + " with Regedit (Registry, Import Registry File)");
        if (step.finding().resolution().stream().anyMatch(a -> a instanceof Action.RunIniWriter)) {
            return ExitStatus.OK; // the INI fix above already listed the steps that follow
        }
        for (Action then : step.finding().resolution()) {
            if (then.kind() == Action.Kind.MANUAL || then.kind() == Action.Kind.SERVICE_PACK) {
                context.out().println("then: " + then.describe());
            }
        }
        return ExitStatus.OK;
    }

    /** The line for a resolution step a person must take outside kbsh (a service pack, a manual step), if it is one. */
    private static Optional<String> notAnIniChange(Finding finding, Action action) {
        String head = finding.article() + " on " + action.target() + ": ";
        if (action instanceof Action.InstallServicePack pack) {
            return Optional.of(head + "the fix is a service pack, not an INI change: " + pack.describe());
        }
        if (action instanceof Action.ManualStep manual) {
            return Optional.of(head + "then, by hand: " + manual.describe());
        }
        return Optional.empty();
    }

    private int fix(CommandContext context, Evaluation evaluation, Step step, Path override, boolean apply, boolean yes)
            throws CommandException {
        Action.RunIniWriter action = step.action();
        String serverPath = action.file().serverPath();
        context.out().println(step.finding().article() + " on " + action.target() + ": " + action.describe());
        Path local = override != null ? override : action.file().localCopy().orElse(null);
        boolean serverOnly = local == null;
        if (override == null && local != null) {
            // Checked at load too; again here because links inside the folder may have changed since.
            Optional<String> outside = outsideCopyFolders(evaluation, local);
            if (outside.isPresent()) {
                context.err()
                        .println("error: refused to edit the collected copy of " + serverPath + ": " + outside.get()
                                + "; nothing was written");
                return ExitStatus.FAILED;
            }
        }
        Path planned = serverOnly ? Path.of(action.file().fileName()) : local;
        IniPlan plan;
        try {
            plan = plans.plan(step.finding().article(), action, planned, serverOnly);
        } catch (FixPlans.PlanFailure e) {
            context.err()
                    .println("error: " + e.getMessage()
                            + (serverOnly ? " (no local copy of " + serverPath + "; collect it and pass --file)" : ""));
            return ExitStatus.FAILED;
        }
        plan.warnings().forEach(w -> context.out().println("note: " + w));
        if (plan.changesNothing()) {
            context.out().println("already in place in " + planned);
            return ExitStatus.OK;
        }
        context.out().print(plan.diff());
        if (serverOnly) {
            context.out()
                    .println("no local copy: this is how " + action.file().fileName() + " would read; it belongs at "
                            + serverPath + " on " + action.target().id()
                            + " (collect it and pass --file to edit a copy)");
            return ExitStatus.OK;
        }
        if (!apply) {
            return ExitStatus.OK;
        }
        if (!yes && !context.interactive()) {
            throw new UsageException("fix apply needs --yes in batch mode; nothing was written to " + local);
        }
        if (!yes && !context.confirm("Apply this change to " + local + "?")) {
            context.out().println("not applied.");
            return ExitStatus.OK;
        }
        try {
            PlanApplier.ApplyResult result = new PlanApplier().apply(plan);
            context.out()
                    .println("applied to " + local
                            + result.backup().map(b -> " (backup: " + b + ")").orElse(""));
        } catch (IOException e) {
            throw new CommandException("cannot write " + local + ": " + e.getMessage());
        }
        for (Action then : step.finding().resolution()) {
            if (then.kind() == Action.Kind.MANUAL || then.kind() == Action.Kind.SERVICE_PACK) {
                context.out().println("then: " + then.describe());
            }
        }
        context.out()
                .println("copy " + local + " back to " + serverPath + " on "
                        + action.target().id());
        return ExitStatus.OK;
    }

    /** Why {@code copy} may not be edited: outside the evaluated environment's folder and the folders allowed with it. */
    private Optional<String> outsideCopyFolders(Evaluation evaluation, Path copy) throws CommandException {
        Optional<Path> environmentFile = evaluation.environmentFile();
        if (environmentFile.isEmpty()) {
            return Optional.empty();
        }
        try {
            return EnvironmentReader.outside(
                    copy,
                    EnvironmentReader.copyRoots(
                            environmentFile.get(),
                            evaluation.sessionEnvironment() ? session.copyFolders() : List.of()));
        } catch (IOException e) {
            throw new CommandException("cannot check " + copy + ": " + e.getMessage());
        }
    }
}
