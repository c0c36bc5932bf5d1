package io.kbsh.shell.article;

import io.kbsh.model.article.ArticleBrief;
import io.kbsh.model.article.ArticleId;
import io.kbsh.shell.store.LuceneArticleStore;
import java.nio.file.Path;
import java.util.List;

/** A store in {@code home} that knows one plugin brief (Q187225) and no imported archive. */
final class BriefStore {

    private BriefStore() {}

    static LuceneArticleStore withQ187225(Path home) {
        return new LuceneArticleStore(
                home.resolve("index"),
                () -> List.of(new ArticleBrief(
                        new ArticleId(187225),
                        "XCON: Clustered MTA Generates Socket Errors w/X.400 Connections",
                        List.of("Microsoft Exchange Server 5.5"),
                        "Clustered MTA and X.400 over TCP/IP.")));
    }
}
