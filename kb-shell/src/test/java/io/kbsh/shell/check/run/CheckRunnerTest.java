package io.kbsh.shell.check.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kbsh.model.article.ArticleBrief;
import io.kbsh.model.article.ArticleId;
import io.kbsh.model.article.ArticleStore;
import io.kbsh.model.env.Environment;
import io.kbsh.model.env.Server;
import io.kbsh.model.fact.Facts;
import io.kbsh.model.finding.Action;
import io.kbsh.model.finding.Finding;
import io.kbsh.model.finding.ObjectRef;
import io.kbsh.model.finding.ProbeRequest;
import io.kbsh.model.finding.Severity;
import io.kbsh.model.finding.Waiver;
import io.kbsh.model.version.ReleaseLevel;
import io.kbsh.rules.ArticleCheck;
import io.kbsh.shell.check.report.JUnitReport;
import io.kbsh.shell.check.report.JsonReport;
import io.kbsh.shell.check.report.TextReport;
import io.kbsh.shell.check.waiver.Waivers;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

class CheckRunnerTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    static final CheckRunner RUNNER = CheckRunner.withDefaultDeadline();

    static List<PluginCheck> checks(ArticleCheck... checks) {
        return java.util.Arrays.stream(checks)
                .map(c -> PluginCheck.of("test-plugin", c))
                .toList();
    }

    /** Flags every server whose Exchange level is below 5.5 SP1. */
    static final class OldServers implements ArticleCheck {
        @Override
        public ArticleBrief article() {
            return new ArticleBrief(new ArticleId(1001), "old servers", List.of("Exchange 5.5"), "test check");
        }

        @Override
        public List<Finding> evaluate(Environment env, Facts facts, ArticleStore knowledge) {
            return env.servers().stream()
                    .filter(s -> !s.exchange().atLeast(ReleaseLevel.parse("5.5 SP1")))
                    .map(s -> Finding.builder(article().id(), Severity.ERROR, "old <server> & co")
                            .affects(ObjectRef.server(s.id()))
                            .affects(new ObjectRef("site", "hq"))
                            .evidence("Exchange " + s.exchange())
                            .action(new Action.ManualStep("restart the MTA", ObjectRef.server(s.id())))
                            .probe(ProbeRequest.of("rfc1006", s.id(), 102, "MTA answers"), ObjectRef.server(s.id()))
                            .build())
                    .toList();
        }
    }

    static final class Broken implements ArticleCheck {
        @Override
        public ArticleBrief article() {
            return new ArticleBrief(new ArticleId(1002), "broken", List.of(), "throws");
        }

        @Override
        public List<Finding> evaluate(Environment env, Facts facts, ArticleStore knowledge) {
            throw new IllegalStateException("boom");
        }
    }

    static Environment env(String... levels) {
        List<Server> servers = new java.util.ArrayList<>();
        for (int i = 0; i < levels.length; i++) {
            servers.add(Server.builder("S" + i, ReleaseLevel.parse(levels[i])).build());
        }
        Environment.Builder env = Environment.builder().organisation("t");
        servers.forEach(env::server);
        return env.build();
    }

    static Waiver waiver(String object, LocalDate expires) {
        return new Waiver("Q1001", object, "accepted until the upgrade", expires);
    }

    @Test
    void waiversTurnFindingsWaivedUntilTheyExpire() {
        Waivers waivers = new Waivers(1, List.of(waiver("server:S0", TODAY), waiver("server:S1", TODAY.minusDays(1))));
        CheckReport r = RUNNER.run(
                checks(new OldServers(), new Broken()),
                env("5.5", "5.0 SP2", "5.5 SP1"),
                Facts.none(),
                ArticleStore.empty(),
                waivers,
                TODAY);
        assertEquals(2, r.outcomes().size());
        Outcome s0 = r.outcomes().stream()
                .filter(o -> o.finding().subject().id().equals("S0"))
                .findFirst()
                .orElseThrow();
        Outcome s1 = r.outcomes().stream()
                .filter(o -> o.finding().subject().id().equals("S1"))
                .findFirst()
                .orElseThrow();
        assertEquals(Outcome.Status.WAIVED, s0.status(), "a waiver is active through its expiry day");
        assertEquals(Outcome.Status.OPEN, s1.status());
        assertTrue(s1.expiredWaiver());
        assertEquals(List.of(waivers.waivers().get(1)), r.expiredWaivers());
        assertEquals(1, r.failures().size());
        assertTrue(r.failures().get(0).message().contains("boom"));
        assertTrue(r.failsAt(Severity.ERROR));
        assertFalse(r.failsAt(Severity.CRITICAL));
        assertEquals(1, r.probeRequests().size(), "the waived finding asks for no probe");
    }

    @Test
    void allWaivedMeansNoGateFailure() {
        Waivers waivers = new Waivers(1, List.of(waiver("server:S0", TODAY.plusDays(30))));
        CheckReport r =
                RUNNER.run(checks(new OldServers()), env("5.5"), Facts.none(), ArticleStore.empty(), waivers, TODAY);
        assertFalse(r.failsAt(Severity.INFO));
        assertTrue(r.worstOpen().isEmpty());
    }

    @Test
    void jsonReportCarriesSchemaAndFindings() throws Exception {
        CheckReport r = RUNNER.run(
                checks(new OldServers()), env("5.5"), Facts.none(), ArticleStore.empty(), Waivers.none(), TODAY);
        JsonNode root = new ObjectMapper().readTree(JsonReport.write(r));
        assertEquals("kbsh.check-report", root.get("schema").asText());
        assertEquals(1, root.get("schemaVersion").asInt());
        JsonNode f = root.get("findings").get(0);
        assertEquals("Q1001", f.get("article").asText());
        assertEquals("error", f.get("severity").asText());
        assertEquals("server:S0", f.get("affected").get(0).asText());
        assertEquals("manual", f.get("resolution").get(0).get("kind").asText());
        assertEquals("verify", f.get("resolution").get(1).get("kind").asText());
        assertEquals(102, f.get("probes").get(0).get("port").asInt());
        assertEquals("error", root.get("summary").get("worstOpen").asText());
    }

    @Test
    void junitXmlFailsOpenFindingsAtTheThresholdAndSkipsWaived() throws Exception {
        Waivers waivers = new Waivers(1, List.of(waiver("server:S1", TODAY.plusDays(1))));
        CheckReport r = RUNNER.run(
                checks(new OldServers(), new Broken()),
                env("5.5", "5.5"),
                Facts.none(),
                ArticleStore.empty(),
                waivers,
                TODAY);
        Document doc = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(
                        JUnitReport.write(r, Severity.ERROR).getBytes(StandardCharsets.UTF_8)));
        var suite = doc.getDocumentElement()
                .getElementsByTagName("testsuite")
                .item(0)
                .getAttributes();
        assertEquals("3", suite.getNamedItem("tests").getNodeValue());
        assertEquals("1", suite.getNamedItem("failures").getNodeValue());
        assertEquals("1", suite.getNamedItem("skipped").getNodeValue());
        assertEquals("1", suite.getNamedItem("errors").getNodeValue());
        assertEquals(
                "old <server> & co",
                doc.getElementsByTagName("failure")
                        .item(0)
                        .getAttributes()
                        .getNamedItem("message")
                        .getNodeValue());
        var names = doc.getElementsByTagName("testcase");
        assertEquals(
                "server:S0 site:hq",
                names.item(0).getAttributes().getNamedItem("name").getNodeValue(),
                "a finding's case is named by its affected objects");
        String above = JUnitReport.write(r, Severity.CRITICAL);
        assertFalse(above.contains("<failure"), "below the threshold nothing fails");
    }

    @Test
    void textReportShowsTableAndDetails() {
        CheckReport r = RUNNER.run(
                checks(new OldServers()), env("5.5"), Facts.none(), ArticleStore.empty(), Waivers.none(), TODAY);
        String text = TextReport.write(r, true);
        assertTrue(text.startsWith("SEVERITY"), text);
        assertTrue(
                text.contains("Q1001") && text.contains("because Exchange 5.5") && text.contains("1. restart the MTA"),
                text);
    }

    @Test
    void waiverFileRoundTrips(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("waivers.json");
        Files.write(file, Waivers.none().plus(waiver("server:S0", TODAY)).toJson());
        Files.write(
                file,
                Waivers.read(file)
                        .plus(waiver("server:S1", TODAY.plusDays(3)))
                        .plus(waiver("server:S0", TODAY.plusDays(1)))
                        .toJson());
        Waivers back = Waivers.read(file);
        assertEquals(2, back.waivers().size(), "a second waiver for the same finding replaces the first");
        assertEquals(TODAY.plusDays(3), back.waivers().get(0).expires());
        assertEquals(TODAY.plusDays(1), back.waivers().get(1).expires());
        Files.writeString(
                file,
                "{\"schemaVersion\": 1, \"waivers\": [{\"article\": \"Q1\", \"object\": \"server:S0\","
                        + " \"justification\": \"x\", \"expires\": \"soon\"}]}");
        var e = org.junit.jupiter.api.Assertions.assertThrows(
                io.kbsh.shell.json.JsonInputException.class, () -> Waivers.read(file));
        assertEquals("waivers[0].expires", e.fieldPath());
        assertTrue(e.problem().contains("date"), e.problem());
    }

    @Test
    void aWaiverForAnObjectKindNoEnvironmentHasIsRefused(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("waivers.json");
        Files.writeString(
                file,
                "{\"schemaVersion\": 1, \"waivers\": [\n {\"article\": \"Q1001\", \"object\": \"srv:S0\","
                        + " \"justification\": \"x\", \"expires\": \"2027-01-01\"}]}");
        var e = org.junit.jupiter.api.Assertions.assertThrows(
                io.kbsh.shell.json.JsonInputException.class, () -> Waivers.read(file));
        assertEquals(2, e.line(), e.getMessage());
        assertTrue(e.problem().contains("unknown object kind 'srv'"), e.problem());
    }
}
