package io.kbsh.plugin.q187225.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kbsh.model.article.ArticleId;
import io.kbsh.model.article.ArticleStore;
import io.kbsh.model.article.FixLevel;
import io.kbsh.model.env.Component;
import io.kbsh.model.env.Connector;
import io.kbsh.model.env.ConnectorType;
import io.kbsh.model.env.Environment;
import io.kbsh.model.env.Server;
import io.kbsh.model.env.Transport;
import io.kbsh.model.fact.Facts;
import io.kbsh.model.finding.Action;
import io.kbsh.model.finding.Finding;
import io.kbsh.model.finding.FixReference;
import io.kbsh.model.version.ReleaseLevel;
import io.kbsh.testkit.InMemoryArticleStore;
import io.kbsh.testkit.TestFacts;
import java.util.List;
import org.junit.jupiter.api.Test;

class Q187225CheckTest {

    static Environment env(String exchange, boolean clustered, Transport transport) {
        return Environment.builder()
                .server(Server.builder("CLUS1", ReleaseLevel.parse(exchange))
                        .clustered(clustered)
                        .components(Component.MTA)
                        .build())
                .connector(Connector.builder("x1", ConnectorType.X400, "CLUS1")
                        .transport(transport)
                        .remoteMta("mta.hub.test")
                        .build())
                .build();
    }

    static List<Finding> run(Environment env, ArticleStore store) {
        return new Q187225Check().evaluate(env, Facts.none(), store);
    }

    /** A store whose fix lists put Q187225 in {@code level}. */
    static ArticleStore storeSaying(String level) {
        return new InMemoryArticleStore()
                .fixedIn(
                        Q187225Check.ID,
                        new FixLevel(
                                "Microsoft Exchange Server",
                                ReleaseLevel.parse(level),
                                FixLevel.Kind.SERVICE_PACK,
                                new ArticleId(999999)));
    }

    @Test
    void clustered55WithoutServicePackOverTcpIsAffected() {
        Finding f = run(env("5.5", true, Transport.TCPIP), ArticleStore.empty()).get(0);
        assertEquals(FixReference.Origin.PLUGIN, f.fix().orElseThrow().origin());
        Action.InstallServicePack sp =
                (Action.InstallServicePack) f.resolution().get(0);
        assertEquals(ReleaseLevel.parse("5.5 SP1"), sp.level());
        assertEquals("rfc1006", f.probes().get(0).probe());
        assertTrue(
                f.evidence().stream().anyMatch(e -> e.contains("5.5 is below 5.5 SP1")),
                f.evidence().toString());
        assertTrue(f.fix().orElseThrow().describe().contains("source: plugin"));
    }

    @Test
    void servicePackEdge() {
        assertEquals(
                1, run(env("5.5", true, Transport.TCPIP), ArticleStore.empty()).size());
        assertTrue(
                run(env("5.5 SP1", true, Transport.TCPIP), ArticleStore.empty()).isEmpty());
        assertTrue(
                run(env("5.5 SP4", true, Transport.TCPIP), ArticleStore.empty()).isEmpty());
    }

    @Test
    void theStoreOverridesThePluginsFixLevel() {
        List<Finding> found = run(env("5.5 SP1", true, Transport.TCPIP), storeSaying("5.5 SP2"));
        assertEquals(1, found.size(), "the store says SP2 fixed it, so SP1 is still affected");
        assertEquals(
                FixReference.Origin.ARTICLE_STORE,
                found.get(0).fix().orElseThrow().origin());
        assertEquals(
                ReleaseLevel.parse("5.5 SP2"),
                ((Action.InstallServicePack) found.get(0).resolution().get(0)).level());
        assertTrue(run(env("5.5 SP2", true, Transport.TCPIP), storeSaying("5.5 SP2"))
                .isEmpty());
    }

    @Test
    void notAffected() {
        assertTrue(run(env("5.5", false, Transport.TCPIP), ArticleStore.empty()).isEmpty(), "not clustered");
        assertTrue(run(env("5.5", true, Transport.TP4), ArticleStore.empty()).isEmpty(), "X.400 over TP4, not TCP/IP");
        assertTrue(run(env("5.5", true, Transport.X25), ArticleStore.empty()).isEmpty(), "X.400 over X.25");
        assertTrue(
                run(env("5.0", true, Transport.TCPIP), ArticleStore.empty()).isEmpty(),
                "the article is about 5.5 only");
    }

    @Test
    void probeFactsOfTheRemoteMtaBecomeEvidence() {
        Facts facts = TestFacts.of(
                TestFacts.endpoint("rfc1006", "mta.hub.test", 102)
                        .status(io.kbsh.model.fact.ProbeStatus.REFUSED, "resolve"),
                TestFacts.endpoint("tcp", "mta.hub.test", 102).ok("connect"));
        Finding f = new Q187225Check()
                .evaluate(env("5.5", true, Transport.TCPIP), facts, ArticleStore.empty())
                .get(0);
        assertEquals(
                1,
                f.evidence().stream().filter(e -> e.startsWith("probe: ")).count(),
                f.evidence().toString());
        assertTrue(
                f.evidence().contains("probe: rfc1006 mta.hub.test:102 REFUSED, reached resolve"),
                f.evidence().toString());
    }
}
