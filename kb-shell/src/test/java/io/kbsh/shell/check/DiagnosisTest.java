package io.kbsh.shell.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kbsh.ini.writer.IniWriter;
import io.kbsh.model.article.ArticleBrief;
import io.kbsh.model.article.ArticleId;
import io.kbsh.model.article.ArticleStore;
import io.kbsh.model.command.ExitStatus;
import io.kbsh.model.env.Environment;
import io.kbsh.model.fact.Facts;
import io.kbsh.model.finding.Finding;
import io.kbsh.model.finding.ObjectRef;
import io.kbsh.model.finding.ProbeRequest;
import io.kbsh.model.finding.Severity;
import io.kbsh.net.probe.Probe;
import io.kbsh.rules.ArticleCheck;
import io.kbsh.shell.net.ProbeCatalogue;
import io.kbsh.shell.net.ProbeCommand;
import io.kbsh.shell.plugin.Contribution;
import io.kbsh.shell.plugin.Contributions;
import io.kbsh.testkit.BannerProbe;
import io.kbsh.testkit.RecordingContext;
import io.kbsh.testkit.net.DnsTestServer;
import io.kbsh.testkit.net.ScriptedServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check}, {@code check --probe} and {@code diagnose} through the one {@link DiagnosisService}: options
 * that apply to the invocation naming them, waived findings asking for no probes, probe options reaching the
 * probes, one catalogue of probes, and the text a person reads. Every probe goes to loopback: a greeter for
 * the endpoint probes and a DNS server for MX (named with {@code --dns} on every probing run).
 */
class DiagnosisTest {

    static final ArticleId QUIET = new ArticleId(900002);
    static final ArticleId MX = new ArticleId(900003);
    static final ArticleId BANNER = new ArticleId(900004);

    @TempDir
    Path dir;

    RecordingContext ctx;
    CheckSession session;
    CheckEngine engine;
    ScriptedServer greeter;
    DnsTestServer dns;
    String dnsOption;

    /** Finds nothing: an article that did not apply. */
    static final class QuietCheck implements ArticleCheck {
        @Override
        public ArticleBrief article() {
            return new ArticleBrief(QUIET, "quiet article", List.of("Exchange 5.5"), "never applies");
        }

        @Override
        public List<Finding> evaluate(Environment env, Facts facts, ArticleStore knowledge) {
            return List.of();
        }
    }

    /** Asks for the MX hosts of kbsh.test until a fact says them, then names them. */
    static final class MxCheck implements ArticleCheck {
        @Override
        public ArticleBrief article() {
            return new ArticleBrief(MX, "mx article", List.of("Exchange 5.5"), "asks MX");
        }

        @Override
        public List<Finding> evaluate(Environment env, Facts facts, ArticleStore knowledge) {
            ObjectRef server = ObjectRef.server(env.servers().get(0).id());
            Finding.Builder f = Finding.builder(MX, Severity.WARNING, "MX hosts of kbsh.test")
                    .affects(server)
                    .probe(ProbeRequest.of("mx", "kbsh.test", 0, "which MX hosts kbsh.test has"), server);
            facts.mx("kbsh.test")
                    .ifPresent(mx -> f.evidence("MX hosts: " + mx.hosts().size()));
            return List.of(f.build());
        }
    }

    /** Asks the plugin's own probe ({@code banner}) about the greeter. */
    final class BannerCheck implements ArticleCheck {
        @Override
        public ArticleBrief article() {
            return new ArticleBrief(BANNER, "banner article", List.of("Exchange 5.5"), "asks a plugin's probe");
        }

