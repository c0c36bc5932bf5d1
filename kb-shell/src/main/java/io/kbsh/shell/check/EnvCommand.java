package io.kbsh.shell.check;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kbsh.model.command.Arguments;
import io.kbsh.model.command.CommandContext;
import io.kbsh.model.command.CommandException;
import io.kbsh.model.command.ExitStatus;
import io.kbsh.model.command.OptionSpec;
import io.kbsh.model.command.ShellCommand;
import io.kbsh.model.command.UsageException;
import io.kbsh.model.command.ValueKind;
import io.kbsh.model.env.Connector;
import io.kbsh.model.env.DnsDomain;
import io.kbsh.model.env.Environment;
import io.kbsh.model.env.Firewall;
import io.kbsh.model.env.IniFile;
import io.kbsh.model.env.ProxyServer;
import io.kbsh.model.env.Publication;
import io.kbsh.model.env.Server;
import io.kbsh.model.fact.Fact;
import io.kbsh.shell.check.report.TextReport;
import io.kbsh.shell.collect.CollectedFolder;
import io.kbsh.shell.collect.DateOrder;
import io.kbsh.shell.collect.ExchangeLevels;
import io.kbsh.shell.discover.DiscoverRun;
import io.kbsh.shell.discover.Discovery;
import io.kbsh.shell.env.EnvironmentReader;
import io.kbsh.shell.env.EnvironmentSchema;
import io.kbsh.shell.env.EnvironmentWriter;
import io.kbsh.shell.env.ExtensionRegistry;
import io.kbsh.shell.graph.SitePicture;
import io.kbsh.shell.json.JsonInputException;
import io.kbsh.shell.json.JsonOutput;
import io.kbsh.shell.net.ProbeWords;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code env load FILE}, {@code env show}, {@code env facts}: the environment the checks run against;
 * {@code env upgrade FILE} writes a schema version 1 file as version 2, {@code env fields} lists the
 * fields plugins add, {@code env schema} writes the JSON Schema with them.
 */
public final class EnvCommand implements ShellCommand {

    private final CheckSession session;
    private final CheckEngine engine;

    @Inject
    public EnvCommand(CheckSession session, CheckEngine engine) {
        this.session = session;
        this.engine = engine;
    }

    @Override
    public String name() {
        return "env";
    }

    @Override
    public String description() {
        return "load and show the environment (sites, servers, connectors, proxies) that checks run against";
    }

    @Override
    public List<String> examples() {
        return List.of(
                "env load examples/site-q254909-q187225.json",
                "env show",
                "env facts --clear",
                "env graph --format mermaid --output site.mmd",
                "env upgrade examples/site-healthy.json -o site-v2.json",
                "env collect collected/ --output site.json  an environment from files copied off the servers",
                "env schema -o environment.schema.json",
                "env discover mail.example.net proxy.example.net --output discovered.json");
    }

    @Override
    public String usage() {
        return "env load FILE [--copies DIR ...]  read an environment file (JSON, see docs/checks.md)\n"
                + "env show [--json]            describe the loaded environment\n"
                + "env facts [--clear] [--json]  list (or forget) what probes found\n"
                + "env graph [--format FORMAT] [--output FILE]  the site's picture: svg (default), dot or mermaid\n"
                + "env upgrade FILE [--output FILE] [--yes]\n"
                + "                     write a version 1 file as version 2 (to standard output, or FILE)\n"
                + "env collect DIR [--output FILE] [--date-order ORDER] [--yes]\n"
                + "                     an environment from a folder of collected files (default FILE: DIR/environment.json)\n"
                + "env fields           list the fields loaded plugins add to environment objects\n"
                + "env schema [--output FILE]  the JSON Schema of environment files, with the plugins' fields\n"
                + "env discover HOST... [--output FILE] [--port NAME=PORT] [--timeout SECONDS] [--deadline SECONDS]\n"
                + "                     probe the Exchange and Proxy ports, name products and levels, write an environment";
    }

