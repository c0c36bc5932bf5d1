package io.kbsh.plugin.q187225.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kbsh.model.article.Article;
import io.kbsh.model.article.ArticleId;
import io.kbsh.model.article.ArticleStore;
import io.kbsh.model.article.FixLevel;
import io.kbsh.model.article.SearchHit;
import io.kbsh.model.env.Environment;
import io.kbsh.model.env.EnvironmentReader;
import io.kbsh.model.fact.Facts;
import io.kbsh.model.finding.Action;
import io.kbsh.model.finding.Finding;
import io.kbsh.model.finding.FixReference;
import io.kbsh.model.version.ReleaseLevel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class Q187225CheckTest {

    static Environment env(String exchange, boolean clustered, String transport) throws Exception {
        String json = """
                {"schemaVersion": 1,
                 "servers": [{"id": "CLUS1", "exchange": "%s", "clustered": %s, "components": ["mta"]}],
                 "connectors": [{"id": "x1", "type": "x400", "server": "CLUS1", "transport": "%s", "remoteMta": "mta.hub.test"}]}
                """.formatted(exchange, clustered, transport);
        return EnvironmentReader.parse(json.getBytes(StandardCharsets.UTF_8), "t.json", null);
    }

    static List<Finding> run(Environment env, ArticleStore store) {
        return new Q187225Check().evaluate(env, Facts.none(), store);
    }

    /** A store whose fix lists put Q187225 in {@code level}. */
    static ArticleStore storeSaying(String level) {
        ArticleStore empty = ArticleStore.empty();
        return new ArticleStore() {
            public Optional<Article> find(ArticleId id) {
                return empty.find(id);
            }

            public List<SearchHit> search(String query, int limit) {
                return empty.search(query, limit);
            }

            public List<ArticleId> citedBy(ArticleId id) {
                return empty.citedBy(id);
            }

            public List<FixLevel> fixedIn(ArticleId id) {
                return id.equals(Q187225Check.ID)
                        ? List.of(new FixLevel("Microsoft Exchange Server", ReleaseLevel.parse(level), FixLevel.Kind.SERVICE_PACK, new ArticleId(999999)))
                        : List.of();
            }
        };
    }

    @Test
    void clustered55WithoutServicePackOverTcpIsAffected() throws Exception {
        Finding f = run(env("5.5", true, "tcpip"), ArticleStore.empty()).get(0);
        assertEquals(FixReference.Origin.PLUGIN, f.fix().origin());
        Action.InstallServicePack sp = (Action.InstallServicePack) f.resolution().get(0);
        assertEquals(ReleaseLevel.parse("5.5 SP1"), sp.level());
        assertEquals("rfc1006", f.probes().get(0).probe());
        assertTrue(f.evidence().stream().anyMatch(e -> e.contains("5.5 is below 5.5 SP1")), f.evidence().toString());
        assertTrue(f.fix().describe().contains("source: plugin"));
    }

    @Test
    void servicePackEdge() throws Exception {
        assertEquals(1, run(env("5.5", true, "tcpip"), ArticleStore.empty()).size());
        assertTrue(run(env("5.5 SP1", true, "tcpip"), ArticleStore.empty()).isEmpty());
        assertTrue(run(env("5.5 SP4", true, "tcpip"), ArticleStore.empty()).isEmpty());
    }

    @Test
    void theStoreOverridesThePluginsFixLevel() throws Exception {
        List<Finding> found = run(env("5.5 SP1", true, "tcpip"), storeSaying("5.5 SP2"));
        assertEquals(1, found.size(), "the store says SP2 fixed it, so SP1 is still affected");
        assertEquals(FixReference.Origin.ARTICLE_STORE, found.get(0).fix().origin());
        assertEquals(ReleaseLevel.parse("5.5 SP2"), ((Action.InstallServicePack) found.get(0).resolution().get(0)).level());
        assertTrue(run(env("5.5 SP2", true, "tcpip"), storeSaying("5.5 SP2")).isEmpty());
    }

    @Test
    void notAffected() throws Exception {
        assertTrue(run(env("5.5", false, "tcpip"), ArticleStore.empty()).isEmpty(), "not clustered");
        assertTrue(run(env("5.5", true, "tp4"), ArticleStore.empty()).isEmpty(), "X.400 over TP4, not TCP/IP");
        assertTrue(run(env("5.5", true, "x25"), ArticleStore.empty()).isEmpty(), "X.400 over X.25");
        assertTrue(run(env("5.0", true, "tcpip"), ArticleStore.empty()).isEmpty(), "the article is about 5.5 only");
    }

    @Test
    void examples() throws Exception {
        java.nio.file.Path examples = java.nio.file.Path.of("../../examples");
        assertEquals(1, run(EnvironmentReader.read(examples.resolve("site-q254909-q187225.json")), ArticleStore.empty()).size());
        assertTrue(run(EnvironmentReader.read(examples.resolve("site-healthy.json")), ArticleStore.empty()).isEmpty(),
                "the healthy example's cluster runs 5.5 SP4");
    }

    @Test
    void probeFactsOfTheRemoteMtaBecomeEvidence() throws Exception {
        var refused = new io.kbsh.model.fact.EndpointFact("rfc1006", "mta.hub.test", 102, io.kbsh.model.fact.ProbeStatus.REFUSED,
                "resolve", java.time.Duration.ofMillis(3), java.util.Map.of(), java.time.Instant.EPOCH);
        var otherProbe = new io.kbsh.model.fact.EndpointFact("tcp", "mta.hub.test", 102, io.kbsh.model.fact.ProbeStatus.OK,
                "connect", java.time.Duration.ofMillis(3), java.util.Map.of(), java.time.Instant.EPOCH);
        Finding f = new Q187225Check().evaluate(env("5.5", true, "tcpip"), Facts.none().with(List.of(refused, otherProbe)),
                ArticleStore.empty()).get(0);
        assertEquals(1, f.evidence().stream().filter(e -> e.startsWith("probe: ")).count(), f.evidence().toString());
        assertTrue(f.evidence().contains("probe: rfc1006 mta.hub.test:102 REFUSED, reached resolve"), f.evidence().toString());
    }
}
