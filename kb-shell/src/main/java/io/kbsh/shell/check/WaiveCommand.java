package io.kbsh.shell.check;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kbsh.model.article.ArticleId;
import io.kbsh.model.command.Arguments;
import io.kbsh.model.command.CommandContext;
import io.kbsh.model.command.CommandException;
import io.kbsh.model.command.ExitStatus;
import io.kbsh.model.command.OptionSpec;
import io.kbsh.model.command.ShellCommand;
import io.kbsh.model.command.UsageException;
import io.kbsh.model.command.ValueKind;
import io.kbsh.model.finding.ObjectRef;
import io.kbsh.model.finding.Waiver;
import io.kbsh.model.internal.Limits;
import io.kbsh.shell.check.report.TextReport;
import io.kbsh.shell.check.waiver.Waivers;
import io.kbsh.shell.json.JsonInputException;
import io.kbsh.shell.json.JsonOutput;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** {@code waive add|list|remove}: accepted findings, each for one article and object until a date. */
public final class WaiveCommand implements ShellCommand {

    private final CheckSession session;
    private final CheckEngine engine;

    @Inject
    public WaiveCommand(CheckSession session, CheckEngine engine) {
        this.session = session;
        this.engine = engine;
    }

    @Override
    public String name() {
        return "waive";
    }

    @Override
    public String description() {
        return "accept a finding for an object until a date (waivers), list or remove waivers";
    }

    @Override
    public List<String> examples() {
        return List.of(
                "waive add Q187225 server:NWMAIL1 --until 2027-06-30 --reason \"SP1 scheduled\"",
                "waive list",
                "waive remove Q187225 server:NWMAIL1");
    }

    @Override
    public String usage() {
        return "waive add ARTICLE KIND:ID --until YYYY-MM-DD --reason TEXT [--file FILE]\n"
                + "waive list [--file FILE] [--json]\n"
                + "waive remove ARTICLE KIND:ID [--file FILE]";
    }

    @Override
    public List<String> subcommands() {
        return List.of("add", "list", "remove");
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(
                OptionSpec.value("until", ValueKind.TEXT, "the last day the waiver holds (YYYY-MM-DD)"),
                OptionSpec.value("reason", ValueKind.TEXT, "why the finding is accepted"),
                OptionSpec.value("file", ValueKind.FILE, "the waiver file (default: waivers.json in kbsh's home)"),
                OptionSpec.flag("json", "with 'list': print JSON (schema kbsh.waivers, docs/json.md)"));
    }

    @Override
    public ValueKind argumentKind(List<String> precedingWords) {
        // remove offers what is waived (candidates); add any article.
        return precedingWords.size() == 1 && !precedingWords.get(0).equals("remove")
                ? ValueKind.ARTICLE
                : ValueKind.TEXT;
    }

    @Override
    public List<String> candidates(CommandContext context, List<String> precedingWords) {
        if (!precedingWords.isEmpty() && precedingWords.get(0).equals("remove")) {
            return waived(context, precedingWords);
        }
        return precedingWords.size() == 2 && !precedingWords.get(0).equals("list") ? session.objectNames() : List.of();
    }

    /** For {@code remove}: the articles the waiver file holds, then the objects waived for the article typed. */
    private List<String> waived(CommandContext context, List<String> precedingWords) {
        List<Waiver> waivers;
        try {
            waivers = engine.waivers(session.waiverFile(context)).waivers();
        } catch (CommandException | RuntimeException e) {
            // A waiver file that cannot be read is reported by the command itself; Tab offers nothing.
            return List.of();
        }
        if (precedingWords.size() == 1) {
            return waivers.stream().map(Waiver::article).distinct().toList();
        }
        if (precedingWords.size() == 2) {
            String article = precedingWords.get(1).toUpperCase(java.util.Locale.ROOT);
            return waivers.stream()
                    .filter(w -> w.article().equals(article))
                    .map(Waiver::object)
                    .distinct()
                    .toList();
        }
        return List.of();
    }

