package io.kbsh.shell.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kbsh.model.article.ArticleId;
import io.kbsh.model.env.Component;
import io.kbsh.model.env.Connector;
import io.kbsh.model.env.DnsServer;
import io.kbsh.model.env.DnsZone;
import io.kbsh.model.env.DomainFilters;
import io.kbsh.model.env.Environment;
import io.kbsh.model.env.EventLogEntry;
import io.kbsh.model.env.ExtensionField;
import io.kbsh.model.env.FieldType;
import io.kbsh.model.env.Firewall;
import io.kbsh.model.env.FirewallFeature;
import io.kbsh.model.env.FirewallMode;
import io.kbsh.model.env.FlowRule;
import io.kbsh.model.env.ObjectKind;
import io.kbsh.model.env.OperatingSystem;
import io.kbsh.model.env.Protocol;
import io.kbsh.model.env.Provenance;
import io.kbsh.model.env.ProxyServer;
import io.kbsh.model.env.RegistryValue;
import io.kbsh.model.env.Server;
import io.kbsh.model.env.ServerRole;
import io.kbsh.model.version.ReleaseLevel;
import io.kbsh.shell.json.JsonInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Schema version 2: every object kind read from the bundled v2 example, and refused when misspelled. */
class EnvironmentV2Test {

    static final Path EXAMPLES = Path.of("../examples");
    static final Path V2 = EXAMPLES.resolve("site-v2-tailspin.json");

    static String v2Text() throws IOException {
        return Files.readString(V2);
    }

    static Environment parse(String json, ExtensionRegistry ext) throws JsonInputException {
        return new EnvironmentReader(ext)
                .bind(json.getBytes(StandardCharsets.UTF_8), "site.json", EXAMPLES.toAbsolutePath());
    }

    static JsonInputException failure(String json, ExtensionRegistry ext) {
        return assertThrows(JsonInputException.class, () -> parse(json, ext));
    }

