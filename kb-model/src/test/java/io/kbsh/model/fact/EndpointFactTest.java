package io.kbsh.model.fact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EndpointFactTest {

    @Test
    void evidenceKeepsTheOrderItWasGatheredInAndCannotChange() {
        Map<String, String> evidence = new LinkedHashMap<>();
        for (String key : List.of("address", "greeting", "capabilities", "tls", "certificate")) {
            evidence.put(key, key + " value");
        }
        EndpointFact fact = new EndpointFact(
                "smtp", "mail.example", 25, ProbeStatus.OK, "ehlo", Duration.ofMillis(12), evidence, Instant.EPOCH);
        evidence.put("later", "x");

        assertEquals(
                List.of("address", "greeting", "capabilities", "tls", "certificate"),
                List.copyOf(fact.evidence().keys()));
        assertThrows(
                UnsupportedOperationException.class,
                () -> fact.evidence().values().put("k", new EvidenceValue.TextValue("v")));
        assertEquals("smtp mail.example:25 OK, reached ehlo: greeting value", fact.describe());
    }

    @Test
    void typedEvidenceKeepsItsTypeAndReadsAsText() {
        Instant end = Instant.parse("2001-02-03T04:05:06Z");
        Evidence evidence = Evidence.builder()
                .list("ehlo.extensions", List.of("SIZE 1000", "STARTTLS"))
                .number("connect-ms", 7)
                .flag("cert.expired", true)
                .time("cert.not-after", end)
                .text("greeting", "220 hello")
                .build();
        assertEquals(List.of("SIZE 1000", "STARTTLS"), evidence.list("ehlo.extensions"));
        assertEquals(Optional.of(7L), evidence.number("connect-ms"));
        assertEquals(Optional.of(true), evidence.flag("cert.expired"));
        assertEquals(Optional.of(end), evidence.time("cert.not-after"));
        assertEquals(Optional.empty(), evidence.number("greeting"), "text is no number");
        assertEquals(List.of("220 hello"), evidence.list("greeting"), "a text value is a one-item list");
        assertEquals("SIZE 1000, STARTTLS", evidence.asText().get("ehlo.extensions"));
        assertEquals("2001-02-03T04:05:06Z", evidence.asText().get("cert.not-after"));
        // A list longer than the 200 characters a text value is cut to stays whole.
        List<String> many = java.util.stream.IntStream.range(0, 80)
                .mapToObj(i -> "EXTENSION" + i)
                .toList();
        assertEquals(80, Evidence.builder().list("k", many).build().list("k").size());
    }

    @Test
    void textEvidenceFromOlderCallersReadsAsNumbersAndFlagsWhereItCan() {
        Evidence e = Evidence.ofText(Map.of("n", "42", "f", "false"));
        assertEquals(Optional.of(42L), e.number("n"));
        assertEquals(Optional.of(false), e.flag("f"));
    }
}
