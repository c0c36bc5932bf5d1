package io.kbsh.shell.check;

import com.fasterxml.jackson.databind.JsonNode;
import io.kbsh.model.command.Arguments;
import io.kbsh.model.command.CommandContext;
import io.kbsh.model.command.CommandException;
import io.kbsh.model.command.ExitStatus;
import io.kbsh.model.command.OptionSpec;
import io.kbsh.model.command.ShellCommand;
import io.kbsh.model.command.UsageException;
import io.kbsh.model.command.ValueKind;
import io.kbsh.shell.check.report.JsonReport;
import io.kbsh.shell.report.HtmlReport;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** {@code report html REPORT.json [--output FILE]}: a saved {@code check --json} report as the HTML report. */
public final class ReportCommand implements ShellCommand {

    /** A saved report with its environment is kilobytes; this leaves room for very large sites. */
    static final long MAX_REPORT_BYTES = 64L << 20;

    private final ReportContext reports;

    @Inject
    public ReportCommand(ReportContext reports) {
        this.reports = reports;
    }

    @Override
    public String name() {
        return "report";
    }

    @Override
    public String description() {
        return "render a saved check --json report as a self-contained HTML file";
    }

    @Override
    public String usage() {
        return "report html REPORT.json [--output FILE]   (default FILE: REPORT.html beside it)";
    }

    @Override
    public List<String> examples() {
        return List.of("report html report.json", "report html report.json --output site-report.html");
    }

    @Override
    public List<String> subcommands() {
        return List.of("html");
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(OptionSpec.value("output", ValueKind.FILE, "where to write the HTML file"));
    }

    @Override
    public ValueKind argumentKind(List<String> precedingWords) {
        return ValueKind.FILE;
    }

    @Override
    public int run(CommandContext context, List<String> arguments) throws CommandException {
        Arguments args = Arguments.parse(arguments, options());
        String sub = args.positional(0, "SUBCOMMAND (html)");
        if (!sub.equals("html")) {
            throw new UsageException("unknown subcommand '" + sub + "' (html)");
        }
        Path input = context.resolve(args.positional(1, "REPORT.json"));
        JsonNode tree;
        try {
            if (!Files.isRegularFile(input)) {
                throw new CommandException(input + ": not a regular file");
            }
            if (Files.size(input) > MAX_REPORT_BYTES) {
                throw new CommandException(
                        input + ": larger than the " + MAX_REPORT_BYTES + " bytes a report may have");
            }
            tree = HtmlReport.parse(Files.readAllBytes(input));
        } catch (NoSuchFileException e) {
            throw new CommandException("no such report: " + input);
        } catch (IOException e) {
            throw new CommandException(input + ": not a JSON report: "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
        if (!JsonReport.SCHEMA.equals(tree.path("schema").asText())) {
            throw new CommandException(input + ": not a kbsh check report (its schema is '"
                    + tree.path("schema").asText("none") + "', expected " + JsonReport.SCHEMA + ")");
        }
        Path output = args.value("output").map(context::resolve).orElseGet(() -> {
            String name = input.getFileName().toString();
            return input.resolveSibling(
                    (name.endsWith(".json") ? name.substring(0, name.length() - 5) : name) + ".html");
        });
        reports.writeHtml(tree, output);
        context.out().println("HTML report written to " + output);
        context.out().flush();
        return ExitStatus.OK;
    }
}
