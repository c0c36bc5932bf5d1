package io.kbsh.plugin.q165057.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kbsh.model.article.ArticleStore;
import io.kbsh.model.env.Connector;
import io.kbsh.model.env.ConnectorType;
import io.kbsh.model.env.DnsDomain;
import io.kbsh.model.env.Environment;
import io.kbsh.model.env.Firewall;
import io.kbsh.model.env.MxRecord;
import io.kbsh.model.env.ProxyServer;
import io.kbsh.model.env.Server;
import io.kbsh.model.env.Transport;
import io.kbsh.model.fact.Facts;
import io.kbsh.model.fact.ProbeStatus;
import io.kbsh.model.finding.Finding;
import io.kbsh.model.finding.ObjectRef;
import io.kbsh.model.finding.Scope;
import io.kbsh.model.finding.Severity;
import io.kbsh.model.version.ReleaseLevel;
import io.kbsh.testkit.FindingAssert;
import io.kbsh.testkit.TestFacts;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class Q165057CheckTest {

    /** One server at the given Exchange level with connectors whose paths may cross proxy "px" of the given version. */
    static Environment env(String exchange, String proxyVersion, Connector... connectors) {
        Environment.Builder env = Environment.builder()
                .server(Server.builder("EXCH1", ReleaseLevel.parse(exchange)).build())
                .proxy(ProxyServer.builder("px", ReleaseLevel.parse(proxyVersion))
                        .build())
                .firewall(new Firewall("fw", null, List.of()))
                .domain(new DnsDomain("partner.test", List.of(new MxRecord(10, "mx1.partner.test"))));
        for (Connector c : connectors) {
            env.connector(c);
        }
        return env.build();
    }

    static Connector.Builder x400(String... path) {
        return Connector.builder("x1", ConnectorType.X400, "EXCH1")
                .transport(Transport.TCPIP)
                .remoteMta("mta.site2.test")
                .path(path);
    }

    static final Connector X400 = x400("fw", "px").build();
    static final Connector IMS = Connector.builder("i1", ConnectorType.INTERNET_MAIL, "EXCH1")
            .domain("partner.test")
            .path("px")
            .build();

    static List<Finding> run(Environment env, Facts facts) {
        return new Q165057Check().evaluate(env, facts, ArticleStore.empty());
    }

    @Test
    void exchange50AcrossProxy10IsWithinTheArticle() {
        List<Finding> found = run(env("5.0 SP1", "1.0", X400, IMS), Facts.none());
        assertEquals(2, found.size());
        Finding x400 = found.get(0);
        assertEquals(Scope.STATED, x400.scope());
        assertEquals(Severity.CRITICAL, x400.severity());
        assertTrue(x400.affected().containsAll(List.of(ObjectRef.connector("x1"), ObjectRef.proxy("px"))));
        assertEquals("rfc1006", x400.probes().get(0).probe());
        assertEquals("mta.site2.test", x400.probes().get(0).host());
        Finding ims = found.get(1);
        assertEquals("smtp", ims.probes().get(0).probe());
        assertEquals("mx1.partner.test", ims.probes().get(0).host());
        assertTrue(ims.summary().contains("Internet Mail Service"));
    }

    @Test
    void otherExchangeVersionsAreByAnalogy() {
        for (String level : List.of("4.0 SP5", "5.5", "5.5 SP4")) {
            Finding f = run(env(level, "1.0", X400), Facts.none()).get(0);
            assertEquals(Scope.ANALOGY, f.scope(), level);
            assertEquals(Severity.WARNING, f.severity());
            assertTrue(f.summary().contains("X.400"));
        }
        assertTrue(run(env("4.0", "1.0", IMS), Facts.none()).get(0).summary().contains("Internet Mail Connector"));
    }

    @Test
    void notAffected() {
        assertTrue(run(env("5.0", "2.0", X400, IMS), Facts.none()).isEmpty(), "Proxy Server 2.0 is not this article");
        assertTrue(run(env("5.0", "1.0", x400("fw").build()), Facts.none()).isEmpty(), "path without the proxy");
        assertTrue(
                run(env("5.0", "1.0", x400("fw", "px").transport(Transport.X25).build()), Facts.none())
                        .isEmpty(),
                "X.25 does not cross an IP proxy");
        Connector site =
                Connector.builder("s1", ConnectorType.SITE, "EXCH1").path("px").build();
        assertTrue(run(env("5.0", "1.0", site), Facts.none()).isEmpty(), "the article names X.400 and the IMS only");
    }

    @Test
    void probeFactsBecomeEvidence() {
        Facts timedOut = TestFacts.of(TestFacts.endpoint("rfc1006", "mta.site2.test", 102)
                .status(ProbeStatus.TIMEOUT, "connect")
                .latency(Duration.ofSeconds(5)));
        FindingAssert.assertThat(run(env("5.0", "1.0", X400), timedOut))
                .single()
                .hasEvidence("probe: rfc1006 mta.site2.test:102 TIMEOUT");
    }
}
