package ${package}.check;

import static io.kbsh.testkit.FindingAssert.assertThat;

import io.kbsh.model.env.Environment;
import io.kbsh.model.env.Server;
import io.kbsh.model.fact.Facts;
import io.kbsh.model.finding.Action;
import io.kbsh.model.finding.Finding;
import io.kbsh.model.finding.ObjectRef;
import io.kbsh.model.finding.Severity;
import io.kbsh.model.version.ReleaseLevel;
import io.kbsh.testkit.InMemoryArticleStore;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The check against environments built in Java (the API's builders) and asserted with the test kit. */
class ${article}CheckTest {

    private final InMemoryArticleStore store = new InMemoryArticleStore();

    private static Environment site(String... exchangeLevels) {
        Environment.Builder site = Environment.builder();
        for (int i = 0; i < exchangeLevels.length; i++) {
            site.server(Server.builder("EXCH" + (i + 1), ReleaseLevel.parse(exchangeLevels[i])).build());
        }
        return site.build();
    }

    private List<Finding> check(Environment environment) {
        return new ${article}Check().evaluate(environment, Facts.none(), store);
    }

    @Test
    void aServerBelowTheFixingPackIsReported() {
        assertThat(check(site("5.5 SP2", "5.5 SP4")))
                .single()
                .isAbout("${article}")
                .hasSeverity(Severity.WARNING)
                .affects(ObjectRef.server("EXCH1"))
                .hasEvidence("runs Exchange Server 5.5 SP2, below 5.5 SP4")
                .resolves(Action.InstallServicePack.class);
    }

    @Test
    void fixedServersAndOtherReleaseLinesAreNotAffected() {
        assertThat(check(site("5.5 SP4", "5.5 SP5", "5.0", "4.0 SP5"))).isEmpty();
    }
}
