package io.kbsh.shell.env;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import io.kbsh.model.env.Cluster;
import io.kbsh.model.env.CollectedEvidence;
import io.kbsh.model.env.Connector;
import io.kbsh.model.env.DnsDomain;
import io.kbsh.model.env.DnsServer;
import io.kbsh.model.env.DnsZone;
import io.kbsh.model.env.Environment;
import io.kbsh.model.env.EventLogEntry;
import io.kbsh.model.env.Extensions;
import io.kbsh.model.env.Firewall;
import io.kbsh.model.env.FlowRule;
import io.kbsh.model.env.ImsSettings;
import io.kbsh.model.env.IniFile;
import io.kbsh.model.env.InstalledService;
import io.kbsh.model.env.MailHost;
import io.kbsh.model.env.MxRecord;
import io.kbsh.model.env.PortRange;
import io.kbsh.model.env.Provenance;
import io.kbsh.model.env.ProxyServer;
import io.kbsh.model.env.Publication;
import io.kbsh.model.env.RegistryValue;
import io.kbsh.model.env.ServedProtocol;
import io.kbsh.model.env.Server;
import io.kbsh.model.env.Site;
import io.kbsh.model.env.WindowsDomain;
import io.kbsh.model.env.WinsockProxyClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Writes an environment as a schema version 2 file: fields in the order the schema lists them, absent
 * values, empty lists and false flags left out, derived fields with their {@code provenance}, plugin
 * fields after the schema's. Collected INI copies are written relative to the directory the file will be
 * in, so that a file written elsewhere still finds them. Reading the output gives the same environment
 * (a test holds the round trip for every example). Stateless and safe to share.
 */
public final class EnvironmentWriter {

    private static final JsonFactory FACTORY = new JsonFactory();

    private final Optional<Path> directory;

    // The two parts that need this writer's directory (for INI copies' paths), bound once: a method reference bound
    // to this writer is a new object at each use, and the rules' view writes every environment of a check run
    // (first in code that cannot optimise them away). The other parts are static: their references are constants.
    private final Part<Server> serverPart = this::server;
    private final Part<IniFile> iniFilePart = this::iniFile;

    /**
     * A writer for a file in {@code directory} (absolute); INI copies are written relative to it. Empty:
     * paths are written as the environment holds them.
     */
    public EnvironmentWriter(Optional<Path> directory) {
        this.directory = Objects.requireNonNull(directory, "directory")
                .map(d -> d.toAbsolutePath().normalize());
    }

