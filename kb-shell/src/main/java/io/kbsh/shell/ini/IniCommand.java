package io.kbsh.shell.ini;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kbsh.ini.document.IniDocument;
import io.kbsh.ini.document.IniEncoding;
import io.kbsh.ini.document.IniEntry;
import io.kbsh.ini.document.IniSection;
import io.kbsh.ini.file.PlanApplier;
import io.kbsh.ini.file.UndoPlan;
import io.kbsh.ini.plan.IniPlan;
import io.kbsh.ini.writer.IniWriter;
import io.kbsh.ini.writer.IniWriterException;
import io.kbsh.ini.writer.WriterParameter;
import io.kbsh.model.command.Arguments;
import io.kbsh.model.command.CommandContext;
import io.kbsh.model.command.CommandException;
import io.kbsh.model.command.ExitStatus;
import io.kbsh.model.command.OptionSpec;
import io.kbsh.model.command.ShellCommand;
import io.kbsh.model.command.UsageException;
import io.kbsh.model.command.ValueKind;
import io.kbsh.shell.json.JsonOutput;
import io.kbsh.shell.plugin.Contributions;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code ini}: read INI files as Windows reads them, and plan, apply and undo the INI writers' fixes.
 * Every write is atomic and keeps a backup; {@code apply} shows the diff and asks first.
 */
public final class IniCommand implements ShellCommand {

    private static final List<String> SUBCOMMANDS = List.of("show", "get", "writers", "plan", "apply", "undo");

    private static final OptionSpec FILE = OptionSpec.value("file", ValueKind.FILE, "the INI file to plan against");
    private static final OptionSpec PARAM =
            OptionSpec.repeatable("param", ValueKind.TEXT, "a writer parameter, name=value (see ini writers)");
    private static final OptionSpec YES =
            OptionSpec.flag("yes", "apply or undo without asking (required in batch mode)");
    private static final OptionSpec JSON =
            OptionSpec.flag("json", "with 'show': print JSON (schema kbsh.ini-document, docs/json.md)");
    private static final OptionSpec CODEPAGE = OptionSpec.value(
            "codepage",
            ValueKind.TEXT,
            "ANSI code page of files without a Unicode byte order mark (default windows-1252)");

    /** The options each subcommand takes; any other is refused rather than silently ignored. */
    private static final Map<String, List<OptionSpec>> OPTIONS_OF = Map.of(
            "show",
            List.of(CODEPAGE, JSON),
            "get",
            List.of(CODEPAGE),
            "writers",
            List.of(),
            "plan",
            List.of(FILE, PARAM, CODEPAGE),
            "apply",
            List.of(FILE, PARAM, CODEPAGE, YES),
            "undo",
            List.of(YES));

    private final WriterCatalog writers;
    private final PlanApplier applier;

    @Inject
    IniCommand(Contributions contributions) {
        this(new WriterCatalog(contributions), new PlanApplier());
    }

    IniCommand(WriterCatalog writers, PlanApplier applier) {
        this.writers = writers;
        this.applier = applier;
    }

    @Override
    public String name() {
        return "ini";
    }

    @Override
    public String description() {
        return "read INI files as Windows does; plan, apply and undo INI fixes";
    }

    @Override
    public List<String> examples() {
        return List.of(
                "ini show examples/collected/NWMAIL1/Mspclnt.ini",
                "ini get Mspclnt.ini inetinfo Disable",
                "ini writers",
                "ini plan Q178532 --file Wspcfg.ini --param protocols=pop3",
                "ini apply Q254909 --file Mspclnt.ini --yes",
                "ini undo Wspcfg.ini");
    }

    @Override
    public String usage() {
        return String.join(
                "\n",
                "ini show FILE [SECTION] [--codepage CP] [--json]",
                "ini get FILE SECTION KEY [--codepage CP]",
                "ini writers",
                "ini plan WRITER|ARTICLE --file FILE [--param NAME=VALUE ...] [--codepage CP]",
                "ini apply WRITER|ARTICLE --file FILE [--param NAME=VALUE ...] [--codepage CP] [--yes]",
                "ini undo FILE [--yes]");
    }

    @Override
    public List<String> subcommands() {
        return SUBCOMMANDS;
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(FILE, PARAM, YES, CODEPAGE, JSON);
    }

    @Override
    public ValueKind argumentKind(List<String> precedingWords) {
        if (precedingWords.size() == 1) {
            return switch (precedingWords.get(0)) {
                case "show", "get", "undo" -> ValueKind.FILE;
                default -> ValueKind.TEXT;
            };
        }
        return ValueKind.TEXT;
    }

