package io.kbsh.shell.collect;

import io.kbsh.ini.document.IniDocument;
import io.kbsh.ini.reg.RegDocument;
import io.kbsh.ini.reg.RegParseException;
import io.kbsh.model.article.ArticleId;
import io.kbsh.model.env.CollectedEvidence;
import io.kbsh.model.env.Component;
import io.kbsh.model.env.Environment;
import io.kbsh.model.env.EventLogEntry;
import io.kbsh.model.env.IniFile;
import io.kbsh.model.env.InstalledService;
import io.kbsh.model.env.Provenance;
import io.kbsh.model.env.ProxyServer;
import io.kbsh.model.env.RegistryValue;
import io.kbsh.model.env.Server;
import io.kbsh.model.env.WinsockProxyClient;
import io.kbsh.model.internal.DataFiles;
import io.kbsh.model.internal.Limits;
import io.kbsh.model.version.ReleaseLevel;
import io.kbsh.shell.env.EnvironmentReader;
import io.kbsh.shell.json.JsonInputException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * Builds an environment from a folder of files collected off the servers ({@code env collect DIR}). The
 * layout (docs/checks.md):
 *
 * <pre>
 * DIR/description.json      optional: what is known already (schema 1 or 2), which the folders add to
 * DIR/NWMAIL1/              one folder per computer, named as its server (or proxy) id
 *            Mspclnt.ini    INI copies (*.ini); Mspclnt.ini also says which proxy the WinSock Proxy client names
 *            exchange.reg   registry exports (*.reg): REGEDIT4 (ANSI) or version 5.00 (UTF-16LE)
 *            System.txt     Event Viewer exports (*.txt, *.csv): text or comma-delimited; the name is the log's
 * </pre>
 *
 * <p>Registry values and event-log entries become the computer's {@code collected} evidence, each with its
 * file and line. Collected values fill the server fields the description leaves out — the Exchange level
 * from {@code NewestBuild} (mapped by range through the build table), Windows and its service pack, the
 * services and the Exchange components they are, the WinSock Proxy client — each with its provenance; a
 * collected value that contradicts a stated one is a note and the stated one stays. A computer folder the
 * description does not know needs the Exchange build in a registry export.
 *
 * <p>Every file read must be a regular file (not a link, FIFO or device) within its size limit; such a file,
 * or one that does not parse, stops the collection with one line naming it (and its line). Anything else
 * that is not one of the kinds above is listed as ignored.
 */
public final class CollectedFolder {

    /** The partial description a collection folder may hold. */
    public static final String DESCRIPTION = "description.json";
    /** The most files one folder may hold: a collection is a handful of files per server. */
    public static final int MAX_FILES = 1000;

    /** What the build table makes of an Exchange build: the level and the article that gives the build. */
    public record BuildMatch(ReleaseLevel level, ArticleId article) {}

    /** The environment built and the report of what each file contributed. */
    public record Result(Environment environment, CollectReport report) {}

    private final EnvironmentReader reader;
    private final DateOrder dates;
    private final IntFunction<Optional<BuildMatch>> builds;

    /**
     * @param reader reads the description (with the plugins' fields)
     * @param dates how the event-log exports' dates are ordered
     * @param builds the level of an Exchange build, by the build table
     */
    public CollectedFolder(EnvironmentReader reader, DateOrder dates, IntFunction<Optional<BuildMatch>> builds) {
        this.reader = reader;
        this.dates = dates;
        this.builds = builds;
    }

