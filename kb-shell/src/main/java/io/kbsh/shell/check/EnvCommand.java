package io.kbsh.shell.check;

import io.kbsh.shell.json.JsonOutput;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
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
import io.kbsh.shell.graph.SitePicture;
import io.kbsh.shell.env.EnvironmentReader;
import io.kbsh.shell.json.JsonInputException;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code env load FILE}, {@code env show}, {@code env facts}: the environment the checks run against. */
public final class EnvCommand implements ShellCommand {

    private final CheckSession session;

    @Inject
    public EnvCommand(CheckSession session) {
        this.session = session;
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
        return List.of("env load examples/site-q254909-q187225.json",
                "env show",
                "env facts --clear",
                "env graph --format mermaid --output site.mmd");
    }

    @Override
    public String usage() {
        return "env load FILE [--copies DIR ...]  read an environment file (JSON, see docs/checks.md)\n"
                + "env show [--json]            describe the loaded environment\n"
                + "env facts [--clear] [--json]  list (or forget) what probes found\n"
                + "env graph [--format FORMAT] [--output FILE]  the site's picture: svg (default), dot or mermaid";
    }

    @Override
    public List<String> subcommands() {
        return List.of("load", "show", "facts", "graph");
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(OptionSpec.flag("clear", "with 'facts': forget the facts probes found"),
                OptionSpec.flag("json", "with 'show' or 'facts': print JSON (docs/json.md)"),
                OptionSpec.repeatable("copies", ValueKind.FILE,
                        "with 'load': a folder besides the environment file's own that collected copies may be in"),
                OptionSpec.value("format", ValueKind.TEXT, "with 'graph': svg (default), dot or mermaid"),
                OptionSpec.value("output", ValueKind.FILE, "with 'graph': write the picture to FILE instead of printing it"));
    }

    @Override
    public ValueKind argumentKind(List<String> precedingWords) {
        return precedingWords.size() == 1 && precedingWords.get(0).equals("load") ? ValueKind.FILE : ValueKind.TEXT;
    }

    @Override
    public int run(CommandContext context, List<String> arguments) throws CommandException {
        Arguments args = Arguments.parse(arguments, options());
        String sub = args.positional(0, "SUBCOMMAND (load, show, facts or graph)");
        switch (sub) {
            case "load" -> {
                Environment env = load(context, session, args.positional(1, "FILE"),
                        args.values("copies").stream().map(context::resolve).toList());
                context.out().println("Loaded " + session.environmentFile().orElseThrow() + ": " + summary(env));
                missingCopies(env).forEach(m -> context.err().println("warning: " + m));
            }
            case "show" -> {
                if (args.has("json")) {
                    ObjectNode doc = JsonOutput.document("environment-view", 1);
                    JsonOutput.put(doc, "file", session.environmentFile());
                    doc.set("environment", JsonOutput.MAPPER.valueToTree(session.requireEnvironment()));
                    JsonOutput.print(context, doc);
                } else {
                    context.out().print(describe(session.requireEnvironment()));
                }
            }
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
                    context.out().println("No facts yet: 'diagnose' or 'check --probe' runs the probes findings ask for.");
                } else {
                    for (Fact f : session.facts().all()) {
                        context.out().println(f.observedAt() + "  " + f.describe());
                    }
                }
            }
            case "graph" -> graph(context, args);
            default -> throw new UsageException("unknown subcommand '" + sub + "' (load, show, facts or graph)");
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

    /** Reads {@code path} into the session; errors become one line naming file, line, column and field. */
    static Environment load(CommandContext context, CheckSession session, String path) throws CommandException {
        return load(context, session, path, List.of());
    }

