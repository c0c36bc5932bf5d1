package io.kbsh.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kbsh.model.article.ArticleBrief;
import io.kbsh.model.article.ArticleId;
import io.kbsh.model.fact.MxFact;
import io.kbsh.model.fact.ProbeStatus;
import io.kbsh.model.finding.Finding;
import io.kbsh.model.finding.ObjectRef;
import io.kbsh.model.finding.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The kit's builders, store and assertions do what their documentation says. */
class KitTest {

    @Test
    void mxVerdictsFollowFromTheHostsAsTheProbeComputesThem() {
        MxFact firstDown = TestFacts.mx("partner.test")
                .down("mx1", 10, "192.0.2.1", ProbeStatus.TIMEOUT)
                .up("mx2", 20, "192.0.2.2")
                .build();
        assertTrue(firstDown.fallbackDelivers());
        assertTrue(firstDown.firstDownLaterUp());
        MxFact allUp = TestFacts.mx("partner.test")
                .up("mx1", 10, "192.0.2.1")
                .up("mx2", 20, "192.0.2.2")
                .build();
        assertFalse(allUp.firstDownLaterUp());
        MxFact allDown = TestFacts.mx("partner.test")
                .down("mx1", 10, "192.0.2.1", ProbeStatus.REFUSED)
                .build();
        assertFalse(allDown.fallbackDelivers());
    }

    @Test
    void theStoreSearchesEveryWordAndListsCitations() {
        InMemoryArticleStore store = new InMemoryArticleStore()
                .add(new ArticleBrief(
                        ArticleId.parse("Q100001"), "XCON: MTA socket errors", List.of(), "The MTA fails."))
                .add(new ArticleBrief(
                        ArticleId.parse("Q100002"), "XFOR: IMS retries", List.of(), "The IMS retries the MTA."));
        assertEquals(
                List.of(ArticleId.parse("Q100001")),
                store.search("mta socket", 10).stream().map(h -> h.id()).toList());
        assertEquals(2, store.search("MTA", 10).size());
        assertEquals(2, store.size());
        assertEquals(List.of(ArticleId.parse("Q100001")), store.idsStartingWith("Q1000", 1));
    }

    @Test
    void findingAssertionsFailWithTheFindingsShown() {
        Finding f = Finding.builder(ArticleId.parse("Q100001"), Severity.ERROR, "the MTA fails")
                .affects(ObjectRef.server("EXCH1"))
                .evidence("socket error 10048")
                .build();
        FindingAssert.assertThat(List.of(f))
                .single()
                .hasSeverity(Severity.ERROR)
                .affects(ObjectRef.server("EXCH1"))
                .hasEvidence("10048")
                .isAbout("Q100001");
        AssertionError wrong = assertThrows(
                AssertionError.class, () -> FindingAssert.assertThat(f).hasSeverity(Severity.WARNING));
        assertTrue(
                wrong.getMessage().contains("severity WARNING")
                        && wrong.getMessage().contains("socket error 10048"),
                wrong.getMessage());
        assertThrows(
                AssertionError.class, () -> FindingAssert.assertThat(List.of(f)).isEmpty());
        assertThrows(
                AssertionError.class,
                () -> FindingAssert.assertThat(List.<Finding>of()).single());
    }
}
