package ${package}.check;

import io.kbsh.model.article.ArticleBrief;
import io.kbsh.model.article.ArticleId;
import io.kbsh.model.article.ArticleStore;
import io.kbsh.model.env.Environment;
import io.kbsh.model.env.Server;
import io.kbsh.model.fact.Facts;
import io.kbsh.model.finding.Action;
import io.kbsh.model.finding.Finding;
import io.kbsh.model.finding.ObjectRef;
import io.kbsh.model.finding.Severity;
import io.kbsh.model.version.ReleaseLevel;
import io.kbsh.rules.ArticleCheck;
import java.util.ArrayList;
import java.util.List;

/**
 * ${article}: recognises the article's situation in an environment. This template reports every Exchange
 * Server of the fixing release line that runs below the fixing service pack; replace the condition, the
 * evidence and the resolution with what the article says.
 */
public final class ${article}Check implements ArticleCheck {

    /** The article. */
    public static final ArticleId ID = ArticleId.parse("${article}");
    /** The service pack that fixes the problem (the article's "STATUS" or a fix-list article says so). */
    public static final ReleaseLevel FIXED_IN = ReleaseLevel.parse("5.5 SP4");
    static final String PRODUCT = "Exchange Server";

    // What the plugin writes about its article in its own words: kbsh answers `show` and `search` from it
    // until the archive is imported. Never copy the article's sentences.
    private static final ArticleBrief BRIEF = new ArticleBrief(ID, "${title}",
            List.of("Microsoft Exchange Server 5.5"),
            "Exchange Server 5.5 below " + FIXED_IN + " has the problem; the service pack fixes it.");

    @Override
    public ArticleBrief article() {
        return BRIEF;
    }

    @Override
    public List<Finding> evaluate(Environment environment, Facts facts, ArticleStore knowledge) {
        List<Finding> findings = new ArrayList<>();
        for (Server server : environment.servers()) {
            if (!server.exchange().sameLine(FIXED_IN) || server.exchange().atLeast(FIXED_IN)) {
                continue;
            }
            ObjectRef ref = ObjectRef.server(server.id());
            findings.add(Finding.builder(ID, Severity.WARNING,
                            server.id() + " runs " + PRODUCT + " " + server.exchange() + ", which " + FIXED_IN + " fixes")
                    .affects(ref)
                    .evidence("server " + server.id() + " runs " + PRODUCT + " " + server.exchange()
                            + ", below " + FIXED_IN)
                    .action(new Action.InstallServicePack(PRODUCT, FIXED_IN, ref))
                    .build());
        }
        return findings;
    }
}