    /** The 1-based line of the first occurrence of {@code text} in {@code json}. */
    static int lineOf(String json, String text) {
        int at = json.indexOf(text);
        assertTrue(at >= 0, "the test's text '" + text + "' is in the document");
        return (int) json.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    @Test
    void theV2ExampleReadsEveryObjectKind() throws Exception {
        Environment env = EnvironmentReader.read(V2);
        assertEquals(2, env.schemaVersion());
        Server s = env.server("TSMAIL1").orElseThrow();
        assertEquals(OperatingSystem.parse("Windows NT 4.0 SP6"), s.os().orElseThrow());
        assertEquals(Optional.of(ReleaseLevel.parse("4.0 SP6")), s.windowsNt());
        assertEquals(List.of("10.3.0.21"), s.cluster().orElseThrow().nodeAddresses());
        assertEquals(List.of("10.3.0.20"), s.cluster().orElseThrow().virtualAddresses());
        assertTrue(s.clustered() && s.has(Component.SYSTEM_ATTENDANT) && s.holds(ServerRole.BACKUP_DOMAIN_CONTROLLER));
        assertEquals(993, s.serves().get(1).effectivePort());
        assertTrue(s.serves(Protocol.IMAP4) && !s.serves(Protocol.POP3));
        assertEquals(Optional.of("TAILSPIN"), s.windowsDomain());
        assertEquals(List.of("10.3.0.53"), s.dnsServers());
        assertTrue(s.service("msexchangeimc").orElseThrow().running());
        assertEquals(Optional.of("tsproxy"), s.wspClient().orElseThrow().proxy());
        assertFalse(s.wspClient().orElseThrow().configuredByAddress());
        assertTrue(s.ims().orElseThrow().tlsTo("WINGTIP.example"));
        assertFalse(s.ims().orElseThrow().relay().orElseThrow().open());
        assertEquals(Optional.of("relay.isp.example"), s.ims().orElseThrow().smartHost());
        Provenance exchange = s.provenanceOf("exchange").orElseThrow();
        assertEquals(Provenance.Source.DISCOVER, exchange.source());
        assertEquals(Optional.of(ArticleId.parse("Q257618")), exchange.article());
        assertEquals(Optional.of(Instant.parse("2026-11-30T09:00:00Z")), exchange.observedAt());
        assertTrue(s.provenanceOf("os").isEmpty(), "a stated field has no provenance");
        assertEquals(
                EXAMPLES.toAbsolutePath().normalize().resolve("collected/TSMAIL1/Mspclnt.ini"),
                s.ini("mspclnt.ini").orElseThrow().localCopy().orElseThrow());

        Connector x400 = env.connectors().get(0);
        assertEquals(Optional.of(false), x400.passwordsMatch());
        assertEquals(
                Provenance.Source.COLLECT,
                x400.provenance().get("passwordsMatch").source());

        ProxyServer px = env.proxy("tsproxy").orElseThrow();
        assertEquals(Optional.of("TSPROXY"), px.name());
        assertEquals(Optional.of(true), px.accessControl());
        assertEquals(
                DomainFilters.Access.GRANTED, px.domainFilters().orElseThrow().byDefault());
        assertTrue(px.domainFilters().orElseThrow().filtersByName());
        assertEquals(Optional.of(ProxyServer.ClientAddressing.NAME), px.clientsConnectBy());
        assertFalse(px.service("SMTPSVC").orElseThrow().running());

        Firewall pix = env.firewall("pix").orElseThrow();
        assertEquals(Optional.of("Cisco"), pix.vendor());
        assertEquals(Optional.of(FirewallMode.PASS_THROUGH), pix.mode());
        assertTrue(pix.has(FirewallFeature.MAIL_GUARD));
        assertTrue(pix.allows("mta.wingtip.example", "TSMAIL1", FlowRule.IpProtocol.TCP, 102));
        assertFalse(pix.allows("mta.wingtip.example", "TSMAIL1", FlowRule.IpProtocol.TCP, 135), "no RPC port is open");
        assertTrue(pix.allows("anyone", "tsmail1", FlowRule.IpProtocol.TCP, 25));

        assertEquals(
                List.of("tailspin.example"),
                env.ownDomains().stream().map(d -> d.name()).toList());
        DnsServer ns1 = env.dnsServer("ns1").orElseThrow();
        DnsZone zone = ns1.zone("TAILSPIN.example").orElseThrow();
        assertEquals(DnsZone.Role.SECONDARY, zone.role());
        assertEquals(Optional.of(2000031401L), zone.serial());
        assertTrue(env.windowsDomain("tailspin").orElseThrow().trusts("resources"));
        assertTrue(env.mailHost("relay.isp.example").orElseThrow().requiresTls());

        RegistryValue port = env.collectedFrom("TSMAIL1")
                .registryValue(
                        "HKLM\\SYSTEM\\CurrentControlSet\\Services\\MSExchangeIS\\ParametersSystem", "tcp/ip port")
                .orElseThrow();
        assertEquals(OptionalLong.of(4001), port.number());
        assertTrue(port.key().startsWith("HKEY_LOCAL_MACHINE\\"), "HKLM\\ is read as HKEY_LOCAL_MACHINE\\");
        EventLogEntry e48 =
                env.collectedFrom("TSMAIL1").events("msexchangemta", 48).get(0);
        assertEquals(EventLogEntry.Type.ERROR, e48.type());
        assertTrue(env.collectedFrom("tsproxy").events().isEmpty(), "nothing collected reads as empty");
    }

    /** One misspelled field of each kind of object: file, line, column and the field path. */
    @ParameterizedTest
    @CsvSource({
        "\"organisation\", organisaton, organisaton",
        "\"name\": \"Headquarters\", nme, sites[0].nme",
        "\"roles\":, rolez, servers[0].rolez",
        "\"virtualServer\":, virtualServr, servers[0].cluster.virtualServr",
        "\"displayName\": \"Microsoft Exchange Internet Mail Service\", displayNme, servers[0].services[0].displayNme",
        "\"configuredName\":, configuredNam, servers[0].wspClient.configuredNam",
        "\"reverseLookup\":, reverseLookp, servers[0].ims.reverseLookp",
        "\"authenticated\":, authenticatd, servers[0].ims.relay.authenticatd",
        "\"passwordsMatch\": false, passwordMatch, connectors[0].passwordMatch",
        "\"observedAt\":, observedAT, servers[0].provenance.exchange.observedAT",
        "\"accessControl\":, accessControll, proxies[0].accessControll",
        "\"byDefault\":, bydefault, proxies[0].domainFilters.bydefault",
        "\"mode\":, mod, firewalls[0].mod",
        "\"note\": \"SMTP in\", notes, firewalls[0].rules[0].notes",
        "\"own\":, owns, domains[0].owns",
        "\"masters\":, master, dnsServers[0].zones[0].master",
        "\"product\": \"BIND\", products, dnsServers[1].products",
        "\"trusts\":, trust, windowsDomains[0].trust",
        "\"requiresTls\":, requireTls, mailHosts[0].requireTls",
        "\"registry\":, registri, collected[0].registri",
        "\"category\":, categry, collected[0].events[0].categry",
    })
    void aMisspelledFieldOfEachKindIsNamedWhereItIs(String original, String misspelled, String path) throws Exception {
        String text = v2Text();
        String field = original.substring(1, original.indexOf('"', 1));
        assertTrue(text.contains(original), original);
        String bad = text.replaceFirst(
                java.util.regex.Pattern.quote(original),
                java.util.regex.Matcher.quoteReplacement(
                        original.replace("\"" + field + "\"", "\"" + misspelled + "\"")));
        JsonInputException e = failure(bad, ExtensionRegistry.empty());
        assertEquals(path, e.fieldPath(), e.getMessage());
        assertEquals(lineOf(bad, "\"" + misspelled + "\""), e.line(), e.getMessage());
        assertTrue(e.column() > 0);
        assertTrue(
                e.getMessage()
                        .startsWith("site.json:" + e.line() + ":" + e.column() + ": " + path + ": unknown field '"
                                + misspelled + "'"),
                e.getMessage());
        assertTrue(e.problem().contains(field), "the expected fields are listed: " + e.problem());
    }

    @Test
    void fieldsOfTheOtherVersionAreRefusedWithAHint() throws Exception {
        JsonInputException v1InV2 = failure(
                v2Text().replace("\"os\": \"Windows NT 4.0 SP6\"", "\"windowsNt\": \"4.0 SP6\""),
                ExtensionRegistry.empty());
        assertEquals("servers[0].windowsNt", v1InV2.fieldPath());
        assertTrue(v1InV2.problem().contains("version 2 writes 'os'"), v1InV2.problem());
        String v1 = Files.readString(EXAMPLES.resolve("site-q254909-q187225.json"));
        JsonInputException v2InV1 = failure(
                v1.replace("\"exchange\": \"5.5\",", "\"exchange\": \"5.5\", \"roles\": [],"),
                ExtensionRegistry.empty());
        assertEquals("servers[0].roles", v2InV1.fieldPath());
        assertTrue(v2InV1.problem().contains("schema version 2 field"), v2InV1.problem());
        JsonInputException dns = failure(
                v1.replace("\"organisation\"", "\"dnsServers\": [], \"organisation\""), ExtensionRegistry.empty());
        assertEquals("dnsServers", dns.fieldPath());
    }

    @Test
    void impossibleValuesOfTheNewObjectsAreLocated() throws Exception {
        String text = v2Text();
        record Case(String from, String to, String path, String says) {}
        for (Case c : List.of(
                new Case(
                        "\"os\": \"Windows NT 4.0 SP6\"",
                        "\"os\": \"Windows NT 4.0 SP7\"",
                        "servers[0].os",
                        "no service pack 7"),
                new Case(
                        "\"os\": \"Windows NT 4.0 SP6\"",
                        "\"os\": \"Windows 98\"",
                        "servers[0].os",
                        "not an operating system"),
                new Case(
                        "{\"proxy\": \"tsproxy\"",
                        "{\"proxy\": \"px9\"",
                        "servers[0].wspClient.proxy",
                        "no proxy with id 'px9'"),
                new Case(
                        "\"trusts\": [\"RESOURCES\"]",
                        "\"trusts\": [\"NOWHERE\"]",
                        "windowsDomains[0].trusts[0]",
                        "NOWHERE"),
                new Case(
                        "\"windowsDomain\": \"TAILSPIN\"",
                        "\"windowsDomain\": \"OTHER\"",
                        "servers[0].windowsDomain",
                        "OTHER"),
                new Case("{\"from\": \"TSMAIL1\"", "{\"from\": \"TSMAIL9\"", "collected[0].from", "TSMAIL9"),
                new Case(
                        "\"serial\": 2000031401, \"masters\"",
                        "\"serial\": 4294967296, \"masters\"",
                        "dnsServers[0].zones[0].serial",
                        "4294967295"),
                new Case("\"ports\": [25]", "\"ports\": [\"25-24\"]", "firewalls[0].rules[0].ports[0]", "port range"),
                new Case("\"ports\": [25]", "\"ports\": []", "firewalls[0].rules[0]", "names the ports"),
                new Case(
                        "\"to\": \"TSMAIL1\", \"protocol\": \"tcp\", \"ports\": [25]",
                        "\"to\": \"TSMAIL1\", \"protocol\": \"icmp\", \"ports\": [25]",
                        "firewalls[0].rules[0].protocol",
                        "tcp, udp"),
                new Case("\"value\": 4000", "\"value\": \"4000\"", "collected[0].registry[0].value", "whole number"),
                new Case(
                        "\"value\": 4000",
                        "\"value\": 4294967296",
                        "collected[0].registry[0].value",
                        "0 to 4294967295"),
                new Case("\"event\": 48", "\"event\": 70000", "collected[0].events[0].event", "0 to 65535"),
                new Case(
                        "\"time\": \"2000-03-14T09:12:44\"",
                        "\"time\": \"14.03.2000\"",
                        "collected[0].events[0].time",
                        "local time"),
                new Case(
                        "\"source\": \"discover\"",
                        "\"source\": \"guess\"",
                        "servers[0].provenance.exchange.source",
                        "discover, collect, probe"),
                new Case(
                        "\"provenance\": {\n        \"exchange\"",
                        "\"provenance\": {\n        \"hotfix\"",
                        "servers[0].provenance.hotfix",
                        "does not have"))) {
            String bad = text.replace(c.from(), c.to());
            assertFalse(bad.equals(text), "the test changes the document: " + c.from());
            JsonInputException e =
                    assertThrows(JsonInputException.class, () -> parse(bad, ExtensionRegistry.empty()), c.to());
            assertEquals(c.path(), e.fieldPath(), e.getMessage());
            assertTrue(e.problem().contains(c.says()), e.getMessage());
            assertTrue(e.line() > 1 && e.column() > 0, e.getMessage());
        }
    }

    /**
     * IPv6 and IPv4 networks on firewall rules, written as people write them (fd00::/64, a v4 mask), and IPv6
     * addresses on servers are read, and a firewall's rules then admit the addresses inside them; a prefix too
     * long for its family, or a mask with a hole, is refused at its place.
     */
    @Test
    void ipv6AndIpv4NetworksAreReadAndAdmitTheAddressesInsideThem() throws Exception {
        String text = v2Text().replace(
                        "{\"from\": \"10.3.0.0/16\", \"to\": \"any\", \"protocol\": \"udp\", \"ports\": [53], \"note\": \"DNS out\"}",
                        "{\"from\": \"10.3.0.0/16\", \"to\": \"any\", \"protocol\": \"udp\", \"ports\": [53], \"note\": \"DNS out\"},\n"
                                + "{\"from\": \"fd00::/64\", \"to\": \"2001:db8::25\", \"protocol\": \"tcp\", \"ports\": [110]},\n"
                                + "{\"from\": \"10.4.0.0/255.255.0.0\", \"to\": \"[::1]\", \"protocol\": \"tcp\", \"ports\": [143]}");
        assertFalse(text.equals(v2Text()), "the test adds the rules");
        Firewall pix = parse(text, ExtensionRegistry.empty()).firewall("pix").orElseThrow();
        assertEquals(
                List.of("fd00::/64", "10.4.0.0/255.255.0.0"),
                pix.rules().subList(3, 5).stream().map(FlowRule::from).toList());
        assertTrue(pix.allows("fd00::1:2", "2001:db8::25", FlowRule.IpProtocol.TCP, 110));
        assertTrue(
                pix.allows("fd00:0:0:0:ffff::9", "2001:0db8:0:0:0:0:0:0025", FlowRule.IpProtocol.TCP, 110),
                "an address matches however it is spelt");
        assertFalse(pix.allows("fd00:0:0:1::2", "2001:db8::25", FlowRule.IpProtocol.TCP, 110), "another /64");
        assertFalse(pix.allows("10.3.0.7", "2001:db8::25", FlowRule.IpProtocol.TCP, 110), "IPv4 is in no IPv6 network");
        assertTrue(pix.allows("10.4.200.1", "::1", FlowRule.IpProtocol.TCP, 143), "by mask, to [::1]");
        assertFalse(pix.allows("10.5.0.1", "::1", FlowRule.IpProtocol.TCP, 143));
        assertTrue(
                pix.allows("10.3.9.9", "anywhere.example", FlowRule.IpProtocol.UDP, 53), "the v4 prefix still works");

        record Case(String to, String says) {}
        for (Case c : List.of(
                new Case("fd00::/129", "0 to 128"),
                new Case("10.0.0.0/33", "0 to 32"),
                new Case("10.0.0.0/255.0.255.0", "leading ones"),
                new Case("fd00::/255.255.0.0", "a prefix length"),
                new Case("mail.example/24", "not an IPv4 or IPv6 address"))) {
            String bad = text.replace("\"from\": \"fd00::/64\"", "\"from\": \"" + c.to() + "\"");
            JsonInputException e =
                    assertThrows(JsonInputException.class, () -> parse(bad, ExtensionRegistry.empty()), c.to());
            assertEquals("firewalls[0].rules[3].from", e.fieldPath(), e.getMessage());
            assertTrue(e.problem().contains(c.says()) && e.problem().contains(c.to()), e.getMessage());
            assertTrue(e.line() > 1 && e.column() > 0, e.getMessage());
        }
    }

    static final ExtensionRegistry SERVICES = ExtensionRegistry.empty()
            .with(
                    "q222553",
                    List.of(
                            new ExtensionField(
                                    ObjectKind.PROXY, "portOwners", FieldType.STRING_LIST, "services holding port 25"),
                            new ExtensionField(
                                    ObjectKind.SERVER,
                                    "relayTestHost",
                                    FieldType.STRING,
                                    "where to send the relay probe"),
                            new ExtensionField(ObjectKind.SERVER, "smtpMaxSessions", FieldType.INTEGER, "IMS sessions"),
                            new ExtensionField(
                                    ObjectKind.FIREWALL, "inspected", FieldType.BOOLEAN, "SMTP inspection on"),
                            new ExtensionField(
                                    ObjectKind.DNS_SERVER, "transferPorts", FieldType.INTEGER_LIST, "ports")));

    @Test
    void declaredPluginFieldsAreReadWithTheirTypesAndMisspelledOnesStillRefused() throws Exception {
        String text = v2Text().replace(
                        "\"clientsConnectBy\": \"name\",",
                        "\"clientsConnectBy\": \"name\", \"portOwners\": [\"SMTPSVC\", \"MSExchangeIMC\"],")
                .replace(
                        "\"site\": \"hq\",",
                        "\"site\": \"hq\", \"relayTestHost\": \"outside.example\", \"smtpMaxSessions\": 20,")
                .replace("\"vendor\": \"Cisco\",", "\"vendor\": \"Cisco\", \"inspected\": true,")
                .replace("\"product\": \"BIND\",", "\"product\": \"BIND\", \"transferPorts\": [53],");
        Environment env = parse(text, SERVICES);
        assertEquals(
                List.of("SMTPSVC", "MSExchangeIMC"),
                env.proxies().get(0).extensions().strings("portOwners"));
        assertEquals(
                Optional.of("outside.example"),
                env.servers().get(0).extensions().string("relayTestHost"));
        assertEquals(OptionalLong.of(20), env.servers().get(0).extensions().integer("smtpMaxSessions"));
        assertEquals(Optional.of(true), env.firewalls().get(0).extensions().flag("inspected"));
        assertEquals(List.of(53L), env.dnsServers().get(1).extensions().integers("transferPorts"));
        assertTrue(env.dnsServers().get(0).extensions().isEmpty());
        assertThrows(
                IllegalArgumentException.class,
                () -> env.proxies().get(0).extensions().string("portOwners"),
                "asking with another type is the plugin's mistake");

        JsonInputException unregistered = failure(text, ExtensionRegistry.empty());
        assertEquals("servers[0].relayTestHost", unregistered.fieldPath(), "without the plugin the field is unknown");

        String misspelled = text.replace("\"portOwners\"", "\"portOwner\"");
        JsonInputException typo = failure(misspelled, SERVICES);
        assertEquals("proxies[0].portOwner", typo.fieldPath());
        assertEquals(lineOf(misspelled, "\"portOwner\""), typo.line());
        assertTrue(
                typo.problem().contains("portOwners"), "the declared field is among the expected: " + typo.problem());

        JsonInputException wrongKind =
                failure(text.replace("\"inspected\": true,", "\"inspected\": true, \"portOwners\": [],"), SERVICES);
        assertEquals(
                "firewalls[0].portOwners",
                wrongKind.fieldPath(),
                "a field is accepted only on the kind that declared it");

        JsonInputException wrongType =
                failure(text.replace("\"smtpMaxSessions\": 20", "\"smtpMaxSessions\": \"20\""), SERVICES);
        assertEquals("servers[0].smtpMaxSessions", wrongType.fieldPath());
        assertTrue(wrongType.problem().contains("whole number"), wrongType.problem());

        String v1 = Files.readString(EXAMPLES.resolve("site-healthy.json"));
        JsonInputException inV1 =
                failure(v1.replace("\"exchange\"", "\"relayTestHost\": \"x.example\", \"exchange\""), SERVICES);
        assertTrue(inV1.problem().contains("plugin fields need \"schemaVersion\": 2"), inV1.problem());
    }

    @Test
    void aPluginFieldThatIsTakenIsRefusedNamingBoth() {
        IllegalArgumentException core = assertThrows(
                IllegalArgumentException.class,
                () -> ExtensionRegistry.empty()
                        .with(
                                "p1",
                                List.of(new ExtensionField(ObjectKind.PROXY, "services", FieldType.STRING_LIST, "x"))));
        assertTrue(
                core.getMessage().contains("proxies[].services")
                        && core.getMessage().contains("schema already has"),
                core.getMessage());
        IllegalArgumentException twice = assertThrows(
                IllegalArgumentException.class,
                () -> SERVICES.with(
                        "p2", List.of(new ExtensionField(ObjectKind.SERVER, "relayTestHost", FieldType.STRING, "y"))));
        assertTrue(twice.getMessage().contains("p2") && twice.getMessage().contains("q222553"), twice.getMessage());
        assertEquals(
                5,
                SERVICES.with(
                                        "p3",
                                        List.of(new ExtensionField(
                                                ObjectKind.SITE, "relayTestHost", FieldType.STRING, "z")))
                                .all()
                                .size()
                        - 1,
                "the same name on another kind is another field");
    }

    /** The table of core fields (which plugins may not take) is what the reader asks for, kind by kind. */
    @Test
    void theCoreFieldTableIsWhatTheReaderExpects() throws Exception {
        String text = v2Text();
        record Where(ObjectKind kind, String anchor) {}
        for (Where w : List.of(
                new Where(ObjectKind.ENVIRONMENT, "\"organisation\""),
                new Where(ObjectKind.SITE, "\"name\": \"Headquarters\""),
                new Where(ObjectKind.SERVER, "\"roles\""),
                new Where(ObjectKind.CONNECTOR, "\"passwordsMatch\": false"),
                new Where(ObjectKind.PROXY, "\"accessControl\""),
                new Where(ObjectKind.FIREWALL, "\"mode\""),
                new Where(ObjectKind.DNS_DOMAIN, "\"own\""),
                new Where(ObjectKind.DNS_SERVER, "\"zones\""),
                new Where(ObjectKind.WINDOWS_DOMAIN, "\"trusts\""),
                new Where(ObjectKind.MAIL_HOST, "\"requiresTls\""))) {
            JsonInputException e = failure(
                    text.replaceFirst(java.util.regex.Pattern.quote(w.anchor()), "\"zzz\": 1, " + w.anchor()),
                    ExtensionRegistry.empty());
            String listed = e.problem()
                    .substring(
                            e.problem().indexOf("expected one of: ") + 17,
                            e.problem().lastIndexOf(')'));
            Set<String> expected = new TreeSet<>(EnvironmentBinder.coreFields(w.kind()));
            expected.removeAll(EnvironmentBinder.v1Renamed());
            assertEquals(
                    expected,
                    new TreeSet<>(List.of(listed.split(", "))),
                    w.kind().toString());
        }
    }
}