    /** The file's bytes: UTF-8, two-space indentation, a final line end. */
    public byte[] write(Environment env) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            // "name": value and {} / [] for empty ones: as people write JSON, not Jackson's default "name" : value.
            Separators separators = Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator("");
            DefaultPrettyPrinter pretty = new DefaultPrettyPrinter(separators)
                    .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                    .withArrayIndenter(new DefaultIndenter("  ", "\n"));
            g.setPrettyPrinter(pretty);
            environment(ValueSink.json(g), env);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.write('\n');
        return out.toByteArray();
    }

    /**
     * What reading {@link #write}'s file back as plain values would give — objects as unmodifiable maps in
     * the file's order, arrays as unmodifiable lists, whole numbers as {@code Long}, flags as {@code Boolean},
     * text as {@code String} — built straight from the records, without writing or parsing JSON. The rules'
     * view of an environment is this (their names are the file's own fields).
     */
    public Map<String, Object> values(Environment env) {
        return values(env, false);
    }

    /**
     * {@link #values}, with every list field present: an empty list where the file leaves the field out. For
     * the rules' view, so that an expression over a list the site does not have ({@code env.dnsServers.filter(…)},
     * {@code server.serves.exists(…)}) sees an empty list rather than failing on an absent key — a failure
     * that costs an exception per object and says nothing an empty list does not.
     */
    public Map<String, Object> valuesWithEmptyLists(Environment env) {
        return values(env, true);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> values(Environment env, boolean emptyLists) {
        ValueSink.Plain sink = new ValueSink.Plain(emptyLists);
        try {
            environment(sink, env);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // the plain sink does no I/O
        }
        return (Map<String, Object>) sink.result();
    }

    private void environment(ValueSink g, Environment env) throws IOException {
        g.writeStartObject();
        g.writeNumberField("schemaVersion", Environment.SCHEMA_VERSION);
        text(g, "organisation", env.organisation().isEmpty() ? Optional.empty() : Optional.of(env.organisation()));
        list(g, "sites", env.sites(), EnvironmentWriter::site);
        list(g, "servers", env.servers(), serverPart);
        list(g, "connectors", env.connectors(), EnvironmentWriter::connector);
        list(g, "proxies", env.proxies(), EnvironmentWriter::proxy);
        list(g, "publications", env.publications(), EnvironmentWriter::publication);
        list(g, "firewalls", env.firewalls(), EnvironmentWriter::firewall);
        list(g, "domains", env.domains(), EnvironmentWriter::domain);
        list(g, "dnsServers", env.dnsServers(), EnvironmentWriter::dnsServer);
        list(g, "windowsDomains", env.windowsDomains(), EnvironmentWriter::windowsDomain);
        list(g, "mailHosts", env.mailHosts(), EnvironmentWriter::mailHost);
        list(g, "collected", env.collected(), EnvironmentWriter::collected);
        extensions(g, env.extensions());
        g.writeEndObject();
    }

    @FunctionalInterface
    private interface Part<T> {
        void write(ValueSink g, T value) throws IOException;
    }

    private static <T> void list(ValueSink g, String name, Collection<T> items, Part<T> each) throws IOException {
        if (items.isEmpty() && !g.keepsEmptyLists()) {
            return;
        }
        g.writeArrayFieldStart(name);
        for (T item : items) {
            each.write(g, item);
        }
        g.writeEndArray();
    }

    private static void strings(ValueSink g, String name, Collection<String> values) throws IOException {
        list(g, name, values, ValueSink::writeString);
    }

    private static <E extends Enum<E>> void enums(ValueSink g, String name, Collection<E> values) throws IOException {
        // In declaration order, whatever the set's; an array sort, since the rules' view writes these per server.
        @SuppressWarnings("unchecked")
        E[] sorted = (E[]) values.toArray(new Enum<?>[0]);
        Arrays.sort(sorted);
        list(g, name, Arrays.asList(sorted), (gen, e) -> gen.writeString(EnvironmentReader.jsonName(e)));
    }

    private static void text(ValueSink g, String name, Optional<String> value) throws IOException {
        if (value.isPresent()) {
            g.writeStringField(name, value.get());
        }
    }

    private static void flag(ValueSink g, String name, boolean value) throws IOException {
        if (value) {
            g.writeBooleanField(name, true);
        }
    }

    private static void flag(ValueSink g, String name, Optional<Boolean> value) throws IOException {
        if (value.isPresent()) {
            g.writeBooleanField(name, value.get());
        }
    }

    private static void number(ValueSink g, String name, Optional<? extends Number> value) throws IOException {
        if (value.isPresent()) {
            g.writeNumberField(name, value.get().longValue());
        }
    }

    private static void enumValue(ValueSink g, String name, Optional<? extends Enum<?>> value) throws IOException {
        if (value.isPresent()) {
            g.writeStringField(name, EnvironmentReader.jsonName(value.get()));
        }
    }

    private static void site(ValueSink g, Site s) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", s.id());
        text(g, "name", s.name().equals(s.id()) ? Optional.empty() : Optional.of(s.name()));
        extensions(g, s.extensions());
        g.writeEndObject();
    }

    private void server(ValueSink g, Server s) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", s.id());
        text(g, "site", s.site());
        strings(g, "addresses", s.addresses());
        text(g, "os", s.os().map(Object::toString));
        g.writeStringField("exchange", s.exchange().toString());
        if (s.cluster().isPresent()) {
            g.writeFieldName("cluster");
            cluster(g, s.cluster().get());
        }
        enums(g, "components", s.components());
        list(g, "serves", s.serves(), EnvironmentWriter::served);
        enums(g, "roles", s.roles());
        text(g, "windowsDomain", s.windowsDomain());
        strings(g, "dnsServers", s.dnsServers());
        list(g, "services", s.services(), EnvironmentWriter::service);
        if (s.wspClient().isPresent()) {
            WinsockProxyClient c = s.wspClient().get();
            g.writeObjectFieldStart("wspClient");
            text(g, "proxy", c.proxy());
            text(g, "configuredName", c.configuredName());
            g.writeEndObject();
        }
        if (s.ims().isPresent()) {
            g.writeFieldName("ims");
            ims(g, s.ims().get());
        }
        strings(g, "hotfixes", s.hotfixes());
        list(g, "iniFiles", s.iniFiles(), iniFilePart);
        extensions(g, s.extensions());
        provenance(g, s.provenance());
        g.writeEndObject();
    }

    private static void cluster(ValueSink g, Cluster c) throws IOException {
        g.writeStartObject();
        text(g, "virtualServer", c.virtualServer());
        strings(g, "nodeAddresses", c.nodeAddresses());
        strings(g, "virtualAddresses", c.virtualAddresses());
        g.writeEndObject();
    }

    private static void served(ValueSink g, ServedProtocol p) throws IOException {
        g.writeStartObject();
        g.writeStringField("protocol", EnvironmentReader.jsonName(p.protocol()));
        flag(g, "ssl", p.ssl());
        number(g, "port", p.port());
        g.writeEndObject();
    }

    private static void service(ValueSink g, InstalledService s) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", s.name());
        text(g, "displayName", s.displayName());
        enumValue(g, "state", s.state());
        enumValue(g, "startMode", s.startMode());
        g.writeEndObject();
    }

    private static void ims(ValueSink g, ImsSettings ims) throws IOException {
        g.writeStartObject();
        flag(g, "reverseLookup", ims.reverseLookup());
        if (ims.relay().isPresent()) {
            g.writeObjectFieldStart("relay");
            flag(g, "rerouting", ims.relay().get().rerouting());
            flag(g, "authenticated", ims.relay().get().authenticated());
            strings(g, "fromAddresses", ims.relay().get().fromAddresses());
            strings(g, "toInternalAddresses", ims.relay().get().toInternalAddresses());
            g.writeEndObject();
        }
        strings(g, "tlsDomains", ims.tlsDomains());
        text(g, "smartHost", ims.smartHost());
        g.writeEndObject();
    }

    private void iniFile(ValueSink g, IniFile f) throws IOException {
        g.writeStartObject();
        g.writeStringField("serverPath", f.serverPath());
        text(g, "localCopy", f.localCopy().map(this::relative));
        g.writeEndObject();
    }

    /** A copy's path relative to the output's directory, with forward slashes so the file reads the same everywhere. */
    private String relative(Path copy) {
        Path p = copy;
        if (directory.isPresent() && copy.isAbsolute()) {
            p = directory.get().relativize(copy);
        }
        return p.toString().replace('\\', '/');
    }

    private static void connector(ValueSink g, Connector c) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", c.id());
        g.writeStringField("type", EnvironmentReader.jsonName(c.type()));
        g.writeStringField("server", c.server());
        enumValue(g, "transport", c.transport());
        text(g, "remoteMta", c.remoteMta());
        strings(g, "domains", c.domains());
        strings(g, "path", c.path());
        flag(g, "passwordsMatch", c.passwordsMatch());
        extensions(g, c.extensions());
        provenance(g, c.provenance());
        g.writeEndObject();
    }

    private static void proxy(ValueSink g, ProxyServer p) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", p.id());
        g.writeStringField("version", p.version().toString());
        text(g, "name", p.name());
        text(g, "internalAddress", p.internalAddress());
        text(g, "externalAddress", p.externalAddress());
        text(g, "runsOn", p.runsOn());
        flag(g, "dynamicPacketFiltering", p.dynamicPacketFiltering());
        flag(g, "accessControl", p.accessControl());
        if (p.domainFilters().isPresent()) {
            g.writeObjectFieldStart("domainFilters");
            g.writeStringField(
                    "byDefault",
                    EnvironmentReader.jsonName(p.domainFilters().get().byDefault()));
            strings(g, "except", p.domainFilters().get().except());
            g.writeEndObject();
        }
        enumValue(g, "clientsConnectBy", p.clientsConnectBy());
        list(g, "services", p.services(), EnvironmentWriter::service);
        strings(g, "hotfixes", p.hotfixes());
        extensions(g, p.extensions());
        provenance(g, p.provenance());
        g.writeEndObject();
    }

    private static void publication(ValueSink g, Publication p) throws IOException {
        g.writeStartObject();
        g.writeStringField("proxy", p.proxy());
        g.writeStringField("server", p.server());
        g.writeStringField("protocol", EnvironmentReader.jsonName(p.protocol()));
        flag(g, "ssl", p.ssl());
        number(g, "port", p.port());
        extensions(g, p.extensions());
        g.writeEndObject();
    }

    private static void firewall(ValueSink g, Firewall f) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", f.id());
        text(g, "name", f.name().equals(f.id()) ? Optional.empty() : Optional.of(f.name()));
        strings(g, "protects", f.protects());
        text(g, "vendor", f.vendor());
        text(g, "product", f.product());
        text(g, "version", f.version());
        enumValue(g, "mode", f.mode());
        enums(g, "features", f.features());
        list(g, "rules", f.rules(), EnvironmentWriter::rule);
        extensions(g, f.extensions());
        provenance(g, f.provenance());
        g.writeEndObject();
    }

    private static void rule(ValueSink g, FlowRule r) throws IOException {
        g.writeStartObject();
        g.writeStringField("from", r.from());
        g.writeStringField("to", r.to());
        g.writeStringField("protocol", EnvironmentReader.jsonName(r.protocol()));
        g.writeArrayFieldStart("ports");
        for (PortRange p : r.ports()) {
            if (p.first() == p.last()) {
                g.writeNumber(p.first());
            } else {
                g.writeString(p.toString());
            }
        }
        g.writeEndArray();
        text(g, "note", r.note());
        g.writeEndObject();
    }

    private static void domain(ValueSink g, DnsDomain d) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", d.name());
        flag(g, "own", d.own());
        list(g, "mx", d.mx(), EnvironmentWriter::mx);
        extensions(g, d.extensions());
        g.writeEndObject();
    }

    private static void mx(ValueSink g, MxRecord r) throws IOException {
        g.writeStartObject();
        g.writeNumberField("preference", r.preference());
        g.writeStringField("host", r.host());
        g.writeEndObject();
    }

    private static void dnsServer(ValueSink g, DnsServer d) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", d.id());
        strings(g, "addresses", d.addresses());
        text(g, "runsOn", d.runsOn());
        text(g, "product", d.product());
        text(g, "version", d.version());
        list(g, "zones", d.zones(), EnvironmentWriter::zone);
        extensions(g, d.extensions());
        provenance(g, d.provenance());
        g.writeEndObject();
    }

    private static void zone(ValueSink g, DnsZone z) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", z.name());
        g.writeStringField("role", EnvironmentReader.jsonName(z.role()));
        number(g, "serial", z.serial());
        strings(g, "masters", z.masters());
        g.writeEndObject();
    }

    private static void windowsDomain(ValueSink g, WindowsDomain d) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", d.name());
        strings(g, "controllers", d.controllers());
        strings(g, "trusts", d.trusts());
        extensions(g, d.extensions());
        provenance(g, d.provenance());
        g.writeEndObject();
    }

    private static void mailHost(ValueSink g, MailHost m) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", m.id());
        g.writeStringField("host", m.host());
        text(g, "product", m.product());
        flag(g, "requiresTls", m.requiresTls());
        flag(g, "requiresAuth", m.requiresAuth());
        extensions(g, m.extensions());
        provenance(g, m.provenance());
        g.writeEndObject();
    }

    private static void collected(ValueSink g, CollectedEvidence c) throws IOException {
        g.writeStartObject();
        g.writeStringField("from", c.from());
        list(g, "registry", c.registry(), EnvironmentWriter::registryValue);
        list(g, "events", c.events(), EnvironmentWriter::event);
        g.writeEndObject();
    }

    private static void registryValue(ValueSink g, RegistryValue v) throws IOException {
        g.writeStartObject();
        g.writeStringField("key", v.key());
        if (!v.name().isEmpty()) {
            g.writeStringField("name", v.name());
        }
        g.writeStringField("type", EnvironmentReader.jsonName(v.type()));
        g.writeFieldName("value");
        switch (v.type()) {
            case DWORD, QWORD -> g.writeNumber(v.number().orElseThrow());
            case MULTI_SZ -> {
                g.writeStartArray();
                for (String s : v.strings()) {
                    g.writeString(s);
                }
                g.writeEndArray();
            }
            case SZ, EXPAND_SZ, BINARY -> g.writeString(v.data().get(0));
        }
        if (v.provenance().isPresent()) {
            g.writeFieldName("provenance");
            provenanceEntry(g, v.provenance().get());
        }
        g.writeEndObject();
    }

    private static void event(ValueSink g, EventLogEntry e) throws IOException {
        g.writeStartObject();
        g.writeStringField("time", e.time().toString());
        text(g, "log", e.log());
        g.writeStringField("source", e.source());
        g.writeStringField("type", EnvironmentReader.jsonName(e.type()));
        text(g, "category", e.category());
        g.writeNumberField("event", e.event());
        text(g, "user", e.user());
        text(g, "computer", e.computer());
        if (!e.description().isEmpty()) {
            g.writeStringField("description", e.description());
        }
        if (e.provenance().isPresent()) {
            g.writeFieldName("provenance");
            provenanceEntry(g, e.provenance().get());
        }
        g.writeEndObject();
    }

    private static void provenance(ValueSink g, Map<String, Provenance> provenance) throws IOException {
        if (provenance.isEmpty()) {
            return;
        }
        g.writeObjectFieldStart("provenance");
        for (String field : provenance.keySet().stream().sorted().toList()) {
            g.writeFieldName(field);
            provenanceEntry(g, provenance.get(field));
        }
        g.writeEndObject();
    }

    private static void provenanceEntry(ValueSink g, Provenance p) throws IOException {
        g.writeStartObject();
        g.writeStringField("source", EnvironmentReader.jsonName(p.source()));
        g.writeStringField("evidence", p.evidence());
        text(g, "origin", p.origin());
        text(g, "article", p.article().map(Object::toString));
        text(g, "observedAt", p.observedAt().map(Object::toString));
        g.writeEndObject();
    }

    @SuppressWarnings("unchecked")
    private static void extensions(ValueSink g, Extensions ext) throws IOException {
        for (String name : ext.names()) {
            Object v = ext.value(name).orElseThrow();
            g.writeFieldName(name);
            if (v instanceof String s) {
                g.writeString(s);
            } else if (v instanceof Long n) {
                g.writeNumber(n);
            } else if (v instanceof Boolean b) {
                g.writeBoolean(b);
            } else {
                g.writeStartArray();
                for (Object item : (List<Object>) v) {
                    if (item instanceof Long n) {
                        g.writeNumber(n);
                    } else {
                        g.writeString((String) item);
                    }
                }
                g.writeEndArray();
            }
        }
    }
}
