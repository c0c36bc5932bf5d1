package io.kbsh.plugin.q165057.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kbsh.model.article.ArticleStore;
import io.kbsh.model.env.Environment;
import io.kbsh.model.env.EnvironmentReader;
import io.kbsh.model.fact.EndpointFact;
import io.kbsh.model.fact.Facts;
import io.kbsh.model.fact.ProbeStatus;
import io.kbsh.model.finding.Finding;
import io.kbsh.model.finding.ObjectRef;
import io.kbsh.model.finding.Scope;
import io.kbsh.model.finding.Severity;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class Q165057CheckTest {

    /** A 5.x server with one connector whose path crosses proxy "px" of the given version. */
    static Environment env(String exchange, String proxyVersion, String connector) throws Exception {
        String json = """
                {"schemaVersion": 1,
                 "servers": [{"id": "EXCH1", "exchange": "%s"}],
                 "proxies": [{"id": "px", "version": "%s"}],
                 "firewalls": [{"id": "fw"}],
                 "domains": [{"name": "partner.test", "mx": [{"preference": 10, "host": "mx1.partner.test"}]}],
                 "connectors": [%s]}
                """.formatted(exchange, proxyVersion, connector);
        return EnvironmentReader.parse(json.getBytes(StandardCharsets.UTF_8), "t.json", null);
    }

    static final String X400 = "{\"id\": \"x1\", \"type\": \"x400\", \"server\": \"EXCH1\", \"transport\": \"tcpip\", \"remoteMta\": \"mta.site2.test\", \"path\": [\"fw\", \"px\"]}";
    static final String IMS = "{\"id\": \"i1\", \"type\": \"internet-mail\", \"server\": \"EXCH1\", \"domains\": [\"partner.test\"], \"path\": [\"px\"]}";

    static List<Finding> run(Environment env, Facts facts) {
        return new Q165057Check().evaluate(env, facts, ArticleStore.empty());
    }

    @Test
    void exchange50AcrossProxy10IsWithinTheArticle() throws Exception {
        List<Finding> found = run(env("5.0 SP1", "1.0", X400 + "," + IMS), Facts.none());
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
    void otherExchangeVersionsAreByAnalogy() throws Exception {
        for (String level : List.of("4.0 SP5", "5.5", "5.5 SP4")) {
            Finding f = run(env(level, "1.0", X400), Facts.none()).get(0);
            assertEquals(Scope.ANALOGY, f.scope(), level);
            assertEquals(Severity.WARNING, f.severity());
            assertTrue(f.summary().contains("X.400"));
        }
        assertTrue(run(env("4.0", "1.0", IMS), Facts.none()).get(0).summary().contains("Internet Mail Connector"));
    }

    @Test
    void notAffected() throws Exception {
        assertTrue(run(env("5.0", "2.0", X400 + "," + IMS), Facts.none()).isEmpty(), "Proxy Server 2.0 is not this article");
        assertTrue(run(env("5.0", "1.0", X400.replace("\"fw\", \"px\"", "\"fw\"")), Facts.none()).isEmpty(), "path without the proxy");
        assertTrue(run(env("5.0", "1.0", X400.replace("tcpip", "x25")), Facts.none()).isEmpty(), "X.25 does not cross an IP proxy");
        String site = "{\"id\": \"s1\", \"type\": \"site\", \"server\": \"EXCH1\", \"path\": [\"px\"]}";
        assertTrue(run(env("5.0", "1.0", site), Facts.none()).isEmpty(), "the article names X.400 and the IMS only");
    }

    @Test
    void probeFactsBecomeEvidence() throws Exception {
        EndpointFact refused = new EndpointFact("rfc1006", "mta.site2.test", 102, ProbeStatus.TIMEOUT, "connect",
                Duration.ofSeconds(5), Map.of(), Instant.EPOCH);
        Finding f = run(env("5.0", "1.0", X400), Facts.none().with(List.of(refused))).get(0);
        assertTrue(f.evidence().stream().anyMatch(e -> e.startsWith("probe: rfc1006 mta.site2.test:102 TIMEOUT")), f.evidence().toString());
    }

    @Test
    void examplesAreNotAffected() throws Exception {
        for (String example : List.of("site-healthy.json", "site-q254909-q187225.json", "site-q178532-ssl.json")) {
            assertTrue(run(EnvironmentReader.read(java.nio.file.Path.of("../../examples", example)),
                    Facts.none()).isEmpty(), example);
        }
    }
}