    @Override
    public int run(CommandContext context, List<String> arguments) throws CommandException {
        Arguments args = Arguments.parse(arguments, options());
        String sub = args.positional(0, "SUBCOMMAND (add, list or remove)");
        // --file applies to this command only, as --waivers does to check.
        Path file = args.value("file").map(context::resolve).orElseGet(() -> session.waiverFile(context));
        Waivers waivers = engine.waivers(file);
        switch (sub) {
            case "list" -> {
                if (args.has("json")) {
                    listJson(context, waivers, file);
                } else {
                    list(context, waivers, file);
                }
            }
            case "add" -> {
                Waiver w = waiver(args, engine.today());
                if (session.environment().isPresent() && !session.objectNames().contains(w.object())) {
                    // A waiver file may serve several environments, so this is a warning, not a refusal.
                    context.err()
                            .println("warning: the loaded environment has no " + w.object()
                                    + " (ids are compared exactly); the waiver covers nothing there");
                }
                update(file, current -> current.plus(w));
                context.out()
                        .println("Waived " + w.article() + " for " + w.object() + " until " + w.expires() + " (" + file
                                + ")");
            }
            case "remove" -> {
                String article = article(args.positional(1, "ARTICLE"));
                String object = object(args.positional(2, "KIND:ID")).toString();
                update(file, current -> {
                    List<Waiver> kept = new ArrayList<>(current.waivers());
                    if (!kept.removeIf(
                            w -> w.article().equals(article) && w.object().equals(object))) {
                        throw new CommandException("no waiver for " + article + " " + object + " in " + file);
                    }
                    return new Waivers(Waivers.SCHEMA_VERSION, kept);
                });
                context.out().println("Removed the waiver for " + article + " " + object);
            }
            default -> throw new UsageException("unknown subcommand '" + sub + "' (add, list or remove)");
        }
        context.out().flush();
        return ExitStatus.OK;
    }

    private void listJson(CommandContext context, Waivers waivers, Path file) {
        ObjectNode doc = JsonOutput.document("waivers", 1);
        doc.put("file", file.toString());
        ArrayNode list = doc.putArray("waivers");
        for (Waiver w : waivers.waivers()) {
            list.addObject()
                    .put("article", w.article())
                    .put("object", w.object())
                    .put("expires", w.expires().toString())
                    .put("state", w.expiredOn(engine.today()) ? "expired" : "active")
                    .put("justification", w.justification());
        }
        JsonOutput.print(context, doc);
    }

    private void list(CommandContext context, Waivers waivers, Path file) {
        if (waivers.waivers().isEmpty()) {
            context.out().println("No waivers in " + file);
            return;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"ARTICLE", "OBJECT", "EXPIRES", "STATE", "JUSTIFICATION"});
        for (Waiver w : waivers.waivers()) {
            rows.add(new String[] {
                w.article(),
                w.object(),
                w.expires().toString(),
                w.expiredOn(engine.today()) ? "expired" : "active",
                w.justification()
            });
        }
        StringBuilder sb = new StringBuilder();
        TextReport.table(sb, rows);
        context.out().print(sb);
    }

    private static Waiver waiver(Arguments args, LocalDate today) throws UsageException {
        String article = article(args.positional(1, "ARTICLE"));
        String object = object(args.positional(2, "KIND:ID")).toString();
        String until =
                args.value("until").orElseThrow(() -> new UsageException("option --until YYYY-MM-DD is required"));
        String reason = args.value("reason").orElseThrow(() -> new UsageException("option --reason TEXT is required"));
        LocalDate expires;
        try {
            expires = LocalDate.parse(until.trim());
        } catch (DateTimeParseException e) {
            throw new UsageException("option --until takes a date such as 2027-03-31, got '" + until + "'");
        }
        if (expires.isBefore(today)) {
            throw new UsageException("option --until: " + expires + " has already passed");
        }
        if (reason.isBlank()) {
            throw new UsageException("option --reason must say why the finding is accepted");
        }
        return new Waiver(article, object, reason.trim(), expires);
    }

    private static String article(String text) throws UsageException {
        return ArticleId.tryParse(text)
                .map(ArticleId::toString)
                .orElseThrow(() -> new UsageException("not an article id (e.g. Q254909): '" + text + "'"));
    }

    private static ObjectRef object(String text) throws UsageException {
        try {
            return ObjectRef.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** A change to the waiver set, made from the file's content as it is under the lock. */
    @FunctionalInterface
    private interface WaiverChange {
        Waivers apply(Waivers current) throws CommandException;
    }

    /**
     * Reads, changes and writes the waiver file under its lock, so that two kbsh processes adding waivers
     * at once take turns and both waivers are kept.
     */
    private static void update(Path file, WaiverChange change) throws CommandException {
        try {
            SafeFiles.update(file, Limits.WAIVER_BYTES, "a waiver file", current -> {
                try {
                    Waivers now = current.isPresent() ? Waivers.parse(current.get(), file.toString()) : Waivers.none();
                    return change.apply(now).toJson();
                } catch (JsonInputException e) {
                    throw new CommandException(e.getMessage());
                }
            });
        } catch (IOException e) {
            throw new CommandException("cannot write " + file + ": " + e.getMessage());
        }
    }
}
