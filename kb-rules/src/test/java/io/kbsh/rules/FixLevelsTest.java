package io.kbsh.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kbsh.model.article.ArticleId;
import io.kbsh.model.article.ArticleStore;
import io.kbsh.model.article.FixLevel;
import io.kbsh.model.finding.FixReference;
import io.kbsh.model.version.ReleaseLevel;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FixLevelsTest {

    static final ArticleId ARTICLE = new ArticleId(166604);

    static ReleaseLevel lvl(String s) {
        return ReleaseLevel.parse(s);
    }

    /** A store that knows only the given fix levels. */
    static ArticleStore storeFixing(FixLevel... fixes) {
        ArticleStore empty = ArticleStore.empty();
        return new ArticleStore() {
            public java.util.Optional<io.kbsh.model.article.Article> find(ArticleId id) {
                return empty.find(id);
            }

            public List<io.kbsh.model.article.SearchHit> search(String q, int limit) {
                return empty.search(q, limit);
            }

            public List<ArticleId> citedBy(ArticleId id) {
                return empty.citedBy(id);
            }

            public List<FixLevel> fixedIn(ArticleId id) {
                return id.equals(ARTICLE) ? List.of(fixes) : List.of();
            }
        };
    }

    @Test
    void eachReleaseLineIsAnsweredOnItsOwn() {
        FixLevels fix = FixLevels.resolve(
                ARTICLE,
                "Exchange Server",
                "exchange",
                List.of(lvl("4.0 SP5"), lvl("5.0 SP1")),
                "plugin",
                ArticleStore.empty());
        assertTrue(fix.affected(lvl("4.0 SP4")));
        assertFalse(fix.affected(lvl("4.0 SP5")));
        assertTrue(fix.affected(lvl("5.0")), "5.0 without a pack is affected by a bug 5.0 SP1 fixed");
        assertFalse(fix.affected(lvl("5.0 SP2")));
        assertTrue(fix.affected(lvl("5.5")), "no fix recorded for 5.5: nothing proves it fixed");
        assertEquals(FixReference.Origin.PLUGIN, fix.referenceFor(lvl("5.0")).origin());
        assertEquals(FixReference.Origin.NONE, fix.referenceFor(lvl("5.5")).origin());
        assertEquals(Optional.empty(), fix.referenceFor(lvl("5.5")).level());
    }

    @Test
    void theStoresAnswerOverridesThePluginsFact() {
        ArticleStore store = storeFixing(
                new FixLevel(
                        "Microsoft Exchange Server", lvl("5.0 SP2"), FixLevel.Kind.SERVICE_PACK, new ArticleId(999001)),
                new FixLevel(
                        "Microsoft Proxy Server", lvl("5.0 SP1"), FixLevel.Kind.SERVICE_PACK, new ArticleId(999002)));
        FixLevels fix = FixLevels.resolve(
                ARTICLE, "Exchange Server", "exchange", List.of(lvl("4.0 SP5"), lvl("5.0 SP1")), "plugin", store);
        assertTrue(fix.affected(lvl("5.0 SP1")), "the store says 5.0 SP2, so SP1 is still affected");
        FixReference ref = fix.referenceFor(lvl("5.0 SP1"));
        assertEquals(FixReference.Origin.ARTICLE_STORE, ref.origin());
        assertEquals(Optional.of(lvl("5.0 SP2")), ref.level());
        assertTrue(ref.note().contains("Q999001"));
        assertEquals(
                FixReference.Origin.PLUGIN,
                fix.referenceFor(lvl("4.0")).origin(),
                "other lines keep the plugin's fact");
    }

    @Test
    void aHotfixAfterAPackIsNotInThatPack() {
        ArticleStore store = storeFixing(
                new FixLevel("Exchange Server", lvl("5.5 SP2"), FixLevel.Kind.HOTFIX, new ArticleId(999003)));
        FixLevels fix = FixLevels.resolve(ARTICLE, "Exchange Server", "exchange", List.of(), "plugin", store);
        assertTrue(fix.affected(lvl("5.5 SP2")));
        assertFalse(fix.affected(lvl("5.5 SP3")));
    }

    @Test
    void anotherProductsFixListDoesNotCountEvenWhenItsNameContainsThisOne() {
        ArticleStore store = storeFixing(
                new FixLevel("exchange-client", lvl("5.0 SP1"), FixLevel.Kind.SERVICE_PACK, new ArticleId(999004)),
                new FixLevel("exchange", lvl("5.5 SP1"), FixLevel.Kind.SERVICE_PACK, new ArticleId(999005)));
        FixLevels fix = FixLevels.resolve(ARTICLE, "Exchange Server", "exchange", List.of(), "plugin", store);
        assertEquals(
                FixReference.Origin.NONE,
                fix.referenceFor(lvl("5.0")).origin(),
                "the Exchange Client's list is not the server's");
        assertEquals(
                Optional.of(lvl("5.5 SP1")), fix.referenceFor(lvl("5.5")).level(), "the store's canonical id matches");
    }
}