    @Override
    public List<String> subcommands() {
        return List.of("load", "show", "facts", "graph", "upgrade", "collect", "fields", "schema", "discover");
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(
                OptionSpec.flag("clear", "with 'facts': forget the facts probes found"),
                OptionSpec.flag("json", "with 'show' or 'facts': print JSON (docs/json.md)"),
                OptionSpec.repeatable(
                        "copies",
                        ValueKind.FILE,
                        "with 'load': a folder besides the environment file's own that collected copies may be in"),
                OptionSpec.value("format", ValueKind.TEXT, "with 'graph': svg (default), dot or mermaid"),
                OptionSpec.value(
                        "output",
                        ValueKind.FILE,
                        "with 'graph', 'upgrade', 'collect', 'schema' and 'discover': write to FILE (also -o) instead of printing, atomically"),
                OptionSpec.flag(
                        "yes",
                        "with 'upgrade', 'collect' and 'schema': replace an existing output file without asking"),
                OptionSpec.value(
                        "date-order",
                        ValueKind.TEXT,
                        "with 'collect': the order of day, month and year in"
                                + " event-log exports: auto (default), mdy, dmy or ymd"),
                DiscoverRun.PORT,
                DiscoverRun.TIMEOUT,
                DiscoverRun.DEADLINE);
    }

    @Override
    public ValueKind argumentKind(List<String> precedingWords) {
        return precedingWords.size() == 1
                        && List.of("load", "upgrade", "collect").contains(precedingWords.get(0))
                ? ValueKind.FILE
                : ValueKind.TEXT;
    }

    @Override
    public int run(CommandContext context, List<String> arguments) throws CommandException {
        // -o is the one short option people expect of a command that writes a file.
        Arguments args = Arguments.parse(
                arguments.stream().map(a -> a.equals("-o") ? "--output" : a).toList(), options());
        String sub = args.positional(
                0, "SUBCOMMAND (load, show, facts, graph, upgrade, collect, fields, schema or discover)");
        switch (sub) {
            case "load" -> {
                Environment env = load(
                        context,
                        session,
                        engine.environmentReader(),
                        args.positional(1, "FILE"),
                        args.values("copies").stream().map(context::resolve).toList());
                context.out().println("Loaded " + session.environmentFile().orElseThrow() + ": " + summary(env));
                missingCopies(env).forEach(m -> context.err().println("warning: " + m));
            }
            case "show" -> {
                if (args.has("json")) {
                    ObjectNode doc = JsonOutput.document("environment-view", 2);
                    JsonOutput.put(doc, "file", session.environmentFile());
                    // The environment as a schema version 2 file holds it, so that the view reads back as input.
                    Optional<Path> folder = session.environmentFile()
                            .map(f -> f.toAbsolutePath().getParent());
                    try {
                        doc.set(
                                "environment",
                                JsonOutput.MAPPER.readTree(
                                        new EnvironmentWriter(folder).write(session.requireEnvironment())));
                    } catch (IOException e) {
                        throw new CommandException("cannot describe the environment as JSON: " + e.getMessage());
                    }
                    JsonOutput.print(context, doc);
                } else {
                    context.out().print(describe(session.requireEnvironment()));
                }
            }
            case "discover" -> discover(context, args);
            case "facts" -> {
                if (args.has("clear")) {
                    session.clearFacts();
                    context.out().println("Facts cleared.");
                } else if (args.has("json")) {
                    ObjectNode doc = JsonOutput.document("facts", 1);
                    ArrayNode list = doc.putArray("facts");
                    for (Fact f : session.facts().all()) {
                        ObjectNode n = list.addObject();
                        n.put("observedAt", f.observedAt().toString());
                        n.put("subject", f.subject());
                        n.put("describe", f.describe());
                        n.set("fact", JsonOutput.MAPPER.valueToTree(f));
                    }
                    JsonOutput.print(context, doc);
                } else if (session.facts().isEmpty()) {
                    context.out()
                            .println("No facts yet: 'diagnose' or 'check --probe' runs the probes findings ask for.");
                } else {
                    for (Fact f : session.facts().all()) {
                        context.out().println(f.observedAt() + "  " + ProbeWords.describe(f));
                    }
                }
            }
            case "graph" -> graph(context, args);
            case "upgrade" -> {
                return upgrade(context, args);
            }
            case "collect" -> {
                return collect(context, args);
            }
            case "fields" ->
                context.out().print(fields(engine.environmentReader().extensions()));
            case "schema" -> {
                return write(
                        context,
                        args,
                        EnvironmentSchema.withFields(engine.environmentReader().extensions()),
                        "schema");
            }
            default ->
                throw new UsageException("unknown subcommand '" + sub
                        + "' (load, show, facts, graph, upgrade, collect, fields, schema or discover)");
        }
        context.out().flush();
        return ExitStatus.OK;
    }

