package io.kbsh.shell.check;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kbsh.model.command.Arguments;
import io.kbsh.model.command.CommandContext;
import io.kbsh.model.command.CommandException;
import io.kbsh.model.command.ExitStatus;
import io.kbsh.model.command.OptionSpec;
import io.kbsh.model.command.UsageException;
import io.kbsh.model.command.ValueKind;
import io.kbsh.model.finding.Severity;
import io.kbsh.shell.check.report.JUnitReport;
import io.kbsh.shell.check.report.JsonReport;
import io.kbsh.shell.check.run.CheckFailure;
import io.kbsh.shell.check.run.CheckReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** The output options {@code check} and {@code diagnose} share, and how they end: text, JSON, JUnit XML, exit status. */
record ReportOptions(boolean json, Path junit, Path html, Severity failOn) {

    static final List<OptionSpec> OPTIONS = List.of(
            OptionSpec.flag("json", "print the report as JSON (schema kbsh.check-report, version 1)"),
            OptionSpec.value("junit", ValueKind.FILE, "also write the report as JUnit XML to FILE"),
            OptionSpec.value(
                    "html",
                    ValueKind.FILE,
                    "also write the report as one self-contained HTML file (the site's"
                            + " picture, findings, plans) to FILE"),
            OptionSpec.value(
                    "fail-on",
                    ValueKind.TEXT,
                    "exit with status 4 when an unwaived finding at or above"
                            + " this severity (info, warning, error, critical) exists"),
            OptionSpec.value("env", ValueKind.FILE, "load this environment file first"),
            OptionSpec.value(
                    "waivers", ValueKind.FILE, "the waiver file to use (default: waivers.json in kbsh's home)"));

    static ReportOptions parse(Arguments args, CommandContext context) throws UsageException {
        Severity failOn = null;
        if (args.value("fail-on").isPresent()) {
            try {
                failOn = Severity.parse(args.value("fail-on").get());
            } catch (IllegalArgumentException e) {
                throw new UsageException("option --fail-on: " + e.getMessage());
            }
        }
        Path junit = args.value("junit").map(context::resolve).orElse(null);
        Path html = args.value("html").map(context::resolve).orElse(null);
        return new ReportOptions(args.has("json"), junit, html, failOn);
    }

    /**
     * Prints the diagnosis (as JSON with {@code extendJson}'s additions, or as {@code text}), writes the JUnit
     * and HTML files, and returns the exit status. Every output is made from the same {@link Diagnosis}.
     */
    int emit(
            CommandContext context,
            Diagnosis diagnosis,
            Consumer<ObjectNode> extendJson,
            String text,
            Optional<ReportContext> reportContext)
            throws CommandException {
        CheckReport report = diagnosis.report();
        ObjectNode tree = JsonReport.tree(report);
        extendJson.accept(tree);
        reportContext.ifPresent(c -> c.addTo(tree, diagnosis));
        if (json) {
            io.kbsh.shell.json.JsonOutput.print(context, tree);
        } else {
            context.out().print(text);
        }
        if (junit != null) {
            // Without --fail-on, info findings (such as "the fix is already in place") must not turn CI red.
            String xml = JUnitReport.write(report, failOn == null ? Severity.WARNING : failOn);
            try {
                SafeFiles.write(junit, xml.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new CommandException("cannot write " + junit + ": " + e.getMessage());
            }
            if (!json) {
                context.out().println("JUnit report written to " + junit);
            }
        }
        if (html != null) {
            if (reportContext.isEmpty()) {
                throw new CommandException("--html: this shell has no report context");
            }
            reportContext.get().writeHtml(tree, diagnosis.evaluation().environment(), html);
            if (!json) {
                context.out().println("HTML report written to " + html);
            }
        }
        context.out().flush();
        printTraces(context, report);
        int status = ExitStatus.OK;
        if (!report.failures().isEmpty()) {
            status = ExitStatus.FAILED;
        }
        if (failOn != null && report.failsAt(failOn)) {
            status = ExitStatus.combine(status, ExitStatus.FINDINGS);
        }
        return status;
    }

    /** Under {@code --debug}: the stack trace of every check that failed (for one that ran too long, where it was). */
    static void printTraces(CommandContext context, CheckReport report) {
        if (!context.debug()) {
            return;
        }
        for (CheckFailure f : report.failures()) {
            f.cause().ifPresent(cause -> {
                context.err().println("check failed: " + f.describe());
                cause.printStackTrace(context.err());
            });
        }
        context.err().flush();
    }
}
