package io.kbsh.model.fact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EndpointFactTest {

    @Test
    void evidenceKeepsTheOrderItWasGatheredInAndCannotChange() {
        Map<String, String> evidence = new LinkedHashMap<>();
        for (String key : List.of("address", "greeting", "capabilities", "tls", "certificate")) {
            evidence.put(key, key + " value");
        }
        EndpointFact fact = new EndpointFact("smtp", "mail.example", 25, ProbeStatus.OK, "ehlo",
                Duration.ofMillis(12), evidence, Instant.EPOCH);
        evidence.put("later", "x");

        assertEquals(List.of("address", "greeting", "capabilities", "tls", "certificate"), List.copyOf(fact.evidence().keySet()));
        assertThrows(UnsupportedOperationException.class, () -> fact.evidence().put("k", "v"));
        assertEquals("smtp mail.example:25 OK, reached ehlo: greeting value", fact.describe());
    }
}
