package io.kbsh.shell.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kbsh.model.article.ArticleStore;
import io.kbsh.shell.rules.pack.PackTests;
import io.kbsh.shell.rules.pack.RulePack;
import io.kbsh.shell.rules.pack.RulePackReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What CEL expressions of a rule can use beyond the standard: {@code let} values in the order written, the
 * strings extension, kbsh's firewall helpers {@code inPorts} and {@code inNet}, and the DNS look-up facts
 * ({@code lookups.mx}, {@code .soa}, {@code .ptr}) that tests write as facts. Each rule is a real file of a
 * real pack; its own tests say what must and must not trigger, and every one of them must pass.
 */
class RuleExpressionsTest {

    @TempDir
    Path dir;

    private List<PackTests.Result> run(String article, String rule) throws Exception {
        Path pack = Files.createDirectories(dir.resolve("pack"));
        Files.writeString(
                pack.resolve("kbsh-pack.yaml"),
                "id: expressions\nname: Expressions\nversion: 1.0.0\nformat: 1\n",
                StandardCharsets.UTF_8);
        Files.writeString(pack.resolve(article + ".yaml"), rule, StandardCharsets.UTF_8);
        RulePack loaded = RulePackReader.directory(pack, p -> Optional.empty());
        List<PackTests.Result> results = PackTests.run(loaded, ArticleStore.empty());
        for (PackTests.Result r : results) {
            assertEquals(List.of(), r.problems(), r.test());
        }
        return results;
    }

    private static String rule(String article, String forKind, String let, String when, String summary, String tests) {
        return "article: " + article + "\ntitle: a test rule\nsummary: a rule of RuleExpressionsTest\nfor: " + forKind
                + "\n"
                + "let:\n" + let + "outcomes:\n  - name: hit\n    when:\n      - cel: '" + when
                + "'\n    severity: warning\n"
                + "    summary: \"" + summary + "\"\ntests:\n" + tests;
    }

    @Test
    void letValuesAreEvaluatedInTheOrderWrittenSoALaterOneUsesAnEarlierOne() throws Exception {
        // A chain of eight, each using the one before: in alphabetical or any hashed order it breaks.
        List<PackTests.Result> results = run(
                "Q900001",
                rule(
                        "Q900001",
                        "server",
                        "  z: 'server.id.lowerAscii()'\n  m: 'z + \"-mail\"'\n  q: 'm + \"\"'\n  c: 'q + \"\"'\n"
                                + "  k: 'c + \"\"'\n  e: 'k + \"\"'\n  h: 'e + \"\"'\n  a: 'h.upperAscii()'\n",
                        "a == \"MAIL1-MAIL\"",
                        "{{a}}",
                        "  - name: the chain of lets\n    environment: {schemaVersion: 2, servers: [{id: Mail1, exchange: \"5.5\"}]}\n"
                                + "    expect: [{object: \"server:Mail1\", summaryContains: \"MAIL1-MAIL\"}]\n"
                                + "  - name: another id\n    environment: {schemaVersion: 2, servers: [{id: Other, exchange: \"5.5\"}]}\n"
                                + "    expect: []\n"));
        assertEquals(2, results.size());
    }