    private void graph(CommandContext context, Arguments args) throws CommandException {
        SitePicture.Format format;
        try {
            format = SitePicture.Format.parse(args.value("format").orElse("svg"));
        } catch (IllegalArgumentException e) {
            throw new UsageException("option --format: " + e.getMessage());
        }
        String picture = SitePicture.render(session.requireEnvironment(), format);
        if (args.value("output").isEmpty()) {
            context.out().print(picture);
            return;
        }
        Path file = context.resolve(args.value("output").get());
        try {
            SafeFiles.write(file, picture.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new CommandException("cannot write " + file + ": " + e.getMessage());
        }
        context.out().println("Picture written to " + file);
    }

    /**
     * {@code env discover}: what the hosts say becomes an environment (printed, or written atomically to
     * {@code --output}); the probes' facts stay in the session for a later {@code check}.
     */
    private void discover(CommandContext context, Arguments args) throws CommandException {
        DiscoverRun.Outcome outcome = DiscoverRun.run(args, context.out());
        session.addFacts(Discovery.facts(outcome.reports()));
        Optional<String> out = args.value("output");
        if (out.isEmpty()) {
            context.out().print(outcome.json());
            return;
        }
        Path file = context.resolve(out.get());
        try {
            SafeFiles.write(file, outcome.json().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new CommandException("cannot write " + file + ": " + e.getMessage());
        }
        context.out().println("Wrote " + file + ": edit it, then 'env load " + out.get() + "'");
    }

    /** Reads {@code path} into the session; errors become one line naming file, line, column and field. */
    static Environment load(CommandContext context, CheckSession session, EnvironmentReader reader, String path)
            throws CommandException {
        return load(context, session, reader, path, List.of());
    }

    /** As {@link #load(CommandContext, CheckSession, EnvironmentReader, String)}, with folders collected copies may also be in. */
    static Environment load(
            CommandContext context, CheckSession session, EnvironmentReader reader, String path, List<Path> copyFolders)
            throws CommandException {
        Path given = context.resolve(path);
        Path file;
        try {
            file = session.example().scratchFor(given).orElse(given);
        } catch (java.io.UncheckedIOException e) {
            throw new CommandException(e.getMessage());
        }
        if (!file.equals(given)) {
            context.err()
                    .println("kbsh: " + given + " is the bundled example: loading its scratch copy " + file
                            + " (fixes change only that copy)");
        }
        Environment env = read(context, reader, file, copyFolders);
        session.load(file, env, copyFolders);
        return env;
    }

    private static Environment read(CommandContext context, EnvironmentReader reader, Path file)
            throws CommandException {
        return read(context, reader, file, List.of());
    }

    static Environment read(CommandContext context, EnvironmentReader reader, Path file, List<Path> copyFolders)
            throws CommandException {
        Environment env;
        try {
            env = reader.load(file, copyFolders);
        } catch (NoSuchFileException e) {
            throw new CommandException("no such environment file: " + file);
        } catch (JsonInputException e) {
            throw new CommandException(e.getMessage());
        } catch (IOException e) {
            throw new CommandException("cannot read " + file + ": " + e.getMessage());
        }
        return env;
    }

    /**
     * {@code env upgrade FILE [-o OUT]}: the file as schema version 2 — the same environment (a reader of
     * the output gets what the input gave), with collected INI copies relative to where the output is.
     */
    private int upgrade(CommandContext context, Arguments args) throws CommandException {
        Path file = context.resolve(args.positional(1, "FILE"));
        Environment env = read(context, engine.environmentReader(), file);
        if (env.schemaVersion() == Environment.SCHEMA_VERSION) {
            context.err()
                    .println("note: " + file + " is already schema version " + Environment.SCHEMA_VERSION
                            + "; writing it as kbsh writes it");
        }
        Path directory =
                args.value("output").map(context::resolve).map(Path::getParent).orElse(file.getParent());
        byte[] json = new EnvironmentWriter(Optional.ofNullable(directory)).write(env);
        int status = write(context, args, json, "upgrade");
        if (directory != null && args.value("output").isPresent()) {
            Path folder = directory.toAbsolutePath().normalize();
            boolean outside = env.servers().stream()
                    .flatMap(s -> s.iniFiles().stream())
                    .flatMap(i -> i.localCopy().stream())
                    .anyMatch(c -> !c.toAbsolutePath().normalize().startsWith(folder));
            if (outside) {
                // The reader keeps collected copies inside the environment's folder (they are written by fix apply).
                context.err()
                        .println("note: collected copies are outside " + folder + "; load the new file with"
                                + " env load FILE --copies "
                                + file.toAbsolutePath().getParent());
            }
        }
        return status;
    }

    /**
     * {@code env collect DIR}: an environment from the files collected in {@code DIR} (layout:
     * {@link CollectedFolder}), checked by reading it back as {@code env load} will, then written atomically;
     * the report says what each file contributed and what was ignored.
     */
    private int collect(CommandContext context, Arguments args) throws CommandException {
        Path dir = context.resolve(args.positional(1, "DIR"));
        DateOrder order;
        try {
            order = DateOrder.parse(args.value("date-order").orElse("auto"));
        } catch (IllegalArgumentException e) {
            throw new UsageException("option --date-order: " + e.getMessage());
        }
        CollectedFolder.Result result;
        try {
            result = new CollectedFolder(engine.environmentReader(), order, ExchangeLevels::ofBuild).collect(dir);
        } catch (IOException e) {
            throw new CommandException(e.getMessage());
        }
        Path out = args.value("output").map(context::resolve).orElse(dir.resolve("environment.json"));
        Path folder = out.toAbsolutePath().normalize().getParent();
        byte[] json = new EnvironmentWriter(Optional.of(folder)).write(result.environment());
        try {
            // What is written must load: the same reader, the same checks as env load.
            engine.environmentReader().bind(json, out.toString(), folder);
        } catch (JsonInputException e) {
            throw new CommandException("the collected environment would not load: " + e.getMessage());
        }
        context.out().println("Collected " + dir + ": " + summary(result.environment()));
        context.out().print(result.report().describe());
        int status = write(context, Optional.of(out), args.has("yes"), json, "collect");
        boolean outside = result.environment().servers().stream()
                .flatMap(s -> s.iniFiles().stream())
                .flatMap(i -> i.localCopy().stream())
                .anyMatch(c -> !c.toAbsolutePath().normalize().startsWith(folder));
        context.out()
                .println("Edit it if need be, then: env load " + out
                        + (outside ? " --copies " + dir.toAbsolutePath().normalize() : ""));
        return status;
    }

    /** Writes {@code content} to standard output, or atomically (locked, with a backup) to {@code --output}. */
    private static int write(CommandContext context, Arguments args, byte[] content, String sub)
            throws CommandException {
        return write(context, args.value("output").map(context::resolve), args.has("yes"), content, sub);
    }

    private static int write(CommandContext context, Optional<Path> output, boolean yes, byte[] content, String sub)
            throws CommandException {
        if (output.isEmpty()) {
            context.out().print(new String(content, StandardCharsets.UTF_8));
            context.out().flush();
            return ExitStatus.OK;
        }
        Path out = output.get();
        if (Files.exists(out) && !yes && !context.confirm(out + " exists; replace it?")) {
            throw new CommandException(
                    out + " exists; not replaced (env " + sub + " --yes replaces it, keeping a backup)");
        }
        try {
            Optional<Path> backup = SafeFiles.write(out, content);
            context.out()
                    .println("Wrote " + out
                            + backup.map(b -> " (the previous file is in " + b + ")")
                                    .orElse(""));
        } catch (IOException e) {
            throw new CommandException("cannot write " + out + ": " + e.getMessage());
        }
        return ExitStatus.OK;
    }

    static String fields(ExtensionRegistry extensions) {
        if (extensions.all().isEmpty()) {
            return "No plugin adds fields to environment objects.\n";
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"FIELD", "TYPE", "PLUGIN", "WHAT"});
        for (ExtensionRegistry.Declared d : extensions.all()) {
            rows.add(new String[] {
                d.field().path(),
                EnvironmentReader.jsonName(d.field().type()),
                d.owner(),
                d.field().description()
            });
        }
        StringBuilder sb = new StringBuilder();
        TextReport.table(sb, rows);
        return sb.toString();
    }

    static String summary(Environment env) {
        return (env.organisation().isEmpty() ? "" : env.organisation() + ", ")
                + env.servers().size() + " server(s), " + env.connectors().size() + " connector(s), "
                + env.proxies().size() + " proxy server(s), "
                + env.publications().size() + " publication(s), "
                + env.firewalls().size() + " firewall(s), " + env.domains().size() + " domain(s)";
    }

    private static List<String> missingCopies(Environment env) {
        List<String> missing = new ArrayList<>();
        for (Server s : env.servers()) {
            for (IniFile f : s.iniFiles()) {
                if (f.localCopy().isPresent()
                        && !Files.isRegularFile(f.localCopy().get())) {
                    missing.add("the collected copy of " + f.serverPath() + " on " + s.id() + " is missing: "
                            + f.localCopy().get());
                }
            }
        }
        return missing;
    }

    static String describe(Environment env) {
        StringBuilder sb = new StringBuilder();
        sb.append(summary(env)).append("\n\n");
        if (!env.servers().isEmpty()) {
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"SERVER", "SITE", "EXCHANGE", "OS", "CLUSTERED", "WSP CLIENT", "COMPONENTS"});
            for (Server s : env.servers()) {
                rows.add(new String[] {
                    s.id(),
                    s.site().orElse("-"),
                    s.exchange().toString(),
                    s.os().map(Object::toString).orElse("-"),
                    s.clustered() ? "yes" : "no",
                    s.wspClient()
                            .map(c -> c.proxy()
                                    .or(c::configuredName)
                                    .map(p -> "via " + p)
                                    .orElse("yes"))
                            .orElse("no"),
                    String.join(
                            ", ",
                            s.components().stream()
                                    .map(EnvironmentReader::jsonName)
                                    .sorted()
                                    .toList())
                });
            }
            TextReport.table(sb, rows);
            for (Server s : env.servers()) {
                for (IniFile f : s.iniFiles()) {
                    sb.append("  ")
                            .append(s.id())
                            .append(": ")
                            .append(f.serverPath())
                            .append(f.localCopy().map(c -> " (copy: " + c + ")").orElse(" (not collected)"))
                            .append('\n');
                }
                EnvironmentDetails.describe(s, sb);
            }
            sb.append('\n');
        }
        if (!env.connectors().isEmpty()) {
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"CONNECTOR", "SERVER", "TYPE", "REMOTE", "PATH"});
            for (Connector c : env.connectors()) {
                rows.add(new String[] {
                    c.id(),
                    c.server(),
                    c.type().label()
                            + c.transport().map(t -> " over " + t.label()).orElse(""),
                    c.remoteMta().orElse(c.domains().isEmpty() ? "-" : String.join(", ", c.domains())),
                    c.path().isEmpty() ? "direct" : String.join(" -> ", c.path())
                });
            }
            TextReport.table(sb, rows);
            sb.append('\n');
        }
        for (ProxyServer p : env.proxies()) {
            sb.append("proxy ")
                    .append(p.id())
                    .append(": Proxy Server ")
                    .append(p.version())
                    .append(", internal ")
                    .append(p.internalAddress().orElse("-"))
                    .append(", external ")
                    .append(p.externalAddress().orElse("-"))
                    .append(p.runsOn().map(r -> ", runs on " + r).orElse(", own computer"))
                    .append(p.dynamicPacketFiltering() ? ", dynamic packet filtering" : "")
                    .append('\n');
        }
        for (Publication p : env.publications()) {
            sb.append("publishes ")
                    .append(p.describe())
                    .append(" of ")
                    .append(p.server())
                    .append(" through ")
                    .append(p.proxy())
                    .append('\n');
        }
        for (Firewall f : env.firewalls()) {
            sb.append("firewall ")
                    .append(f.id())
                    .append(" protects ")
                    .append(f.protects().isEmpty() ? "-" : String.join(", ", f.protects()));
            EnvironmentDetails.describe(f, sb);
        }
        for (DnsDomain d : env.domains()) {
            sb.append("domain ")
                    .append(d.name())
                    .append(" MX ")
                    .append(
                            d.byPreference().isEmpty()
                                    ? "-"
                                    : String.join(
                                            ", ",
                                            d.byPreference().stream()
                                                    .map(r -> r.preference() + " " + r.host())
                                                    .toList()))
                    .append(d.own() ? " (own)" : "")
                    .append('\n');
        }
        EnvironmentDetails.describeRest(env, sb);
        return sb.toString();
    }
}
