package io.kbsh.model.finding;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kbsh.model.article.ArticleId;
import io.kbsh.model.fact.EndpointFact;
import io.kbsh.model.fact.Facts;
import io.kbsh.model.fact.ProbeStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FindingProbeHistoryTest {

    @Test
    void theNewestRunReadsFirstAndEarlierRunsFollowWithTheirTimes() {
        Instant first = Instant.parse("2026-01-01T10:00:00Z");
        Facts facts = Facts.none()
                .with(List.of(
                        new EndpointFact(
                                "rfc1006",
                                "mta.test",
                                102,
                                ProbeStatus.REFUSED,
                                "resolve",
                                Duration.ZERO,
                                Map.of(),
                                first),
                        new EndpointFact(
                                "tcp", "mta.test", 102, ProbeStatus.OK, "connect", Duration.ZERO, Map.of(), first),
                        new EndpointFact(
                                "rfc1006",
                                "mta.test",
                                102,
                                ProbeStatus.OK,
                                "cc",
                                Duration.ZERO,
                                Map.of(),
                                first.plusSeconds(60))));
        ObjectRef server = ObjectRef.server("MTA1");
        Finding f = Finding.builder(ArticleId.parse("Q165057"), Severity.WARNING, "x")
                .affects(server)
                .probe(ProbeRequest.of("rfc1006", "mta.test", 102, "the MTA answers"), server, facts)
                .build();
        assertEquals(
                List.of(
                        "probe: rfc1006 mta.test:102 OK, reached cc",
                        "probe earlier (2026-01-01T10:00:00Z): rfc1006 mta.test:102 REFUSED, reached resolve"),
                f.evidence());
    }
}
