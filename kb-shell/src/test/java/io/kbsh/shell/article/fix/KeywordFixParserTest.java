package io.kbsh.shell.article.fix;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kbsh.model.article.FixLevel;
import io.kbsh.model.version.ReleaseLevel;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KeywordFixParserTest {

    private static Optional<String> level(String keyword) {
        return KeywordFixParser.level(keyword)
                .map(k -> k.product() + " " + k.level() + (k.kind() == FixLevel.Kind.HOTFIX ? " hotfix" : ""));
    }

    @Test
    void bothSpellingsOfTheFixingPack() {
        assertEquals(Optional.of("exchange 5.5 SP2"), level("exc55sp2fix"));
        assertEquals(Optional.of("exchange 5.5 SP3"), level("EXC55SP3Fix"));
        assertEquals(Optional.of("exchange 5.5 SP4"), level("kbExchange550sp4fix"));
        assertEquals(
                Optional.of("exchange 5.0 SP2 hotfix"),
                level("kbExchange500preSP3fix"),
                "pre-SP3: a hotfix after SP2, carried by SP3");
        assertEquals(Optional.of("winnt 4.0 SP4"), level("kbWinNT400sp4fix"));
    }

    @Test
    void aHotfixBeforeThePacksFoldsIntoTheNextPack() {
        FixLevel f = new FixLevel(
                "exchange",
                ReleaseLevel.parse("5.5 SP3"),
                FixLevel.Kind.HOTFIX,
                new io.kbsh.model.article.ArticleId(1),
                FixLevel.Source.KEYWORDS);
        assertEquals(ReleaseLevel.parse("5.5 SP4"), f.fixingPack());
        assertEquals(
                KeywordFixParser.level("kbexchange550presp4fix").orElseThrow().level(), f.level());
    }

    @Test
    void otherKeywordsNameNoLevel() {
        assertEquals(Optional.empty(), level("exc55sp1"), "the level the problem is seen at, not a fix");
        assertEquals(
                Optional.empty(), level("kbexchange2000sp1fix"), "Exchange 2000 is no release line of the 5.5 form");
        assertEquals(Optional.empty(), level("kbwin2000sp1fix"));
        assertEquals(Optional.empty(), level("kbfix"));
    }
}
