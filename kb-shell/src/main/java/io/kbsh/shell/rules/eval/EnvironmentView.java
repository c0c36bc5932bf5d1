package io.kbsh.shell.rules.eval;

import com.fasterxml.jackson.databind.JsonNode;
import io.kbsh.ini.document.IniDocument;
import io.kbsh.model.env.Environment;
import io.kbsh.model.env.IniFile;
import io.kbsh.model.fact.EndpointFact;
import io.kbsh.model.fact.EvidenceValue;
import io.kbsh.model.fact.Fact;
import io.kbsh.model.fact.Facts;
import io.kbsh.model.fact.MxFact;
import io.kbsh.model.fact.PtrFact;
import io.kbsh.model.fact.SoaFact;
import io.kbsh.model.internal.Limits;
import io.kbsh.model.version.ReleaseLevel;
import io.kbsh.shell.env.EnvironmentWriter;
import io.kbsh.shell.env.PlainMap;
import java.io.IOException;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An environment and its facts as rules see them: plain values (maps, lists, text, whole numbers as
 * {@code Long}, flags) in the vocabulary of the environment file (docs/checks.md), so that a rule's paths
 * ({@code server.exchange}, {@code server.wspClient.proxy}) are the file's own fields. Probe facts are
 * maps too: {@code probe}, {@code host}, {@code port}, {@code status}, {@code stage}, {@code evidence}.
 *
 * <p>Built once per environment and shared by every rule evaluated over it ({@link #of}); immutable.
 */
public final class EnvironmentView {

    private static final EnvironmentWriter WRITER = new EnvironmentWriter(Optional.empty());

    /**
     * The last view built on each thread: every rule of a check run asks for the same environment in turn, and
     * a run over many environments gives each worker thread its own environments (one shared slot would make
     * two workers rebuild each other's views).
     */
    private static final ThreadLocal<EnvironmentView> LAST = new ThreadLocal<>();

    private final Environment environment;
    private final Facts facts;
    private final Map<String, Object> root;
    /** The objects of each of the file's lists ({@code servers}, {@code connectors}…), made once per view. */
    private final Map<String, List<Map<String, Object>>> lists = new HashMap<>();

    private final Map<String, Map<String, Object>> collected = new HashMap<>();
    private final List<Map<String, Object>> endpoints = new ArrayList<>();
    private final Map<String, Map<String, Object>> mx = new HashMap<>();
    /** The newest DNS look-up facts by name, for every kind: {@code mx} by domain, {@code soa} by zone, {@code ptr} by address. */
    private final Map<String, Object> lookups;
    /** Each kind's objects' names, by object (identity: the objects are this view's own maps). */
    private final Map<ObjectKinds, Map<Map<String, Object>, ObjectNames>> bindings = new ConcurrentHashMap<>();

    private EnvironmentView(Environment environment, Facts facts) {
        this.environment = environment;
        this.facts = facts;
        // The file's own fields, built from the records (not written as JSON and parsed back).
        this.root = WRITER.valuesWithEmptyLists(environment);
        root.forEach((name, value) -> {
            if (value instanceof List<?>) {
                // list() makes a fresh list: wrapped, not copied again, as callers of objects() share it.
                lists.put(name, Collections.unmodifiableList(list(value)));
            }
        });
        for (Map<String, Object> c : objectsIn("collected")) {
            collected.put(String.valueOf(c.get("from")), c);
        }
        // Newest last: a later fact about the same endpoint replaces an earlier one in the look-ups.
        Map<String, Map<String, Object>> newest = new LinkedHashMap<>();
        Map<String, Object> soa = new LinkedHashMap<>();
        Map<String, Object> ptr = new LinkedHashMap<>();
        for (Fact f : facts.all()) {
            if (f instanceof EndpointFact e) {
                newest.remove(Facts.historyKey(e));
                newest.put(Facts.historyKey(e), endpoint(e));
            } else if (f instanceof MxFact m) {
                mx.put(m.domain().toLowerCase(Locale.ROOT), mx(m));
            } else if (f instanceof SoaFact z) {
                soa.put(z.zone().toLowerCase(Locale.ROOT), soa(z));
            } else if (f instanceof PtrFact p) {
                ptr.put(p.address().toLowerCase(Locale.ROOT), ptr(p));
            }
        }
        endpoints.addAll(newest.values());
        Map<String, Object> l = new LinkedHashMap<>();
        l.put("mx", Collections.unmodifiableMap(new LinkedHashMap<>(mx)));
        l.put("soa", Collections.unmodifiableMap(soa));
        l.put("ptr", Collections.unmodifiableMap(ptr));
        this.lookups = Collections.unmodifiableMap(l);
    }

    /** The view of {@code environment} with {@code facts}; the same view when asked again for the same pair. */
    public static EnvironmentView of(Environment environment, Facts facts) {
        EnvironmentView v = LAST.get();
        if (v != null && v.environment == environment && v.facts == facts) {
            return v;
        }
        v = new EnvironmentView(environment, facts);
        LAST.set(v);
        return v;
    }

    public Environment environment() {
        return environment;
    }

    public Facts facts() {
        return facts;
    }

    /** The whole environment, as {@code env}. */
    public Map<String, Object> root() {
        return root;
    }

    /** Every object of {@code kind}, in file order. */
    public List<Map<String, Object>> objects(ObjectKinds kind) {
        return objectsIn(kind.list());
    }

    private List<Map<String, Object>> objectsIn(String listName) {
        return lists.getOrDefault(listName, List.of());
    }

    /**
     * The names a rule for {@code kind} sees while evaluated for {@code object}; read-only. Every rule for the
     * kind sees the same names for the same object, so they are built once per kind for all its objects, on the
     * first rule that asks (28 rules made them 28 times).
     */
    ObjectNames bindings(ObjectKinds kind, Map<String, Object> object) {
        // Looked up before computeIfAbsent: its lambda, capturing this view, would be made on every call.
        Map<Map<String, Object>, ObjectNames> ofKind = bindings.get(kind);
        if (ofKind == null) {
            ofKind = bindings.computeIfAbsent(kind, this::namesOfKind);
        }
        ObjectNames b = ofKind.get(object);
        return b != null ? b : new ObjectNames(build(kind, object));
    }

    private Map<Map<String, Object>, ObjectNames> namesOfKind(ObjectKinds kind) {
        Map<Map<String, Object>, ObjectNames> m = new IdentityHashMap<>();
        for (Map<String, Object> o : objects(kind)) {
            m.put(o, new ObjectNames(build(kind, o)));
        }
        return m;
    }

    /**
     * Where an object's level of a product is written, for the products whose levels rules compare: Exchange's
     * on the server, Proxy Server's on the proxy, Windows NT's and Windows 2000's in the server's {@code os}.
     */
    enum LevelPath {
        EXCHANGE("server.exchange"),
        PROXY("proxy.version"),
        OS("server.os");

        private static final List<LevelPath> ALL = List.of(values());

        private final String path;

        LevelPath(String path) {
            this.path = path;
        }

        String path() {
            return path;
        }

        /** The path of the product's level ({@code exchange}, {@code proxy}, {@code winnt}, {@code win2000}), if known. */
        static Optional<LevelPath> of(String productId) {
            return switch (productId) {
                case "exchange" -> Optional.of(EXCHANGE);
                case "proxy" -> Optional.of(PROXY);
                case "winnt", "win2000" -> Optional.of(OS);
                default -> Optional.empty();
            };
        }
    }

    /**
     * One object's names, read-only, and the release levels read from them. Every rule for the kind asks for the
     * object's level (applicability, the rule's fix, an outcome's fix): the three are read once, when the names
     * are made, so that a rule's look-up is a list's element (a look-up that parsed on a miss was most of the
     * code the JIT compiled for a rule's evaluation, and the compile held back every other one).
     */
    static final class ObjectNames extends AbstractMap<String, Object> {
        private final Map<String, Object> names;
        /** By {@link LevelPath#ordinal()}. */
        private final List<Optional<ReleaseLevel>> levels;

        ObjectNames(Map<String, Object> names) {
            this.names = names;
            List<Optional<ReleaseLevel>> read = new ArrayList<>(LevelPath.ALL.size());
            for (LevelPath p : LevelPath.ALL) {
                read.add(levelAt(names, p.path()));
            }
            this.levels = List.copyOf(read);
        }

        @Override
        public Object get(Object key) {
            return names.get(key);
        }

        @Override
        public boolean containsKey(Object key) {
            return names.containsKey(key);
        }

        @Override
        public Set<Entry<String, Object>> entrySet() {
            // Read-only entries too (a plain entry set would let setValue through).
            return Collections.unmodifiableMap(names).entrySet();
        }

        /** The level written at {@code path}. */
        Optional<ReleaseLevel> level(LevelPath path) {
            return levels.get(path.ordinal());
        }
    }

    /** The release level written at {@code path} of {@code names}, when there is one. */
    static Optional<ReleaseLevel> levelAt(Map<String, ?> names, String path) {
        List<Object> values = Values.at(names, path);
        return values.isEmpty() ? Optional.empty() : Values.level(values.get(0));
    }

    /**
     * The level at {@code path} in any names (an evaluation's, with its 'as' names and lets): kept by the object's
     * names when they are those, else read. For the paths that run once per finding or explanation; a rule's
     * per-object look-up asks {@link ObjectNames#level} itself.
     */
    static Optional<ReleaseLevel> levelIn(Optional<LevelPath> path, Map<String, Object> names) {
        if (path.isEmpty()) {
            return Optional.empty();
        }
        return names instanceof ObjectNames o
                ? o.level(path.get())
                : levelAt(names, path.get().path());
    }

    private Map<String, Object> build(ObjectKinds kind, Map<String, Object> object) {
        PlainMap.Builder b = PlainMap.builder(12);
        b.put(kind.kind(), object);
        b.put("env", root);
        String id = kind.id(object);
        b.put("lookups", lookups);
        switch (kind) {
            case SERVER -> {
                putFound(b, "site", find("sites", "id", object.get("site")));
                b.put("connectors", where("connectors", "server", id));
                b.put("firewalls", firewallsProtecting(id));
                b.put("publications", where("publications", "server", id));
                Object wsp = object.get("wspClient") instanceof Map<?, ?> w ? w.get("proxy") : null;
                putFound(b, "proxy", find("proxies", "id", wsp));
                b.put("registry", list(collectedFrom(id).get("registry")));
                b.put("events", list(collectedFrom(id).get("events")));
                b.put(
                        "ini",
                        new IniValues(
                                environment.server(id).map(s -> s.iniFiles()).orElse(List.of())));
                b.put("probes", probesOf(object, "addresses", "id"));
            }
            case CONNECTOR -> {
                putFound(b, "server", find("servers", "id", object.get("server")));
                List<Map<String, Object>> proxies = new ArrayList<>();
                List<Map<String, Object>> firewalls = new ArrayList<>();
                for (String hop : strings(object.get("path"))) {
                    addFound(proxies, find("proxies", "id", hop));
                    addFound(firewalls, find("firewalls", "id", hop));
                }
                b.put("proxies", proxies);
                b.put("firewalls", firewalls);
                List<Map<String, Object>> domains = new ArrayList<>();
                for (String d : strings(object.get("domains"))) {
                    addFound(domains, find("domains", "name", d));
                }
                b.put("domains", domains);
                String server = String.valueOf(object.get("server"));
                b.put("registry", list(collectedFrom(server).get("registry")));
                b.put("events", list(collectedFrom(server).get("events")));
                b.put("probes", probesOf(object, "remoteMta"));
            }
            case PROXY -> {
                List<Map<String, Object>> clients = new ArrayList<>();
                for (Map<String, Object> s : objectsIn("servers")) {
                    if (s.get("wspClient") instanceof Map<?, ?> w && id.equals(w.get("proxy"))) {
                        clients.add(s);
                    }
                }
                b.put("clients", clients);
                b.put("publications", where("publications", "proxy", id));
                b.put("registry", list(collectedFrom(id).get("registry")));
                b.put("events", list(collectedFrom(id).get("events")));
                b.put("probes", probesOf(object, "internalAddress", "externalAddress", "addresses", "id"));
            }
            case DOMAIN -> {
                Map<String, Object> probed = mx.get(id.toLowerCase(Locale.ROOT));
                if (probed != null) {
                    b.put("mx", probed);
                }
            }
            case SITE -> b.put("servers", where("servers", "site", id));
            case FIREWALL -> {
                List<Map<String, Object>> protects = new ArrayList<>();
                for (String s : strings(object.get("protects"))) {
                    addFound(protects, find("servers", "id", s));
                }
                b.put("protects", protects);
            }
        }
        return b.build();
    }

    private static void addFound(List<Map<String, Object>> to, Optional<Map<String, Object>> found) {
        if (found.isPresent()) {
            to.add(found.get());
        }
    }

    /** Puts what was found under {@code name} (without a lambda per object: see {@link #bindings}). */
    private static void putFound(PlainMap.Builder b, String name, Optional<Map<String, Object>> found) {
        if (found.isPresent()) {
            b.put(name, found.get());
        }
    }

    private Map<String, Object> collectedFrom(String id) {
        return collected.getOrDefault(id, Map.of());
    }

    private List<Map<String, Object>> firewallsProtecting(String server) {
        List<Map<String, Object>> found = new ArrayList<>();
        for (Map<String, Object> f : objectsIn("firewalls")) {
            if (strings(f.get("protects")).contains(server)) {
                found.add(f);
            }
        }
        return found;
    }

    private List<Map<String, Object>> where(String listName, String field, String value) {
        List<Map<String, Object>> found = new ArrayList<>();
        for (Map<String, Object> o : objectsIn(listName)) {
            if (value.equals(o.get(field))) {
                found.add(o);
            }
        }
        return found;
    }

    private Optional<Map<String, Object>> find(String listName, String field, Object value) {
        if (value == null) {
            return Optional.empty();
        }
        for (Map<String, Object> o : objectsIn(listName)) {
            Object v = o.get(field);
            if (v != null && v.toString().equalsIgnoreCase(value.toString())) {
                return Optional.of(o);
            }
        }
        return Optional.empty();
    }

    private static List<String> addresses(Map<String, Object> object, String... fields) {
        List<String> found = new ArrayList<>();
        for (String f : fields) {
            Object v = object.get(f);
            if (v instanceof String s) {
                found.add(s.toLowerCase(Locale.ROOT));
            } else {
                strings(v).forEach(s -> found.add(s.toLowerCase(Locale.ROOT)));
            }
        }
        return found;
    }

    /** The newest fact of each probe and port about the object, by the addresses in {@code addressFields}. */
    private List<Map<String, Object>> probesOf(Map<String, Object> object, String... addressFields) {
        // Most checks run without probe facts: then no object's addresses need collecting.
        if (endpoints.isEmpty()) {
            return List.of();
        }
        List<String> hosts = addresses(object, addressFields);
        List<Map<String, Object>> found = new ArrayList<>();
        for (Map<String, Object> e : endpoints) {
            if (hosts.contains(String.valueOf(e.get("host")).toLowerCase(Locale.ROOT))) {
                found.add(e);
            }
        }
        return found;
    }

    private static Map<String, Object> endpoint(EndpointFact f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("probe", f.probe());
        m.put("host", f.host());
        m.put("port", (long) f.port());
        m.put("status", f.status().name());
        m.put("stage", f.stage());
        m.put("latencyMs", f.latency().toMillis());
        Map<String, Object> evidence = new LinkedHashMap<>();
        f.evidence().values().forEach((k, v) -> evidence.put(k, plain(v)));
        m.put("evidence", Collections.unmodifiableMap(evidence));
        m.put("observedAt", f.observedAt().toString());
        return Collections.unmodifiableMap(m);
    }

    private static Object plain(EvidenceValue v) {
        if (v instanceof EvidenceValue.NumberValue n) {
            return n.value();
        }
        if (v instanceof EvidenceValue.FlagValue f) {
            return f.value();
        }
        if (v instanceof EvidenceValue.ListValue l) {
            return l.value();
        }
        return v.display();
    }

    private static Map<String, Object> mx(MxFact f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("domain", f.domain());
        m.put("dnsOutcome", f.dnsOutcome());
        List<Object> hosts = new ArrayList<>();
        for (MxFact.Host h : f.hosts()) {
            Map<String, Object> host = new LinkedHashMap<>();
            host.put("name", h.name());
            host.put("preference", (long) h.preference());
            h.address().ifPresent(a -> host.put("address", a));
            host.put("status", h.status().name());
            host.put("stage", h.stage());
            hosts.add(Collections.unmodifiableMap(host));
        }
        m.put("hosts", List.copyOf(hosts));
        m.put("hostsNotFollowed", (long) f.hostsNotFollowed());
        m.put("fallbackDelivers", f.fallbackDelivers());
        m.put("firstHostOnlyFails", f.firstHostOnlyFails());
        m.put("firstHostOnly", f.firstHostOnly().name().toLowerCase(Locale.ROOT));
        m.put("observedAt", f.observedAt().toString());
        return Collections.unmodifiableMap(m);
    }

    private static Map<String, Object> soa(SoaFact f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("zone", f.zone());
        List<Object> servers = new ArrayList<>();
        for (SoaFact.Server s : f.servers()) {
            Map<String, Object> server = new LinkedHashMap<>();
            server.put("server", s.server());
            server.put("dnsOutcome", s.dnsOutcome());
            if (s.answered()) {
                server.put("serial", s.serial());
                server.put("primary", s.primary());
                server.put("authoritative", s.authoritative());
            }
            server.put("detail", s.detail());
            s.transfer().ifPresent(t -> {
                Map<String, Object> transfer = new LinkedHashMap<>();
                transfer.put("outcome", t.outcome());
                transfer.put("records", (long) t.records());
                if (t.transferred()) {
                    transfer.put("digest", t.digest());
                }
                transfer.put("detail", t.detail());
                server.put("transfer", Collections.unmodifiableMap(transfer));
            });
            servers.add(Collections.unmodifiableMap(server));
        }
        m.put("servers", List.copyOf(servers));
        m.put("serialsAgree", f.serialsAgree());
        // Present only when the zone was transferred from every server: has(f.contentsAgree) says it was compared.
        f.contentsAgree().ifPresent(same -> m.put("contentsAgree", same));
        f.newestSerial().ifPresent(n -> m.put("newestSerial", n));
        m.put("behind", f.behind().stream().map(SoaFact.Server::server).toList());
        m.put("observedAt", f.observedAt().toString());
        return Collections.unmodifiableMap(m);
    }

    private static Map<String, Object> ptr(PtrFact f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("address", f.address());
        m.put("dnsOutcome", f.dnsOutcome());
        m.put("names", f.names());
        m.put("confirmed", f.confirmed());
        m.put("detail", f.detail());
        m.put("observedAt", f.observedAt().toString());
        return Collections.unmodifiableMap(m);
    }

    /** A JSON tree as plain, unmodifiable Java values; whole numbers are {@code Long} as CEL wants them. */
    static Object plain(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> m = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getValue().isNull()) {
                    m.put(e.getKey(), plain(e.getValue()));
                }
            }
            return Collections.unmodifiableMap(m);
        }
        if (node.isArray()) {
            List<Object> l = new ArrayList<>(node.size());
            node.forEach(n -> l.add(plain(n)));
            return Collections.unmodifiableList(l);
        }
        if (node.isIntegralNumber()) {
            return node.asLong();
        }
        if (node.isNumber()) {
            return node.asDouble();
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        return node.asText();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object value) {
        if (!(value instanceof List<?> l)) {
            return List.of();
        }
        List<Map<String, Object>> out = new ArrayList<>(l.size());
        for (Object o : l) {
            if (o instanceof Map<?, ?> m) {
                out.add((Map<String, Object>) m);
            }
        }
        return out;
    }

    static List<String> strings(Object value) {
        if (!(value instanceof List<?> l)) {
            return List.of();
        }
        List<String> out = new ArrayList<>(l.size());
        for (Object o : l) {
            out.add(String.valueOf(o));
        }
        return out;
    }

    /**
     * The collected INI copies of a server as {@code file -> section -> key -> value}, names in lower case
     * (Windows compares them so); each file is read when a rule first asks for it, at most once per view.
     */
    static final class IniValues extends AbstractMap<String, Object> {
        private final Map<String, IniFile> files = new LinkedHashMap<>();
        private final Map<String, Object> read = new HashMap<>();

        IniValues(List<IniFile> iniFiles) {
            for (IniFile f : iniFiles) {
                if (f.localCopy().isPresent()) {
                    files.putIfAbsent(f.fileName().toLowerCase(Locale.ROOT), f);
                }
            }
        }

        @Override
        public boolean containsKey(Object key) {
            return key instanceof String s && files.containsKey(s.toLowerCase(Locale.ROOT));
        }

        @Override
        public synchronized Object get(Object key) {
            if (!(key instanceof String s)) {
                return null;
            }
            String name = s.toLowerCase(Locale.ROOT);
            IniFile f = files.get(name);
            if (f == null) {
                return null;
            }
            return read.computeIfAbsent(name, n -> load(f.localCopy().get()));
        }

        private static Object load(Path copy) {
            try {
                io.kbsh.model.internal.DataFiles.requireRegular(copy, "a collected INI copy");
                if (java.nio.file.Files.size(copy) > Limits.INI_BYTES) {
                    return Map.of();
                }
                IniDocument doc = IniDocument.read(copy);
                Map<String, Object> sections = new LinkedHashMap<>();
                for (String section : doc.sectionNames()) {
                    Map<String, Object> keys = new LinkedHashMap<>();
                    for (String key : doc.keys(section)) {
                        doc.get(section, key).ifPresent(v -> keys.putIfAbsent(key.toLowerCase(Locale.ROOT), v));
                    }
                    sections.putIfAbsent(section.toLowerCase(Locale.ROOT), Collections.unmodifiableMap(keys));
                }
                return Collections.unmodifiableMap(sections);
            } catch (IOException e) {
                // An unreadable copy reads as an empty file: the rule sees no value, explain shows none.
                return Map.of();
            }
        }

        @Override
        public Set<Entry<String, Object>> entrySet() {
            Map<String, Object> all = new LinkedHashMap<>();
            for (String name : files.keySet()) {
                all.put(name, get(name));
            }
            return Collections.unmodifiableMap(all).entrySet();
        }
    }
}
