package io.kbsh.shell.article.fix;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kbsh.model.article.ArticleId;
import io.kbsh.model.article.FixLevel;
import io.kbsh.model.version.ReleaseLevel;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FixConflictsTest {

    private static final ArticleId BUG = new ArticleId(900020);

    private static FixLevel level(String level, FixLevel.Kind kind, FixLevel.Source source, int listedIn) {
        return new FixLevel("exchange", ReleaseLevel.parse(level), kind, new ArticleId(listedIn), source);
    }

    @Test
    void sourcesNamingDifferentPacksForALineDisagree() {
        FixLevel list = level("5.5 SP1", FixLevel.Kind.SERVICE_PACK, FixLevel.Source.FIX_LIST, 242221);
        FixLevel status = level("5.5 SP2", FixLevel.Kind.SERVICE_PACK, FixLevel.Source.STATUS, 900020);
        List<FixConflicts> c = FixConflicts.of(BUG, List.of(status, list));
        assertEquals(1, c.size());
        assertEquals(
                Map.of(FixLevel.Source.FIX_LIST, list, FixLevel.Source.STATUS, status),
                c.get(0).bySource());
        assertEquals(list, c.get(0).trusted(), "the fix list is trusted first");
        assertEquals(
                "fix list: 5.5 SP1 (Q242221); STATUS section: 5.5 SP2", c.get(0).describe());
        assertEquals(
                list, FixTable.trusted(List.of(status, list), "exchange", "5.5").orElseThrow());
    }

    @Test
    void agreeingOrSilentSourcesAreNoConflict() {
        FixLevel list = level("5.5 SP4", FixLevel.Kind.SERVICE_PACK, FixLevel.Source.FIX_LIST, 900030);
        FixLevel preSp4 = level("5.5 SP3", FixLevel.Kind.HOTFIX, FixLevel.Source.KEYWORDS, 900020);
        FixLevel otherLine = level("5.0 SP2", FixLevel.Kind.SERVICE_PACK, FixLevel.Source.STATUS, 900020);
        assertEquals(
                List.of(),
                FixConflicts.of(BUG, List.of(list, preSp4, otherLine)),
                "a pre-SP4 hotfix is carried by SP4; another line is not compared");
    }

    @Test
    void withoutAFixListTheStatusSectionIsTrustedBeforeTheKeywords() {
        FixLevel status = level("5.5 SP3", FixLevel.Kind.SERVICE_PACK, FixLevel.Source.STATUS, 900020);
        FixLevel keywords = level("5.5 SP2", FixLevel.Kind.SERVICE_PACK, FixLevel.Source.KEYWORDS, 900020);
        assertEquals(
                status,
                FixTable.trusted(List.of(keywords, status), "exchange", "5.5").orElseThrow());
        assertEquals(
                List.of(BUG),
                FixTable.openAt(Map.of(BUG, List.of(keywords, status)), "exchange", ReleaseLevel.parse("5.5 SP2")),
                "open at SP2 by its STATUS section, though its keywords say SP2");
    }
}
