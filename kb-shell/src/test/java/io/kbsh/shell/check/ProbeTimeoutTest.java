package io.kbsh.shell.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kbsh.model.article.ArticleBrief;
import io.kbsh.model.article.ArticleId;
import io.kbsh.model.article.ArticleStore;
import io.kbsh.model.command.ExitStatus;
import io.kbsh.model.env.Environment;
import io.kbsh.model.fact.EndpointFact;
import io.kbsh.model.fact.Facts;
import io.kbsh.model.fact.ProbeStatus;
import io.kbsh.model.finding.Finding;
import io.kbsh.model.finding.ObjectRef;
import io.kbsh.model.finding.ProbeRequest;
import io.kbsh.model.finding.Severity;
import io.kbsh.rules.ArticleCheck;
import io.kbsh.shell.net.ProbeCatalogue;
import io.kbsh.shell.net.ProbeCommand;
import io.kbsh.shell.plugin.Contribution;
import io.kbsh.shell.plugin.Contributions;
import io.kbsh.testkit.RecordingContext;
import io.kbsh.testkit.net.ScriptedServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The per-probe wait takes effect through the real probe path: {@code diagnose --probe-timeout}, {@code check
 * --probe --probe-timeout} and {@code probe --timeout} against a loopback server that accepts and never says a
 * word. The probe's own fact says how long it waited (the wait the option gave, in ms), its measured latency is
 * at least that wait, and it stays well under the default of 5 s — so a run that ignored the option (and waited
 * the default) fails, and so does one that gave up before the wait.
 */
class ProbeTimeoutTest {

    static final ArticleId SILENT = new ArticleId(900010);
    /** What the default wait of 5 s would be: a run under the option must end before it. */
    static final Duration DEFAULT_WAIT = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    RecordingContext ctx;
    CheckSession session;
    CheckEngine engine;
    ScriptedServer silent;

    /** Asks whether the SMTP service greets; once a probe says it did not, that is the finding, with the fact. */
    final class GreetingCheck implements ArticleCheck {
        @Override
        public ArticleBrief article() {
            return new ArticleBrief(SILENT, "silent SMTP", List.of("Exchange 5.5"), "asks for a greeting");
        }

        @Override
        public List<Finding> evaluate(Environment env, Facts facts, ArticleStore knowledge) {
            ObjectRef server = ObjectRef.server(env.servers().get(0).id());
            boolean silentSeen = facts.newest("smtp", "127.0.0.1", silent.port())
                    .filter(f -> !f.ok())
                    .isPresent();
            return List.of(Finding.builder(
                            SILENT,
                            silentSeen ? Severity.ERROR : Severity.INFO,
                            silentSeen ? "the SMTP service does not greet" : "greeting not yet probed")
                    .affects(server)
                    .probe(ProbeRequest.of("smtp", "127.0.0.1", silent.port(), "the SMTP greeting"), server, facts)
                    .build());
        }
    }

    Contributions contributions() {
        return new Contributions() {
            @Override
            @SuppressWarnings("unchecked")
            public <T> List<Contribution<T>> of(Class<T> spi) {
                List<Contribution<T>> list = new ArrayList<>();
                if (spi == ArticleCheck.class) {
                    list.add(new Contribution<>(Optional.empty(), (T) new GreetingCheck()));
                }
                return list;
            }
        };
    }

    @BeforeEach
    void setUp() throws Exception {
        ctx = new RecordingContext(dir, dir.resolve("home"));
        session = new CheckSession();
        silent = new ScriptedServer(ScriptedServer::holdOpen);
        engine = new CheckEngine(contributions(), Clock.fixed(Instant.parse("2026-12-02T08:00:00Z"), ZoneOffset.UTC));
        Files.writeString(dir.resolve("site.json"), """
                {"schemaVersion": 1, "servers": [{"id": "EXCH1", "exchange": "5.5", "addresses": ["127.0.0.1"]}]}
                """);
    }

    @AfterEach
    void tearDown() throws Exception {
        silent.close();
    }