    /** {@code --param} after {@code plan WRITER} or {@code apply WRITER}: the writer's parameters and their choices. */
    @Override
    public List<String> optionCandidates(CommandContext context, String option, List<String> precedingWords) {
        if (!option.equals("param")
                || precedingWords.size() < 2
                || !List.of("plan", "apply").contains(precedingWords.get(0))) {
            return List.of();
        }
        try {
            List<String> values = new java.util.ArrayList<>();
            for (io.kbsh.ini.writer.WriterParameter p :
                    writers.find(precedingWords.get(1)).writer().parameters()) {
                values.add(p.name() + "=");
                p.choices().forEach(choice -> values.add(p.name() + "=" + choice));
            }
            return values;
        } catch (UsageException | RuntimeException | LinkageError e) {
            // No such writer (yet), or a plugin that cannot list its parameters: nothing to offer.
            return List.of();
        }
    }

    @Override
    public List<String> candidates(CommandContext context, List<String> precedingWords) {
        if (precedingWords.isEmpty()) {
            return SUBCOMMANDS;
        }
        String sub = precedingWords.get(0);
        if (precedingWords.size() == 1 && (sub.equals("plan") || sub.equals("apply"))) {
            return writers.names();
        }
        boolean sectionNext = precedingWords.size() == 2 && (sub.equals("show") || sub.equals("get"));
        boolean keyNext = precedingWords.size() == 3 && sub.equals("get");
        if (sectionNext || keyNext) {
            // Offer what the file holds; a file that cannot be read simply offers nothing here.
            try {
                IniDocument document = IniDocument.read(context.resolve(precedingWords.get(1)));
                return sectionNext
                        ? document.sectionNames().stream().distinct().toList()
                        : document.keys(precedingWords.get(2));
            } catch (IOException | RuntimeException e) {
                return List.of();
            }
        }
        return List.of();
    }

    @Override
    public int run(CommandContext context, List<String> words) throws CommandException {
        Arguments args = Arguments.parse(words, options());
        List<String> positional = args.positional();
        if (positional.isEmpty()) {
            throw new UsageException("ini needs a subcommand: " + String.join(", ", SUBCOMMANDS));
        }
        String sub = positional.get(0);
        List<String> rest = positional.subList(1, positional.size());
        refuseForeignOptions(sub, args);
        return switch (sub) {
            case "show" -> show(context, args, rest);
            case "get" -> get(context, args, rest);
            case "writers" -> listWriters(context, rest);
            case "plan" -> plan(context, args, rest, false);
            case "apply" -> plan(context, args, rest, true);
            case "undo" -> undo(context, args, rest);
            default ->
                throw new UsageException("unknown ini subcommand '" + sub + "' (expected one of "
                        + String.join(", ", SUBCOMMANDS) + ")");
        };
    }

    private void refuseForeignOptions(String sub, Arguments args) throws UsageException {
        List<OptionSpec> allowed = OPTIONS_OF.getOrDefault(sub, options());
        for (OptionSpec option : options()) {
            if (args.has(option.name()) && !allowed.contains(option)) {
                List<String> users = OPTIONS_OF.entrySet().stream()
                        .filter(e -> e.getValue().contains(option))
                        .map(e -> "ini " + e.getKey())
                        .sorted()
                        .toList();
                throw new UsageException("option --" + option.name() + " does not apply to ini " + sub + " (used by "
                        + String.join(", ", users) + ")");
            }
        }
    }

    /** Schema {@code kbsh.ini-document} version 1 (docs/json.md). */
    private static int showJson(CommandContext context, Path file, IniDocument document, Optional<String> only)
            throws CommandException {
        ObjectNode doc = JsonOutput.document("ini-document", 1);
        doc.put("file", file.toString());
        doc.put("encoding", document.encoding().toString());
        doc.put("lines", document.lineCount());
        JsonOutput.strings(doc, "warnings", document.warnings());
        ArrayNode sections = doc.putArray("sections");
        for (IniSection section : document.sections()) {
            if (only.isPresent() && !section.name().equalsIgnoreCase(only.get())) {
                continue;
            }
            ObjectNode s = sections.addObject()
                    .put("name", section.name())
                    .put("line", section.line())
                    .put("consulted", section.consulted());
            ArrayNode entries = s.putArray("entries");
            for (IniEntry entry : section.entries()) {
                entries.addObject()
                        .put("key", entry.key())
                        .put("value", entry.value())
                        .put("line", entry.line())
                        .put("consulted", entry.consulted());
            }
        }
        if (only.isPresent() && sections.isEmpty()) {
            throw new CommandException(file + ": no section [" + only.get() + "]");
        }
        JsonOutput.print(context, doc);
        return ExitStatus.OK;
    }