        @Override
        public List<Finding> evaluate(Environment env, Facts facts, ArticleStore knowledge) {
            ObjectRef server = ObjectRef.server(env.servers().get(0).id());
            return List.of(Finding.builder(BANNER, Severity.INFO, "banner unknown")
                    .affects(server)
                    .probe(ProbeRequest.of("banner", "127.0.0.1", greeter.port(), "the banner"), server, facts)
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
                    for (ArticleCheck c : List.of(
                            new CheckCommandsTest.MtaCheck(), new QuietCheck(), new MxCheck(), new BannerCheck())) {
                        list.add(new Contribution<>(Optional.empty(), (T) c));
                    }
                } else if (spi == IniWriter.class) {
                    list.add(new Contribution<>(Optional.empty(), (T) new CheckCommandsTest.TestWriter()));
                } else if (spi == Probe.class) {
                    list.add(new Contribution<>(Optional.empty(), (T) new BannerProbe()));
                }
                return list;
            }
        };
    }

    @BeforeEach
    void setUp() throws Exception {
        ctx = new RecordingContext(dir, dir.resolve("home"));
        session = new CheckSession();
        greeter = new ScriptedServer(client -> ScriptedServer.send(client, "220 test\r\n"));
        dns = new DnsTestServer().mx("kbsh.test", 10, "mx1.kbsh.test").a("mx1.kbsh.test", "127.0.0.1");
        dnsOption = "127.0.0.1:" + dns.address().getPort();
        engine = new CheckEngine(contributions(), Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC));
        Files.createDirectories(dir.resolve("collected"));
        Files.writeString(dir.resolve("collected/mspclnt.ini"), "[Common]\r\nPort=1745\r\n");
        Files.writeString(dir.resolve("site.json"), site("EXCH1"));
        Files.writeString(dir.resolve("other.json"), site("EXCH9"));
    }

    private String site(String server) {
        return """
                {"schemaVersion": 1,
                 "servers": [{"id": "%s", "exchange": "5.5", "addresses": ["127.0.0.1_%d"],
                   "iniFiles": [{"serverPath": "C:\\\\Mspclnt\\\\Mspclnt.ini", "localCopy": "collected/mspclnt.ini"}]}]}
                """.formatted(server, greeter.port());
    }

    @AfterEach
    void tearDown() throws Exception {
        greeter.close();
        dns.close();
    }

    int run(io.kbsh.model.command.ShellCommand command, String... words) throws Exception {
        return command.run(ctx, List.of(words));
    }

    private static int count(String text, String part) {
        Matcher m = Pattern.compile(Pattern.quote(part)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Test
    void waiversApplyToTheInvocationThatNamesThemAndWaivedFindingsAskForNoProbes() throws Exception {
        run(new EnvCommand(session, engine), "load", "site.json");
        run(
                new WaiveCommand(session, engine),
                "add",
                "Q900001",
                "server:EXCH1",
                "--until",
                "2026-12-31",
                "--reason",
                "upgrade booked",
                "--file",
                "w.json");
        assertFalse(Files.exists(dir.resolve("home/waivers.json")), "waive --file wrote only the file it names");
        CheckCommand check = new CheckCommand(session, engine);
        ctx.reset();
        assertEquals(
                ExitStatus.FINDINGS,
                run(check, "--waivers", "w.json", "--probe", "--dns", dnsOption, "--fail-on", "warning"));
        assertTrue(ctx.output().matches("(?s).*error +Q900001 +builtin +server:EXCH1 +waived.*"), ctx.output());
        assertTrue(
                session.facts().history("tcp", "127.0.0.1", greeter.port()).isEmpty(),
                "the waived finding's tcp probe did not run");
        assertTrue(session.facts().mx("kbsh.test").isPresent(), "the open finding's probe did");

        ctx.reset();
        assertEquals(
                ExitStatus.FINDINGS, run(check, "--fail-on", "error"), "without --waivers the finding is open again");
        assertTrue(ctx.output().matches("(?s).*error +Q900001 +builtin +server:EXCH1 +open.*"), ctx.output());
        ctx.reset();
        run(new WaiveCommand(session, engine), "list");
        assertTrue(
                ctx.output().contains("No waivers") || !ctx.output().contains("Q900001"),
                "waive list reads the home's file again: " + ctx.output());
    }

    @Test
    void envAppliesToTheInvocationThatNamesIt() throws Exception {
        run(new EnvCommand(session, engine), "load", "site.json");
        ctx.reset();
        run(new DiagnoseCommand(session, engine), "--env", "other.json", "--dns", dnsOption, "--json");
        JsonNode report = new ObjectMapper().readTree(ctx.output());
        assertTrue(report.toString().contains("server:EXCH9"), "the run checked the file it names");
        assertEquals(3, report.path("probesRun").size(), "it probed: " + report.path("probesRun"));
        assertEquals(3, report.path("summary").path("facts").asInt(), "its second evaluation saw its own facts");
        assertEquals("EXCH1", session.requireEnvironment().servers().get(0).id(), "the session keeps its environment");
        assertTrue(session.environmentFile().orElseThrow().endsWith("site.json"));
        assertTrue(session.facts().isEmpty(), "facts about another file's site stay out of the session");

        ctx.reset();
        run(new CheckCommand(session, engine));
        assertTrue(ctx.output().contains("server:EXCH1") && !ctx.output().contains("EXCH9"), ctx.output());
    }

    @Test
    void probeOptionsAndTheCatalogueServeDiagnoseAsTheyServeProbe() throws Exception {
        ProbeCommand probe = new ProbeCommand(new ProbeCatalogue(contributions()), session);
        assertTrue(
                probe.subcommands().containsAll(List.of("banner", "tcp", "mx", "ptr", "soa")),
                probe.subcommands().toString());

        run(new EnvCommand(session, engine), "load", "site.json");
        ctx.reset();
        assertEquals(
                ExitStatus.OK, run(new DiagnoseCommand(session, engine), "--dns", dnsOption, "--probe-timeout", "3"));
        assertTrue(dns.queries() > 0, "the MX look-up asked the DNS server --dns names");
        assertEquals(
                "mx1.kbsh.test",
                session.facts().mx("kbsh.test").orElseThrow().hosts().get(0).name());
        assertEquals(
                "banner",
                session.facts()
                        .newest("banner", "127.0.0.1", greeter.port())
                        .orElseThrow()
                        .stage(),
                "diagnose ran the plugin's probe from the same catalogue");
    }

    @Test
    void checkEndsWithASummaryTheNextStepTitlesAndWhatDidNotApply() throws Exception {
        run(new EnvCommand(session, engine), "load", "site.json");
        ctx.reset();
        run(new CheckCommand(session, engine));
        String out = ctx.output();
        assertFalse(out.contains("SCOPE"), "the table has no unexplained SCOPE column: " + out);
        assertTrue(out.contains("\nQ900001 test article\n  on server:EXCH1 (error, plugin builtin)"), out);
        assertTrue(out.contains("Did not apply (checked, nothing found):\n  Q900002  quiet article\n"), out);
        String[] lines = out.strip().split("\n");
        assertEquals(
                "3 open (1 error, 1 warning, 1 info), 0 waived; 4 articles checked, 1 did not apply, 0 checks failed.",
                lines[lines.length - 2]);
        assertEquals(
                "Next: 'diagnose' probes what the findings ask about and prints the plan; 'fix plan Q900001' shows"
                        + " the INI change as a diff.",
                lines[lines.length - 1]);
    }

    @Test
    void diagnosePrintsEachStepAndEachProbeOnce() throws Exception {
        run(new EnvCommand(session, engine), "load", "site.json");
        ctx.reset();
        run(new DiagnoseCommand(session, engine), "--dns", dnsOption);
        String out = ctx.output();
        assertTrue(
                out.startsWith("Step 1. Checked 4 article(s): 3 open finding(s).\nStep 2. Probing 3 endpoint(s)"), out);
        assertTrue(out.contains("Step 3. Checked again with the probes' facts: "), out);
        String endpoint = "tcp 127.0.0.1:" + greeter.port();
        assertEquals(1, count(out, endpoint + " ok"), "the tcp probe's result is printed once, as step 2: " + out);
        assertEquals(1, count(out, "verify: " + endpoint), "and verifying is a step of the plan, once: " + out);
        assertEquals(1, count(out, "banner 127.0.0.1:" + greeter.port() + " ok"), out);
        assertEquals(1, count(out, "restart the MTA"), "a step is printed once, in the plan: " + out);
        assertEquals(1, count(out, "run INI writer test-writer"), out);
        assertTrue(out.contains("\nPlan:\n  1. Q900001 test article\n     on server:EXCH1 (error)\n"), out);
        assertTrue(
                out.strip()
                        .endsWith("Next: 'fix plan' shows the INI changes as diffs; 'fix apply' makes them on the"
                                + " collected copies."),
                out);
    }
}