    @Test
    void inPortsReadsNumbersAndRangesAndInNetMatchesAddressesAndPrefixes() throws Exception {
        String env =
                "    environment:\n      schemaVersion: 2\n      servers: [{id: HQ1, addresses: [10.1.0.20, \"fd00::20\"], exchange: \"5.5\"}]\n"
                        + "      firewalls:\n        - id: fw\n          name: Edge\n          protects: [HQ1]\n          rules:\n";
        List<PackTests.Result> results = run(
                "Q900002",
                rule(
                        "Q900002",
                        "server",
                        "  admitted: 'firewalls.exists(f, f.rules.exists(r, inPorts(r.ports, 102) && server.addresses.exists(a, inNet(a, r.to))))'\n",
                        "admitted",
                        "{{server.id}} admits 102",
                        "  - name: a range and an IPv4 prefix\n" + env
                                + "            - {from: any, to: 10.1.0.0/16, protocol: tcp, ports: [25, \"100-110\"]}\n"
                                + "    expect: [{object: \"server:HQ1\"}]\n"
                                + "  - name: an IPv6 prefix and a single port\n" + env
                                + "            - {from: any, to: \"fd00:0:0:0:0:0:0:0/64\", protocol: tcp, ports: [102]}\n"
                                + "    expect: [{object: \"server:HQ1\"}]\n"
                                + "  - name: an IPv6 network written short, as people write it\n" + env
                                + "            - {from: any, to: \"fd00::/64\", protocol: tcp, ports: [102]}\n"
                                + "    expect: [{object: \"server:HQ1\"}]\n"
                                + "  - name: an IPv6 network that does not hold the address\n" + env
                                + "            - {from: any, to: \"fd00:0:0:1::/64\", protocol: tcp, ports: [102]}\n"
                                + "    expect: []\n"
                                + "  - name: an IPv4 network by mask\n" + env
                                + "            - {from: any, to: 10.1.0.0/255.255.0.0, protocol: tcp, ports: [102]}\n"
                                + "    expect: [{object: \"server:HQ1\"}]\n"
                                + "  - name: the exact IPv6 address, spelt in full\n" + env
                                + "            - {from: any, to: \"fd00:0:0:0:0:0:0:20\", protocol: tcp, ports: [102]}\n"
                                + "    expect: [{object: \"server:HQ1\"}]\n"
                                + "  - name: the exact address\n" + env
                                + "            - {from: any, to: 10.1.0.20, protocol: tcp, ports: [102]}\n"
                                + "    expect: [{object: \"server:HQ1\"}]\n"
                                + "  - name: a range that stops short\n" + env
                                + "            - {from: any, to: 10.1.0.0/16, protocol: tcp, ports: [\"103-110\"]}\n"
                                + "    expect: []\n"
                                + "  - name: a prefix that does not hold the address\n" + env
                                + "            - {from: any, to: 10.1.1.0/24, protocol: tcp, ports: [102]}\n"
                                + "    expect: []\n"
                                + "  - name: a name is never looked up\n" + env
                                + "            - {from: any, to: HQ1, protocol: tcp, ports: [102]}\n"
                                + "    expect: []\n"));
        assertEquals(10, results.size());
    }

    @Test
    void dnsLookUpFactsAreVisibleByNameToEveryKind() throws Exception {
        String env =
                "    environment:\n      schemaVersion: 2\n      servers: [{id: MAIL1, addresses: [10.0.0.25], exchange: \"5.5\"}]\n"
                        + "      domains: [{name: example.com, own: true}]\n";
        String soa =
                "      - soa: example.com\n        servers:\n          - {server: 10.0.0.53, serial: 2001070201, primary: ns1.example.com}\n";
        List<PackTests.Result> results = run(
                "Q900003",
                rule(
                        "Q900003",
                        "domain",
                        "  zone: '\"example.com\" in lookups.soa ? lookups.soa[\"example.com\"] : {}'\n",
                        "has(zone.behind) && size(zone.behind) == 1 && zone.behind[0] == \"10.0.0.54\""
                                + " && lookups.ptr[\"10.0.0.25\"].names[0] == \"mail1.example.com\""
                                + " && size(lookups.mx[\"probe.example.com\"].hosts) == 1",
                        "{{domain.name}}: {{zone.newestSerial}}",
                        "  - name: a secondary behind, a PTR name and MX hosts under the domain\n" + env
                                + "    facts:\n" + soa
                                + "          - {server: 10.0.0.54, serial: 2001060101, primary: ns1.example.com}\n"
                                + "      - {ptr: 10.0.0.25, names: [mail1.example.com], confirmed: [mail1.example.com]}\n"
                                + "      - {mx: probe.example.com, hosts: [{name: mx.example.com, preference: 10}]}\n"
                                + "    expect: [{object: \"domain:example.com\", summaryContains: \"example.com: 2001070201\"}]\n"
                                + "  - name: serials that agree\n" + env
                                + "    facts:\n" + soa
                                + "          - {server: 10.0.0.54, serial: 2001070201, primary: ns1.example.com}\n"
                                + "      - {ptr: 10.0.0.25, names: [mail1.example.com]}\n"
                                + "      - {mx: probe.example.com, hosts: [{name: mx.example.com, preference: 10}]}\n"
                                + "    expect: []\n"
                                + "  - name: no look-ups at all\n" + env
                                + "    expect: []\n"));
        assertEquals(3, results.size());
        assertTrue(results.stream().allMatch(PackTests.Result::passed));
    }