    private int show(CommandContext context, Arguments args, List<String> rest) throws CommandException {
        expect(rest, 1, 2, "ini show FILE [SECTION]");
        Path file = context.resolve(rest.get(0));
        IniDocument document = read(file, codepage(args));
        PrintWriter out = context.out();
        document.warnings().forEach(w -> context.err().println("warning: " + file + ": " + w));
        Optional<String> only = rest.size() == 2 ? Optional.of(rest.get(1).trim()) : Optional.empty();
        if (args.has("json")) {
            return showJson(context, file, document, only);
        }
        out.println(file + ": " + document.encoding() + ", " + document.lineCount() + " line(s)");
        int shown = 0;
        for (IniSection section : document.sections()) {
            if (only.isPresent() && !section.name().equalsIgnoreCase(only.get())) {
                continue;
            }
            shown++;
            out.println("[" + section.name() + "]" + "  (line " + section.line()
                    + (section.consulted() ? "" : "; a repeat: Windows reads only the first") + ")");
            for (IniEntry entry : section.entries()) {
                out.println("  " + entry.key() + "=" + entry.value()
                        + (entry.consulted() || !section.consulted()
                                ? ""
                                : "  (line " + entry.line() + "; a repeat: not read)"));
            }
        }
        if (only.isPresent() && shown == 0) {
            throw new CommandException(file + ": no section [" + only.get() + "]");
        }
        return ExitStatus.OK;
    }

    private int get(CommandContext context, Arguments args, List<String> rest) throws CommandException {
        expect(rest, 3, 3, "ini get FILE SECTION KEY");
        Path file = context.resolve(rest.get(0));
        IniDocument document = read(file, codepage(args));
        document.warnings().forEach(w -> context.err().println("warning: " + file + ": " + w));
        String value = document.get(rest.get(1), rest.get(2))
                .orElseThrow(() -> new CommandException(file + ": no key "
                        + rest.get(2).trim() + " in section [" + rest.get(1).trim() + "]"
                        + (document.hasSection(rest.get(1)) ? "" : " (no such section)")));
        context.out().println(value);
        return ExitStatus.OK;
    }

    private int listWriters(CommandContext context, List<String> rest) throws CommandException {
        expect(rest, 0, 0, "ini writers");
        List<WriterCatalog.Entry> all = writers.all();
        PrintWriter out = context.out();
        if (all.isEmpty()) {
            out.println("no INI writers (none of the loaded plugins provides one)");
            return ExitStatus.OK;
        }
        for (WriterCatalog.Entry entry : all) {
            IniWriter w = entry.writer();
            out.println(w.id() + "  " + w.article() + "  " + w.targetFileName() + "  (" + entry.origin() + ")");
            out.println("    " + w.summary());
            out.println("    file: " + w.targetLocation());
            for (WriterParameter p : w.parameters()) {
                out.println("    --param " + p.synopsis());
            }
        }
        return ExitStatus.OK;
    }

    private int plan(CommandContext context, Arguments args, List<String> rest, boolean apply) throws CommandException {
        String synopsis = "ini " + (apply ? "apply" : "plan") + " WRITER|ARTICLE --file FILE [--param NAME=VALUE ...]";
        expect(rest, 1, 1, synopsis);
        WriterCatalog.Entry entry = writers.find(rest.get(0));
        Path file = context.resolve(
                args.value("file").orElseThrow(() -> new UsageException("option --file is required: " + synopsis)));
        Map<String, String> params = params(args);
        IniPlan plan = entry.plan(file, codepage(args), params);
        PrintWriter out = context.out();
        plan.warnings().forEach(w -> context.err().println("note: " + w));
        if (plan.changesNothing()) {
            out.println(file + ": already applied; nothing to change");
            return ExitStatus.OK;
        }
        out.print(plan.diff());
        if (!apply) {
            return ExitStatus.OK;
        }
        if (!args.has("yes")) {
            if (!context.interactive()) {
                throw new UsageException("ini apply needs --yes in batch mode; nothing was written to " + file);
            }
            out.flush();
            if (!context.confirm("Apply this change to " + file + "?")) {
                out.println("not applied; nothing was written to " + file);
                return ExitStatus.OK;
            }
        }
        try {
            PlanApplier.ApplyResult result = applier.apply(plan);
            out.println(
                    result.outcome() == PlanApplier.Outcome.ALREADY_APPLIED
                            ? file + ": already applied; nothing to change"
                            : "applied to " + file
                                    + result.backup()
                                            .map(b -> " (backup: " + b + ")")
                                            .orElse(" (new file)"));
            reportHousekeeping(context, result.orphansRemoved(), result.pruned());
        } catch (IOException e) {
            throw failure(file, "not applied", e);
        }
        return ExitStatus.OK;
    }