    private static String waitedFor(int seconds) {
        return "said nothing within " + seconds * 1000 + " ms";
    }

    /** The fact the probe left in the session: silent after connect, waited at least {@code seconds}, less than the default. */
    private EndpointFact assertWaited(int seconds) {
        EndpointFact fact =
                session.facts().newest("smtp", "127.0.0.1", silent.port()).orElseThrow();
        assertEquals(ProbeStatus.CONNECTED_SILENT, fact.status(), fact.describe());
        assertTrue(fact.evidence().text("detail").orElse("").endsWith(waitedFor(seconds)), fact.describe());
        assertTrue(
                fact.latency().compareTo(Duration.ofSeconds(seconds)) >= 0,
                "it waited the whole " + seconds + " s: " + fact.latency());
        assertTrue(fact.latency().compareTo(DEFAULT_WAIT) < 0, "not the default wait: " + fact.latency());
        return fact;
    }

    @Test
    void diagnoseWaitsForASilentServerAsLongAsProbeTimeoutSays() throws Exception {
        DiagnoseCommand diagnose = new DiagnoseCommand(session, engine);
        new EnvCommand(session, engine).run(ctx, List.of("load", "site.json"));
        ctx.reset();
        assertEquals(
                ExitStatus.FINDINGS,
                diagnose.run(ctx, List.of("--probe-timeout", "1", "--json", "--fail-on", "error")),
                ctx.output());
        JsonNode report = new ObjectMapper().readTree(ctx.output());
        assertEquals(1, report.path("probesRun").size(), report.toString());
        assertTrue(
                report.path("probesRun").get(0).path("text").asText().endsWith(waitedFor(1)),
                report.path("probesRun").toString());
        JsonNode finding = report.path("findings").get(0);
        assertEquals("the SMTP service does not greet", finding.path("summary").asText());
        assertTrue(finding.path("evidence").get(0).asText().endsWith(waitedFor(1)), finding.toString());
        assertWaited(1);

        // A longer wait is honoured as well: the new fact waited 2 s, kept beside the first.
        ctx.reset();
        diagnose.run(ctx, List.of("--probe-timeout", "2", "--fail-on", "error"));
        assertTrue(ctx.output().contains(waitedFor(2)), ctx.output());
        assertWaited(2);
        assertEquals(
                2, session.facts().history("smtp", "127.0.0.1", silent.port()).size(), "both runs are history");
        assertEquals(2, silent.accepted(), "each run connected once");
    }

    @Test
    void checkProbeTakesTheSameOption() throws Exception {
        new EnvCommand(session, engine).run(ctx, List.of("load", "site.json"));
        ctx.reset();
        assertEquals(
                ExitStatus.FINDINGS,
                new CheckCommand(session, engine)
                        .run(ctx, List.of("--probe", "--probe-timeout", "1", "--fail-on", "error")),
                ctx.output());
        assertTrue(ctx.output().contains("the SMTP service does not greet"), ctx.output());
        assertWaited(1);
    }

    @Test
    void probeWaitsAsLongAsItsTimeoutSays() throws Exception {
        ProbeCommand probe = new ProbeCommand(new ProbeCatalogue(contributions()), session);
        String port = Integer.toString(silent.port());
        assertEquals(ExitStatus.FAILED, probe.run(ctx, List.of("smtp", "127.0.0.1", port, "--timeout", "1", "--json")));
        JsonNode result = new ObjectMapper().readTree(ctx.output()).get(0);
        assertEquals("CONNECTED_SILENT", result.path("status").asText(), result.toString());
        assertTrue(result.path("evidence").path("detail").asText().endsWith(waitedFor(1)), result.toString());
        assertTrue(result.path("latencyMs").asLong() >= 1000, result.toString());
        assertWaited(1);

        ctx.reset();
        assertEquals(ExitStatus.FAILED, probe.run(ctx, List.of("smtp", "127.0.0.1", port, "--timeout", "2")));
        assertTrue(ctx.output().contains(waitedFor(2)), ctx.output());
        assertWaited(2);
    }
}