    @Test
    void aListTheSiteDoesNotHaveIsEmptyRatherThanAnError() throws Exception {
        // The environment file leaves empty lists out; a rule's expression over one sees [], so that
        // 'no DNS server holds the zone' holds instead of failing on a key that is not there.
        List<PackTests.Result> results = run(
                "Q900004",
                rule(
                        "Q900004",
                        "server",
                        "  imap: 'server.serves.exists(p, p.protocol == \"imap4\")'\n",
                        "size(env.dnsServers) == 0 && !imap && size(connectors) == 0",
                        "{{server.id}} has no DNS server",
                        "  - name: a site with no DNS servers, services or connectors\n"
                                + "    environment: {schemaVersion: 2, servers: [{id: Mail1, exchange: \"5.5\"}]}\n"
                                + "    expect: [{object: \"server:Mail1\", summaryContains: \"Mail1 has no DNS server\"}]\n"
                                + "  - name: a site with a DNS server\n"
                                + "    environment: {schemaVersion: 2, servers: [{id: Mail1, exchange: \"5.5\"}],"
                                + " dnsServers: [{id: ns1, product: BIND}]}\n"
                                + "    expect: []\n"));
        assertEquals(2, results.size());
        assertTrue(results.stream().allMatch(PackTests.Result::passed));
    }

    @Test
    void aLetNoConditionReadsStillFillsTheSummaryAndAFailingLetIsAbsent() throws Exception {
        // Lets are computed when first read: here only the summary reads 'shown', and 'broken' (a field the
        // server lacks) fails wherever it is read — absent in the summary, and a condition on it does not hold.
        String rule = "article: Q900005\ntitle: a test rule\nsummary: a rule of RuleExpressionsTest\nfor: server\n"
                + "let:\n  shown: 'server.id + \"!\"'\n  broken: 'server.nosuch + \"?\"'\n"
                + "outcomes:\n"
                + "  - name: never\n    when:\n      - cel: 'broken == \"x?\" || size(broken) >= 0'\n"
                + "    severity: error\n    summary: \"read {{broken}}\"\n"
                + "  - name: hit\n    severity: warning\n    summary: \"{{shown}} {{broken}}\"\n"
                + "tests:\n  - name: one server\n    environment: {schemaVersion: 2, servers: [{id: Mail1, exchange: \"5.5\"}]}\n"
                + "    expect: [{object: \"server:Mail1\", severity: warning, summaryContains: \"Mail1! (none)\"}]\n";
        List<PackTests.Result> results = run("Q900005", rule);
        assertEquals(1, results.size());
        assertTrue(results.get(0).passed());
        // 'rules explain' shows every let, read or not, with its value or its error.
        RulePack pack = RulePackReader.directory(dir.resolve("pack"), p -> Optional.empty());
        var env = io.kbsh.shell.env.EnvironmentReader.parse(
                "{\"schemaVersion\": 2, \"servers\": [{\"id\": \"Mail1\", \"exchange\": \"5.5\"}]}"
                        .getBytes(StandardCharsets.UTF_8),
                "test.json",
                dir);
        var explained = pack.rules()
                .get(0)
                .explain(env, io.kbsh.model.fact.Facts.none(), ArticleStore.empty(), "Mail1")
                .orElseThrow();
        List<String> lets = explained.steps().stream()
                .filter(st -> st.condition().startsWith("let "))
                .map(st -> st.condition() + "=" + (st.held() ? st.saw() : "error"))
                .toList();
        assertEquals(List.of("let shown=Mail1!", "let broken=error"), lets);
    }