    /**
     * Undo walks back one step per call: it shows what restoring the newest backup not yet restored would
     * change, asks as apply does, and says when there is nothing older.
     */
    private int undo(CommandContext context, Arguments args, List<String> rest) throws CommandException {
        expect(rest, 1, 1, "ini undo FILE [--yes]");
        Path file = context.resolve(rest.get(0));
        PrintWriter out = context.out();
        UndoPlan plan;
        try {
            plan = applier.planUndo(file);
        } catch (IOException e) {
            throw failure(file, "not restored", e);
        }
        String diff = plan.diff();
        out.print(diff.isEmpty() ? file + " already holds what " + plan.backup().getFileName() + " holds\n" : diff);
        if (!args.has("yes")) {
            if (!context.interactive()) {
                throw new UsageException("ini undo needs --yes in batch mode; nothing was written to " + file);
            }
            out.flush();
            if (!context.confirm("Restore " + file + " from " + plan.backup().getFileName() + "?")) {
                out.println("not restored; nothing was written to " + file);
                return ExitStatus.OK;
            }
        }
        try {
            PlanApplier.UndoResult result = applier.undo(plan);
            out.println("restored " + file + " from " + result.restoredFrom()
                    + result.keptAs()
                            .map(k -> " (its previous content is in " + k + ")")
                            .orElse(""));
            reportHousekeeping(context, result.orphansRemoved(), List.of());
        } catch (IOException e) {
            throw failure(file, "not restored", e);
        }
        return ExitStatus.OK;
    }

    /** Says what a write tidied up: temporary files of killed writes, backups beyond the number kept. */
    static void reportHousekeeping(CommandContext context, List<Path> orphans, List<Path> pruned) {
        if (!orphans.isEmpty()) {
            context.err()
                    .println("note: removed " + orphans.size() + " temporary file(s) left by an interrupted write: "
                            + String.join(
                                    ", ",
                                    orphans.stream()
                                            .map(p -> p.getFileName().toString())
                                            .toList()));
        }
        if (!pruned.isEmpty()) {
            context.err()
                    .println("note: removed " + pruned.size() + " old backup(s): "
                            + String.join(
                                    ", ",
                                    pruned.stream()
                                            .map(p -> p.getFileName().toString())
                                            .toList()));
        }
    }

    private static IniDocument read(Path file, Charset codepage) throws CommandException {
        try {
            return IniDocument.read(file, codepage);
        } catch (IOException e) {
            throw failure(file, "cannot read", e);
        }
    }

    /** One line naming the file for any I/O failure. */
    static CommandException failure(Path file, String what, IOException e) {
        String reason = e instanceof NoSuchFileException n && n.getReason() == null
                ? missing(file)
                : e instanceof AccessDeniedException ? "permission denied" : e.getMessage();
        String message = reason != null && reason.contains(file.toString()) ? reason : file + ": " + reason;
        return new CommandException(what + ": " + message, e);
    }

    /** The {@code --param} pairs; a name given twice is refused rather than letting one value silently win. */
    private static Map<String, String> params(Arguments args) throws UsageException {
        Map<String, String> params = args.keyValues("param");
        if (params.size() < args.values("param").size()) {
            Set<String> seen = new HashSet<>();
            for (String pair : args.values("param")) {
                String name = pair.substring(0, pair.indexOf('=')).trim();
                if (!seen.add(name)) {
                    throw new UsageException("option --param: parameter '" + name + "' given twice"
                            + " (a list takes commas: --param " + name + "=a,b)");
                }
            }
        }
        return params;
    }

    /** Says which is missing: a write into a missing directory fails on a temporary file's name. */
    private static String missing(Path file) {
        Path directory = file.toAbsolutePath().getParent();
        return directory != null && !Files.isDirectory(directory) ? "no such directory " + directory : "no such file";
    }

    private static Charset codepage(Arguments args) throws UsageException {
        Optional<String> name = args.value("codepage");
        if (name.isEmpty()) {
            return IniEncoding.WINDOWS_1252;
        }
        try {
            return Charset.forName(name.get());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new UsageException("option --codepage: unknown code page '" + name.get() + "' (e.g. windows-1251)");
        }
    }

    private static void expect(List<String> rest, int min, int max, String synopsis) throws UsageException {
        if (rest.size() < min || rest.size() > max) {
            throw new UsageException(
                    (rest.size() < min ? "missing arguments" : "too many arguments") + ": " + synopsis);
        }
    }

    /** Thrown through {@link WriterCatalog.Entry#plan} when a writer refuses. */
    static CommandException refused(IniWriter writer, IniWriterException e) {
        return new CommandException(writer.id() + ": " + e.getMessage(), e);
    }
}