    /** Reads {@code dir}; INI copies stay where they are and are named by their absolute paths. */
    public Result collect(Path dir) throws IOException {
        Path root = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
            throw new CollectException(
                    root,
                    0,
                    Files.exists(root)
                            ? "not a folder (env collect reads a folder of"
                                    + " collected files, one sub-folder per server)"
                            : "no such folder");
        }
        CollectReport.Builder report = new CollectReport.Builder();
        Environment description = Environment.builder().build();
        List<Path> computers = new ArrayList<>();
        for (Path p : list(root)) {
            String name = p.getFileName().toString();
            BasicFileAttributes a = attributes(p);
            if (a.isDirectory()) {
                computers.add(p);
            } else if (name.equalsIgnoreCase(DESCRIPTION)) {
                description = description(p);
                report.used(
                        name,
                        "the description: " + description.servers().size() + " server(s), "
                                + description.proxies().size() + " proxy server(s), "
                                + description.connectors().size() + " connector(s)");
            } else {
                report.ignored(name, "not in a computer's folder (one sub-folder per server, named as its id)");
            }
        }
        if (computers.isEmpty()) {
            throw new CollectException(
                    root,
                    0,
                    "no computer folders: put each server's files in a sub-folder named"
                            + " as the server (see docs/checks.md, env collect)");
        }
        Map<String, Server> servers = new LinkedHashMap<>();
        description.servers().forEach(s -> servers.put(s.id(), s));
        Map<String, CollectedEvidence> collected = new LinkedHashMap<>();
        description.collected().forEach(c -> collected.put(c.from(), c));
        for (Path folder : computers) {
            Computer c = new Computer(root, folder, report, description.proxies());
            c.read();
            String id = folder.getFileName().toString();
            Server stated = servers.get(id);
            if (stated != null) {
                servers.put(id, c.merge(stated));
            } else if (description.proxy(id).isPresent()) {
                c.iniFiles.forEach(i -> report.note(id + " is a proxy server: its INI copy " + i.fileName()
                        + " is not attached (the model keeps INI copies for Exchange servers)"));
            } else {
                servers.put(id, c.newServer(id));
            }
            if (!c.registry.isEmpty() || !c.events.isEmpty()) {
                CollectedEvidence before = collected.get(id);
                List<RegistryValue> registry = new ArrayList<>(before == null ? List.of() : before.registry());
                registry.addAll(c.registry);
                List<EventLogEntry> events = new ArrayList<>(before == null ? List.of() : before.events());
                events.addAll(c.events);
                collected.put(id, new CollectedEvidence(id, registry, events));
            }
        }
        Environment env = new Environment(
                Environment.SCHEMA_VERSION,
                description.organisation(),
                description.sites(),
                List.copyOf(servers.values()),
                description.connectors(),
                description.proxies(),
                description.publications(),
                description.firewalls(),
                description.domains(),
                description.dnsServers(),
                description.windowsDomains(),
                description.mailHosts(),
                List.copyOf(collected.values()),
                description.extensions());
        return new Result(env, report.build());
    }

    private Environment description(Path file) throws IOException {
        byte[] bytes = readLimited(file, Limits.ENVIRONMENT_BYTES, "an environment file");
        try {
            return reader.bind(bytes, file.toString(), file.getParent());
        } catch (JsonInputException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** What one computer's folder holds. */
    private final class Computer {
        private final Path root;
        private final Path folder;
        private final CollectReport.Builder report;
        final List<IniFile> iniFiles = new ArrayList<>();
        final List<RegistryValue> registry = new ArrayList<>();
        final List<RegistryEvidence.Located> located = new ArrayList<>();
        final List<EventLogEntry> events = new ArrayList<>();
        Optional<RegistryEvidence.Derived<String>> proxyName = Optional.empty();
        final List<String> notes = new ArrayList<>();

        /** The description's proxy servers, to tell which one a WinSock Proxy client's name or address is. */
        private final List<ProxyServer> proxies;

        Computer(Path root, Path folder, CollectReport.Builder report, List<ProxyServer> proxies) {
            this.root = root;
            this.folder = folder;
            this.report = report;
            this.proxies = proxies;
        }

        String id() {
            return folder.getFileName().toString();
        }

        void read() throws IOException {
            for (Path p : list(folder)) {
                String rel = relative(p);
                String name = p.getFileName().toString();
                String lower = name.toLowerCase(Locale.ROOT);
                if (attributes(p).isDirectory()) {
                    report.ignored(rel + "/", "a folder inside a computer's folder is not read");
                } else if (lower.endsWith(".ini")) {
                    ini(p, rel);
                } else if (lower.endsWith(".reg")) {
                    reg(p, rel);
                } else if (lower.endsWith(".txt") || lower.endsWith(".csv")) {
                    events(p, rel);
                } else if (lower.endsWith(".evt")) {
                    report.ignored(
                            rel, "a binary event log: open it in Event Viewer and save it as text or comma-delimited");
                } else if (lower.endsWith(".json")) {
                    report.ignored(rel, "descriptions are read only from " + DESCRIPTION + " at the top of the folder");
                } else {
                    report.ignored(rel, "not a kind env collect reads (.ini, .reg, .txt, .csv)");
                }
            }
        }

        private void ini(Path p, String rel) throws IOException {
            byte[] bytes = readLimited(p, Limits.INI_BYTES, "an INI copy");
            IniDocument doc;
            try {
                doc = IniDocument.parse(bytes);
            } catch (IOException e) {
                throw new CollectException(p, 0, e.getMessage());
            }
            String name = p.getFileName().toString();
            String serverPath = defaultServerPath(name);
            iniFiles.add(new IniFile(serverPath, p));
            StringBuilder what = new StringBuilder("INI copy of " + serverPath + " on " + id());
            if (name.equalsIgnoreCase("Mspclnt.ini")) {
                Optional<String> proxy = doc.get("Servers Ip Addresses", "Name");
                if (proxy.isPresent() && !proxy.get().isBlank()) {
                    proxyName = Optional.of(new RegistryEvidence.Derived<>(
                            proxy.get().strip(),
                            "[Servers Ip Addresses] Name=" + proxy.get().strip(),
                            rel));
                    what.append("; the WinSock Proxy client names its proxy ")
                            .append(proxy.get().strip());
                } else {
                    proxyName = Optional.of(new RegistryEvidence.Derived<>("", "Mspclnt.ini present", rel));
                    what.append("; the WinSock Proxy client is installed");
                }
            }
            report.used(rel, what.toString());
        }

        private void reg(Path p, String rel) throws IOException {
            byte[] bytes = readLimited(p, RegDocument.MAX_BYTES, "a registry export");
            RegDocument doc;
            try {
                doc = RegDocument.parse(bytes);
            } catch (RegParseException e) {
                throw new CollectException(p, e.line(), e.getMessage().replaceFirst("^line \\d+: ", ""));
            }
            List<RegistryEvidence.Located> values = RegistryEvidence.values(doc, rel, notes);
            // Lines Regedit would skip are skipped here too, and said: "DIR/x.reg:4: ...".
            doc.warnings().forEach(w -> report.note(rel + ":" + w.replaceFirst("^line (\\d+): ", "$1: ")));
            values.forEach(l -> registry.add(l.value()));
            located.addAll(values);
            report.used(
                    rel,
                    values.size() + " registry value(s) under " + doc.keys().size() + " key(s) ("
                            + (doc.encoding().toString().contains("16")
                                    ? "Windows Registry Editor 5.00, UTF-16LE"
                                    : "REGEDIT4, ANSI")
                            + ")");
        }

        private void events(Path p, String rel) throws IOException {
            byte[] bytes = readLimited(p, EventLogExport.MAX_BYTES, "an event-log export");
            if (!EventLogExport.looksLikeExport(bytes)) {
                report.ignored(
                        rel,
                        "not an Event Viewer export (no record of nine columns: date, time, source, type,"
                                + " category, event, user, computer, description)");
                return;
            }
            Optional<String> log = logName(p.getFileName().toString());
            int before = events.size();
            for (ExportedEvent e : EventLogExport.parse(p, bytes, dates)) {
                events.add(new EventLogEntry(
                        e.time(),
                        log,
                        e.source(),
                        type(e.type()),
                        Optional.of(e.category()),
                        e.eventId(),
                        e.user().equalsIgnoreCase("N/A") ? Optional.empty() : Optional.of(e.user()),
                        Optional.of(e.computer()),
                        e.description(),
                        Optional.of(Provenance.of(Provenance.Source.COLLECT, e.source() + " event " + e.eventId())
                                .from(rel + ":" + e.line()))));
            }
            report.used(
                    rel,
                    (events.size() - before) + " event-log entr" + (events.size() - before == 1 ? "y" : "ies")
                            + log.map(l -> " of the " + l + " log").orElse(""));
        }

        /** The server as described, with what was collected filling the fields it leaves out. */
        Server merge(Server stated) {
            Server.Builder b = stated.toBuilder();
            Map<String, IniFile> byName = new LinkedHashMap<>();
            for (IniFile f : iniFiles) {
                byName.put(f.fileName().toUpperCase(Locale.ROOT), f);
            }
            List<IniFile> merged = new ArrayList<>();
            for (IniFile f : stated.iniFiles()) {
                IniFile copy = byName.remove(f.fileName().toUpperCase(Locale.ROOT));
                merged.add(copy == null ? f : new IniFile(f.serverPath(), copy.localCopy()));
            }
            merged.addAll(byName.values());
            byName.values().forEach(this::noteAssumedPath);
            Server rebuilt = rebuild(b, merged);
            Server.Builder fill = rebuilt.toBuilder();
            exchangeLevel().ifPresent(d -> {
                if (!d.value().equals(stated.exchange())) {
                    report.note(id() + ": the description says Exchange Server " + stated.exchange()
                            + ", the collected " + d.evidence() + " (" + d.origin() + ") says " + d.value() + "; kept "
                            + stated.exchange());
                }
            });
            RegistryEvidence.operatingSystem(located).ifPresent(d -> {
                if (stated.os().isEmpty()) {
                    fill.os(d.value()).provenance("os", d.provenance());
                } else if (!stated.os().get().equals(d.value())) {
                    report.note(id() + ": the description says " + stated.os().get() + ", the collected " + d.evidence()
                            + " (" + d.origin() + ") says " + d.value() + "; kept "
                            + stated.os().get());
                }
            });
            if (stated.services().isEmpty()) {
                services(fill);
            }
            if (stated.components().isEmpty()) {
                components(fill);
            }
            if (stated.wspClient().isEmpty()) {
                wspClient(fill);
            }
            notes.forEach(report::note);
            return fill.build();
        }

        /** A server the description does not know: its level must come from the registry. */
        Server newServer(String id) throws CollectException {
            RegistryEvidence.Derived<ReleaseLevel> level = exchangeLevel()
                    .orElseThrow(() -> new CollectException(
                            folder,
                            0,
                            "no Exchange Server level for " + id + ": export " + RegistryEvidence.EXCHANGE_SETUP
                                    + " (NewestBuild) into this folder, or describe the server in " + DESCRIPTION));
            Server.Builder b = Server.builder(id, level.value()).provenance("exchange", level.provenance());
            iniFiles.forEach(b::iniFile);
            iniFiles.forEach(this::noteAssumedPath);
            RegistryEvidence.operatingSystem(located)
                    .ifPresent(d -> b.os(d.value()).provenance("os", d.provenance()));
            services(b);
            components(b);
            wspClient(b);
            notes.forEach(report::note);
            return b.build();
        }

        /** The Exchange level the collected {@code NewestBuild} maps to; its provenance cites the build table's article. */
        private Optional<RegistryEvidence.Derived<ReleaseLevel>> exchangeLevel() {
            Optional<RegistryEvidence.Located> build = RegistryEvidence.exchangeBuild(located);
            if (build.isEmpty()) {
                return Optional.empty();
            }
            int n = (int) build.get().value().number().getAsLong();
            Optional<BuildMatch> match = builds.apply(n);
            if (match.isEmpty()) {
                report.note(build.get().origin() + ": Exchange build " + n + " is in no range of the build table");
                return Optional.empty();
            }
            return Optional.of(new RegistryEvidence.Derived<>(
                    match.get().level(),
                    "NewestBuild = " + n,
                    build.get().origin(),
                    Optional.of(match.get().article())));
        }

        private void services(Server.Builder b) {
            List<RegistryEvidence.Derived<InstalledService>> services = RegistryEvidence.services(located);
            services.forEach(s -> b.service(s.value()));
            if (!services.isEmpty()) {
                b.provenance(
                        "services",
                        Provenance.of(Provenance.Source.COLLECT, services.size() + " service key(s) with a Start value")
                                .from(services.get(0).origin()));
            }
        }

        private void components(Server.Builder b) {
            Set<Component> found = EnumSet.noneOf(Component.class);
            List<String> names = new ArrayList<>();
            String origin = null;
            for (RegistryEvidence.Derived<InstalledService> s : RegistryEvidence.services(located)) {
                Component c =
                        RegistryEvidence.EXCHANGE_SERVICES.get(s.value().name().toUpperCase(Locale.ROOT));
                if (c != null && found.add(c)) {
                    names.add(s.value().name());
                    origin = origin == null ? s.origin() : origin;
                }
            }
            if (!found.isEmpty()) {
                b.components(found.toArray(Component[]::new));
                b.provenance(
                        "components",
                        Provenance.of(Provenance.Source.COLLECT, "services " + String.join(", ", names))
                                .from(origin));
            }
        }

        private void wspClient(Server.Builder b) {
            proxyName.ifPresent(p -> b.wspClient(new WinsockProxyClient(
                            proxyNamed(p.value()), p.value().isEmpty() ? Optional.empty() : Optional.of(p.value())))
                    .provenance("wspClient", p.provenance()));
        }

        /**
         * The described proxy the client's {@code Name=} means: the one whose computer name (as Windows
         * compares names, ignoring case) or address it is; none when no proxy, or more than one, fits.
         */
        private Optional<String> proxyNamed(String configured) {
            if (configured.isEmpty()) {
                return Optional.empty();
            }
            List<ProxyServer> fit = proxies.stream()
                    .filter(x -> x.name().map(configured::equalsIgnoreCase).orElse(false)
                            || x.internalAddress().map(configured::equals).orElse(false)
                            || x.externalAddress().map(configured::equals).orElse(false))
                    .toList();
            if (fit.size() != 1) {
                return Optional.empty();
            }
            notes.add(id() + ": its WinSock Proxy client's " + configured + " is proxy "
                    + fit.get(0).id() + " of the description");
            return Optional.of(fit.get(0).id());
        }

        private void noteAssumedPath(IniFile f) {
            report.note(id() + "/"
                    + f.localCopy().map(c -> c.getFileName().toString()).orElse(f.fileName()) + ": server path assumed "
                    + f.serverPath() + "; correct servers[].iniFiles[].serverPath if it lives elsewhere");
        }

        private String relative(Path p) {
            return root.relativize(p).toString().replace('\\', '/');
        }
    }

    /** A builder with {@code files} as the server's INI files. */
    private static Server rebuild(Server.Builder b, List<IniFile> files) {
        Server s = b.build();
        return new Server(
                s.id(),
                s.site(),
                s.addresses(),
                s.os(),
                s.exchange(),
                s.cluster(),
                s.components(),
                s.serves(),
                s.roles(),
                s.windowsDomain(),
                s.dnsServers(),
                s.services(),
                s.wspClient(),
                s.ims(),
                s.hotfixes(),
                files,
                s.provenance(),
                s.extensions());
    }

    /** Where an INI file of this name lives on a server by default. */
    static String defaultServerPath(String name) {
        if (name.equalsIgnoreCase("Mspclnt.ini")) {
            return "C:\\Mspclnt\\" + name;
        }
        // Wspcfg.ini and the other files the articles edit sit beside the Exchange services' programs.
        return "C:\\Exchsrvr\\Bin\\" + name;
    }

    /** The log an export holds, from its file name: {@code System.txt}, {@code AppEvent.csv}, {@code secevent.txt}. */
    static Optional<String> logName(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        if (n.startsWith("app")) {
            return Optional.of("Application");
        }
        if (n.startsWith("sys")) {
            return Optional.of("System");
        }
        if (n.startsWith("sec")) {
            return Optional.of("Security");
        }
        if (n.startsWith("directory")) {
            return Optional.of("Directory Service");
        }
        if (n.startsWith("dns")) {
            return Optional.of("DNS Server");
        }
        return Optional.empty();
    }

    private static EventLogEntry.Type type(String exported) {
        return switch (exported.toLowerCase(Locale.ROOT)) {
            case "error" -> EventLogEntry.Type.ERROR;
            case "warning" -> EventLogEntry.Type.WARNING;
            case "success audit" -> EventLogEntry.Type.AUDIT_SUCCESS;
            case "failure audit" -> EventLogEntry.Type.AUDIT_FAILURE;
            default -> EventLogEntry.Type.INFORMATION;
        };
    }

    /** The entries of {@code dir}, by name; at most {@link #MAX_FILES}. */
    private static List<Path> list(Path dir) throws IOException {
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            for (Path p : s) {
                if (found.size() == MAX_FILES) {
                    throw new CollectException(
                            dir, 0, "more than " + MAX_FILES + " entries; a collection holds a few files per server");
                }
                found.add(p);
            }
        }
        found.sort((a, b) ->
                a.getFileName().toString().compareToIgnoreCase(b.getFileName().toString()));
        return found;
    }

    /** The entry's own attributes; a symbolic link, FIFO, socket or device is refused. */
    private static BasicFileAttributes attributes(Path p) throws IOException {
        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (a.isSymbolicLink()) {
            throw new CollectException(
                    p, 0, "a symbolic link; env collect reads only files that are in the folder itself");
        }
        if (a.isOther()) {
            throw new CollectException(p, 0, "not a regular file (a FIFO, socket or device)");
        }
        return a;
    }

    private static byte[] readLimited(Path file, long limit, String what) throws IOException {
        try {
            return DataFiles.read(file, limit, what);
        } catch (DataFiles.DataFileException e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}