    @Test
    void rulesExplainSaysWhichTestOfAppliesEachObjectFails() throws Exception {
        String rule = "article: Q900006\ntitle: a test rule\nsummary: a rule of RuleExpressionsTest\nfor: server\n"
                + "applies:\n  product: exchange\n  releases: [\"5.5\"]\n  servicePacks: {from: 1, to: 3}\n"
                + "  components: [internet-mail]\n  roles: [global-catalog]\n  os: [Windows NT]\n"
                + "outcomes:\n  - name: hit\n    severity: warning\n    summary: \"{{server.id}}\"\n"
                + "tests:\n  - name: one that applies\n    environment: {schemaVersion: 2, servers: [{id: Ok, exchange: \"5.5 SP2\","
                + " components: [internet-mail], roles: [global-catalog], os: \"Windows NT 4.0 SP6\"}]}\n"
                + "    expect: [{object: \"server:Ok\", severity: warning}]\n";
        run("Q900006", rule);
        // Exchange's level is a server's required field: an unknown level is shown with Windows NT's, in 'os'.
        Files.writeString(
                dir.resolve("pack").resolve("Q900007.yaml"),
                rule.replace("Q900006", "Q900007")
                        .replace(
                                "  product: exchange\n  releases: [\"5.5\"]\n  servicePacks: {from: 1, to: 3}\n",
                                "  product: winnt\n  releases: [\"4.0\"]\n"),
                StandardCharsets.UTF_8);
        RulePack pack = RulePackReader.directory(dir.resolve("pack"), p -> Optional.empty());
        String mail = "\"components\": [\"internet-mail\"]";
        var env = io.kbsh.shell.env.EnvironmentReader.parse(
                ("{\"schemaVersion\": 2, \"servers\": ["
                                + "{\"id\": \"NoOs\", \"exchange\": \"5.5 SP2\"},"
                                + "{\"id\": \"Old\", \"exchange\": \"5.0 SP2\"},"
                                + "{\"id\": \"Early\", \"exchange\": \"5.5\"},"
                                + "{\"id\": \"Late\", \"exchange\": \"5.5 SP4\"},"
                                + "{\"id\": \"NoMail\", \"exchange\": \"5.5 SP2\", \"components\": [\"mta\"]},"
                                + "{\"id\": \"NoRole\", \"exchange\": \"5.5 SP2\", " + mail + "},"
                                + "{\"id\": \"W2k\", \"exchange\": \"5.5 SP2\", " + mail
                                + ", \"roles\": [\"global-catalog\"], \"os\": \"Windows 2000 SP2\"},"
                                + "{\"id\": \"Ok\", \"exchange\": \"5.5 SP2\", " + mail
                                + ", \"roles\": [\"global-catalog\"], \"os\": \"Windows NT 4.0 SP6\"}]}")
                        .getBytes(StandardCharsets.UTF_8),
                "test.json",
                dir);
        List<String> why = new java.util.ArrayList<>();
        for (var r : pack.rules()) {
            for (String id : List.of("NoOs", "Old", "Early", "Late", "NoMail", "NoRole", "W2k", "Ok")) {
                var explained = r.explain(env, io.kbsh.model.fact.Facts.none(), ArticleStore.empty(), id)
                        .orElseThrow();
                if (r.article().toString().equals("Q900006") || id.equals("NoOs")) {
                    why.add(r.article() + " " + id + ": " + explained.applicable() + ": " + explained.applicability());
                }
            }
        }
        assertEquals(
                List.of(
                        "Q900006 NoOs: false: the server runs none of internet-mail",
                        "Q900006 Old: false: exchange 5.0 SP2 is not in the release lines 5.5",
                        "Q900006 Early: false: exchange 5.5 is below SP1",
                        "Q900006 Late: false: exchange 5.5 SP4 is past SP3",
                        "Q900006 NoMail: false: the server runs none of internet-mail (it runs mta)",
                        "Q900006 NoRole: false: the server holds none of the roles global-catalog",
                        "Q900006 W2k: false: its operating system 'Windows 2000 SP2' is not Windows NT",
                        "Q900006 Ok: true: applies",
                        "Q900007 NoOs: false: no winnt level is known for it"),
                why);
    }
}
