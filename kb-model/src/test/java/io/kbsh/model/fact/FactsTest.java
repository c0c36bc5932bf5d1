package io.kbsh.model.fact;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FactsTest {

    private static EndpointFact smtp(ProbeStatus status, long second) {
        return new EndpointFact(
                "smtp", "Mail.Example", 25, status, "connect", Duration.ZERO, Map.of(), Instant.ofEpochSecond(second));
    }

    @Test
    void aNewerFactIsKeptBesideTheOlderOnesAndTheNewestDecides() {
        Facts facts =
                Facts.none().with(List.of(smtp(ProbeStatus.REFUSED, 1)), 8).with(List.of(smtp(ProbeStatus.OK, 2)), 8);
        assertEquals(
                ProbeStatus.OK,
                facts.newest("smtp", "mail.example", 25).orElseThrow().status());
        assertEquals(
                List.of(ProbeStatus.REFUSED, ProbeStatus.OK),
                facts.history("smtp", "mail.example", 25).stream()
                        .map(EndpointFact::status)
                        .toList());
        assertEquals(0, facts.history("pop3", "mail.example", 25).size(), "another probe's history is its own");
    }

    @Test
    void historyIsBoundedPerSubjectDroppingTheOldest() {
        Facts facts = Facts.none();
        for (int i = 0; i < 5; i++) {
            facts = facts.with(List.of(smtp(ProbeStatus.OK, i)), 3);
        }
        facts = facts.with(List.of(new MxFact("example.test", "OK", List.of(), true, false, Instant.EPOCH)), 3);
        assertEquals(
                List.of(2L, 3L, 4L),
                facts.history("smtp", "mail.example", 25).stream()
                        .map(f -> f.observedAt().getEpochSecond())
                        .toList());
        assertEquals(4, facts.all().size());
    }
}