    /** As {@link #load(CommandContext, CheckSession, String)}, with folders collected copies may also be in. */
    static Environment load(CommandContext context, CheckSession session, String path, List<Path> copyFolders)
            throws CommandException {
        Path file = context.resolve(path);
        Environment env;
        try {
            env = EnvironmentReader.read(file, copyFolders);
        } catch (NoSuchFileException e) {
            throw new CommandException("no such environment file: " + file);
        } catch (JsonInputException e) {
            throw new CommandException(e.getMessage());
        } catch (IOException e) {
            throw new CommandException("cannot read " + file + ": " + e.getMessage());
        }
        session.load(file, env, copyFolders);
        return env;
    }

    static String summary(Environment env) {
        return (env.organisation().isEmpty() ? "" : env.organisation() + ", ")
                + env.servers().size() + " server(s), " + env.connectors().size() + " connector(s), "
                + env.proxies().size() + " proxy server(s), " + env.publications().size() + " publication(s), "
                + env.firewalls().size() + " firewall(s), " + env.domains().size() + " domain(s)";
    }

    private static List<String> missingCopies(Environment env) {
        List<String> missing = new ArrayList<>();
        for (Server s : env.servers()) {
            for (IniFile f : s.iniFiles()) {
                if (f.localCopy().isPresent() && !Files.isRegularFile(f.localCopy().get())) {
                    missing.add("the collected copy of " + f.serverPath() + " on " + s.id() + " is missing: " + f.localCopy().get());
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
                rows.add(new String[] {s.id(), s.site().orElse("-"), s.exchange().toString(),
                        s.os().map(Object::toString).orElse("-"), s.clustered() ? "yes" : "no",
                        s.wspClient().map(c -> c.proxy().or(c::configuredName).map(p -> "via " + p).orElse("yes")).orElse("no"),
                        String.join(", ", s.components().stream().map(EnvironmentReader::jsonName).sorted().toList())});
            }
            TextReport.table(sb, rows);
            for (Server s : env.servers()) {
                for (IniFile f : s.iniFiles()) {
                    sb.append("  ").append(s.id()).append(": ").append(f.serverPath())
                      .append(f.localCopy().map(c -> " (copy: " + c + ")").orElse(" (not collected)")).append('\n');
                }
                EnvironmentDetails.describe(s, sb);
            }
            sb.append('\n');
        }
        if (!env.connectors().isEmpty()) {
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"CONNECTOR", "SERVER", "TYPE", "REMOTE", "PATH"});
            for (Connector c : env.connectors()) {
                rows.add(new String[] {c.id(), c.server(), c.type().label() + c.transport().map(t -> " over " + t.label()).orElse(""),
                        c.remoteMta().orElse(c.domains().isEmpty() ? "-" : String.join(", ", c.domains())),
                        c.path().isEmpty() ? "direct" : String.join(" -> ", c.path())});
            }
            TextReport.table(sb, rows);
            sb.append('\n');
        }
        for (ProxyServer p : env.proxies()) {
            sb.append("proxy ").append(p.id()).append(": Proxy Server ").append(p.version())
              .append(", internal ").append(p.internalAddress().orElse("-"))
              .append(", external ").append(p.externalAddress().orElse("-"))
              .append(p.runsOn().map(r -> ", runs on " + r).orElse(", own computer"))
              .append(p.dynamicPacketFiltering() ? ", dynamic packet filtering" : "").append('\n');
        }
        for (Publication p : env.publications()) {
            sb.append("publishes ").append(p.describe()).append(" of ").append(p.server())
              .append(" through ").append(p.proxy()).append('\n');
        }
        for (Firewall f : env.firewalls()) {
            sb.append("firewall ").append(f.id()).append(" protects ")
              .append(f.protects().isEmpty() ? "-" : String.join(", ", f.protects()));
            EnvironmentDetails.describe(f, sb);
        }
        for (DnsDomain d : env.domains()) {
            sb.append("domain ").append(d.name()).append(" MX ").append(d.byPreference().isEmpty() ? "-"
                    : String.join(", ", d.byPreference().stream().map(r -> r.preference() + " " + r.host()).toList()))
              .append(d.own() ? " (own)" : "").append('\n');
        }
        EnvironmentDetails.describeRest(env, sb);
        return sb.toString();
    }
}
