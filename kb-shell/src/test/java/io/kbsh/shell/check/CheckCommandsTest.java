package io.kbsh.shell.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kbsh.ini.document.IniDocument;
import io.kbsh.ini.plan.IniEdit;
import io.kbsh.ini.plan.IniPlan;
import io.kbsh.ini.writer.IniWriter;
import io.kbsh.ini.writer.IniWriterException;
import io.kbsh.ini.writer.WriterArguments;
import io.kbsh.ini.writer.WriterParameter;
import io.kbsh.model.article.ArticleBrief;
import io.kbsh.model.article.ArticleId;
import io.kbsh.model.article.ArticleStore;
import io.kbsh.model.command.CommandException;
import io.kbsh.model.command.ExitStatus;
import io.kbsh.model.env.Environment;
import io.kbsh.model.env.IniFile;
import io.kbsh.model.env.Server;
import io.kbsh.model.fact.EndpointFact;
import io.kbsh.model.fact.Facts;
import io.kbsh.model.finding.Action;
import io.kbsh.model.finding.Finding;
import io.kbsh.model.finding.ObjectRef;
import io.kbsh.model.finding.ProbeRequest;
import io.kbsh.model.finding.Severity;
import io.kbsh.rules.ArticleCheck;
import io.kbsh.shell.plugin.Contribution;
import io.kbsh.shell.plugin.Contributions;
import io.kbsh.testkit.RecordingContext;
import io.kbsh.testkit.net.ScriptedServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandsTest {

    static final ArticleId ARTICLE = new ArticleId(900001);

    @TempDir
    Path dir;

    RecordingContext ctx;
    CheckSession session;
    CheckEngine engine;
    ScriptedServer listener;

    /**
     * Flags each server whose collected Mspclnt.ini lacks "[EMSMTA] Disable=1"; asks for a tcp probe of the
     * server's first address and reports what the probe found.
     */
    static final class MtaCheck implements ArticleCheck {
        @Override
        public ArticleBrief article() {
            return new ArticleBrief(ARTICLE, "test article", List.of("Exchange 5.5"), "test");
        }

        @Override
        public List<Finding> evaluate(Environment env, Facts facts, ArticleStore knowledge) {
            return env.servers().stream()
                    .filter(s -> !fixed(s))
                    .map(s -> {
                        ObjectRef target = ObjectRef.server(s.id());
                        String[] hostPort = s.addresses().get(0).split("_");
                        int port = Integer.parseInt(hostPort[1]);
                        Finding.Builder f = Finding.builder(ARTICLE, Severity.ERROR, "MTA not exempted")
                                .affects(target)
                                .evidence("Mspclnt.ini lacks [EMSMTA] Disable=1")
                                .action(new Action.RunIniWriter(
                                        "test-writer", Map.of(), s.iniFiles().get(0), target))
                                .action(new Action.ManualStep("restart the MTA", target))
                                .probe(
                                        ProbeRequest.of("tcp", hostPort[0], port, "the MTA port answers"),
                                        target,
                                        facts);
                        return f.build();
                    })
                    .toList();
        }

        private static boolean fixed(Server s) {
            IniFile f = s.iniFiles().get(0);
            try {
                return f.localCopy().isPresent()
                        && IniDocument.read(f.localCopy().get()).getInt("EMSMTA", "Disable", 0) == 1;
            } catch (IOException e) {
                return false;
            }
        }
    }

    /** Writes [EMSMTA] Disable=1; refuses a missing file, as the real Mspclnt.ini writer does. */
    static final class TestWriter implements IniWriter {
        public String id() {
            return "test-writer";
        }

        public ArticleId article() {
            return ARTICLE;
        }

        public String summary() {
            return "test";
        }

        public String targetFileName() {
            return "Mspclnt.ini";
        }

        public String targetLocation() {
            return "C:\\Mspclnt";
        }

        public List<WriterParameter> parameters() {
            return List.of();
        }

        public IniPlan plan(Path file, Optional<IniDocument> current, WriterArguments arguments)
                throws IniWriterException {
            return IniPlan.of(file, current, List.of(new IniEdit.Set("EMSMTA", "Disable", "1")), List.of());
        }
    }

    @BeforeEach
    void setUp() throws Exception {
        ctx = new RecordingContext(dir, dir.resolve("home"));
        session = new CheckSession();
        // A TCP service that greets and is done: what the test check asks the tcp probe to reach.
        listener = new ScriptedServer(client -> ScriptedServer.send(client, "220 test\r\n"));
        engine = new CheckEngine(contributions(), Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC));
        Files.createDirectories(dir.resolve("collected"));
        Files.writeString(dir.resolve("collected/mspclnt.ini"), "[Common]\r\nPort=1745\r\n");
        // The test check reads "host_port" from the first address to know where to probe.
        Files.writeString(dir.resolve("site.json"), """
                {"schemaVersion": 1,
                 "servers": [{"id": "EXCH1", "exchange": "5.5", "addresses": ["127.0.0.1_%d"],
                   "iniFiles": [{"serverPath": "C:\\\\Mspclnt\\\\Mspclnt.ini", "localCopy": "collected/mspclnt.ini"}]}]}
                """.formatted(listener.port()));
    }

    @AfterEach
    void tearDown() throws Exception {
        listener.close();
    }

    /** The test check and writer, as if a plugin contributed them. */
    static Contributions contributions() {
        return new Contributions() {
            @Override
            @SuppressWarnings("unchecked")
            public <T> List<Contribution<T>> of(Class<T> spi) {
                if (spi == ArticleCheck.class) {
                    return List.of(new Contribution<>(Optional.empty(), (T) new MtaCheck()));
                }
                if (spi == IniWriter.class) {
                    return List.of(new Contribution<>(Optional.empty(), (T) new TestWriter()));
                }
                return List.of();
            }
        };
    }

    int run(io.kbsh.model.command.ShellCommand command, String... words) throws CommandException {
        return command.run(ctx, List.of(words));
    }

    @Test
    void badEnvironmentFileIsOneLineWithLocation() throws Exception {
        Files.writeString(
                dir.resolve("bad.json"),
                "{\n  \"schemaVersion\": 1,\n  \"servers\": [{\"id\": \"A\", \"exchange\": \"9.9\"}]\n}");
        CommandException e =
                assertThrows(CommandException.class, () -> run(new EnvCommand(session, engine), "load", "bad.json"));
        assertTrue(
                e.getMessage()
                        .matches(
                                ".*bad\\.json:3:\\d+: servers\\[0\\]\\.exchange: Exchange Server has no version 9\\.9.*"),
                e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        assertTrue(session.environment().isEmpty());
    }

    @Test
    void checkPrintsFindingsAndGatesOnSeverity() throws Exception {
        assertEquals(ExitStatus.OK, run(new EnvCommand(session, engine), "load", "site.json"));
        assertTrue(ctx.output().contains("1 server(s)"));
        CheckCommand check = new CheckCommand(session, engine);
        assertEquals(ExitStatus.FINDINGS, run(check, "--fail-on", "error", "--junit", "out/report.xml"));
        assertTrue(ctx.output().contains("Q900001") && ctx.output().contains("server:EXCH1"), ctx.output());
        assertTrue(Files.readString(dir.resolve("out/report.xml")).contains("<failure type=\"error\""));
        assertEquals(ExitStatus.OK, run(check, "--fail-on", "critical", "--junit", "out/report.xml"));
        assertFalse(
                Files.readString(dir.resolve("out/report.xml")).contains("<failure"), "below critical nothing fails");
        try (var files = Files.list(dir.resolve("out"))) {
            List<Path> backups = files.filter(f -> !f.getFileName().toString().equals("report.xml"))
                    .filter(f -> !f.getFileName().toString().endsWith(".kbsh-lock"))
                    .toList();
            assertEquals(1, backups.size(), "the previous report is kept as a backup");
            assertTrue(Files.readString(backups.get(0)).contains("<failure type=\"error\""));
        }
        assertEquals(ExitStatus.OK, run(check));
        assertEquals(ExitStatus.OK, run(check, "--junit", "out/default.xml"));
        assertTrue(
                Files.readString(dir.resolve("out/default.xml")).contains("<failure type=\"error\""),
                "without --fail-on an open error fails the JUnit case");
        assertThrows(io.kbsh.model.command.UsageException.class, () -> run(check, "--fail-on", "severe"));
        assertThrows(io.kbsh.model.command.UsageException.class, () -> run(check, "Q1"));
        assertThrows(
                io.kbsh.model.command.UsageException.class,
                () -> run(check, "--timeout", "-3"),
                "a bad timeout is refused even when nothing is probed");
    }

    @Test
    void checkJsonFollowsTheSchema() throws Exception {
        ctx.reset();
        assertEquals(ExitStatus.OK, run(new CheckCommand(session, engine), "--env", "site.json", "--json"));
        JsonNode root = new ObjectMapper().readTree(ctx.output());
        assertEquals("kbsh.check-report", root.get("schema").asText());
        assertEquals(
                "ini-writer",
                root.get("findings").get(0).get("resolution").get(0).get("kind").asText());
    }

    @Test
    void waiversSilenceTheGateUntilTheyExpire() throws Exception {
        run(new EnvCommand(session, engine), "load", "site.json");
        WaiveCommand waive = new WaiveCommand(session, engine);
        assertEquals(List.of("server:EXCH1"), waive.candidates(ctx, List.of("add", "Q900001")));
        run(waive, "add", "Q900001", "server:EXCH1", "--until", "2026-11-25", "--reason", "upgrade booked");
        CheckCommand check = new CheckCommand(session, engine);
        ctx.reset();
        assertEquals(ExitStatus.OK, run(check, "--fail-on", "info"));
        assertTrue(ctx.output().contains("waived"), ctx.output());
        assertThrows(
                io.kbsh.model.command.UsageException.class,
                () -> run(waive, "add", "Q900001", "server:EXCH1", "--until", "2026-11-24", "--reason", "late"));
        var typo = assertThrows(
                io.kbsh.model.command.UsageException.class,
                () -> run(waive, "add", "Q900001", "srv:EXCH1", "--until", "2026-12-24", "--reason", "typo"));
        assertTrue(typo.getMessage().contains("unknown object kind 'srv'"), typo.getMessage());
        ctx.reset();
        run(waive, "add", "Q900001", "server:exch1", "--until", "2026-12-24", "--reason", "other case");
        assertTrue(
                ctx.err.toString().contains("warning: the loaded environment has no server:exch1"), ctx.err.toString());
        run(waive, "remove", "Q900001", "server:exch1");
        // Tomorrow the waiver has expired: the finding is open again and the waiver is reported.
        CheckEngine later =
                new CheckEngine(contributions(), Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC));
        ctx.reset();
        assertEquals(ExitStatus.FINDINGS, run(new CheckCommand(session, later), "--fail-on", "error"));
        assertTrue(ctx.output().contains("expired waiver: Q900001 server:EXCH1"), ctx.output());
        run(new WaiveCommand(session, later), "list");
        assertTrue(ctx.output().contains("expired"));
        assertTrue(Files.exists(dir.resolve("home/waivers.json")));
    }

    @Test
    void diagnoseProbesOnLoopbackAndPrintsThePlan() throws Exception {
        run(new EnvCommand(session, engine), "load", "site.json");
        ctx.reset();
        assertEquals(ExitStatus.OK, run(new DiagnoseCommand(session, engine), "--timeout", "10"));
        String out = ctx.output();
        assertTrue(out.contains("  1. tcp 127.0.0.1:" + listener.port() + " ok"), out);
        assertTrue(
                out.contains("Plan:")
                        && out.contains("run INI writer test-writer")
                        && out.contains("restart the MTA")
                        && out.contains("verify: tcp 127.0.0.1:" + listener.port()),
                out);
        assertEquals(1, session.facts().all().size());
        EnvCommand env = new EnvCommand(session, engine);
        ctx.reset();
        run(env, "show");
        assertTrue(
                ctx.output().contains("EXCH1") && ctx.output().contains("C:\\Mspclnt\\Mspclnt.ini (copy: "),
                ctx.output());
        ctx.reset();
        run(env, "facts");
        assertTrue(ctx.output().contains("tcp 127.0.0.1:" + listener.port() + " ok"), ctx.output());
        ctx.reset();
        run(new DiagnoseCommand(session, engine), "--json");
        JsonNode root = new ObjectMapper().readTree(ctx.output());
        assertEquals(1, root.get("probesRun").size());
        // A second run keeps the first fact beside the new one (issue 10): the newest decides, evidence shows both.
        List<EndpointFact> history = session.facts().history("tcp", "127.0.0.1", listener.port());
        assertEquals(2, history.size(), "a second run keeps the older fact about the same endpoint");
        assertTrue(history.get(0).observedAt().compareTo(history.get(1).observedAt()) <= 0, "oldest first");
        assertEquals(
                history.get(1),
                session.facts().newest("tcp", "127.0.0.1", listener.port()).orElseThrow());
        assertTrue(root.toString().contains("probe earlier ("), "the finding's evidence shows the history: " + root);
        assertEquals("Q900001", root.get("plan").get(0).get("article").asText());
        run(env, "facts", "--clear");
        assertTrue(session.facts().isEmpty());
    }

    @Test
    void fixPlanThenApplyEditsTheCollectedCopyWithABackup() throws Exception {
        run(new EnvCommand(session, engine), "load", "site.json");
        FixCommand fix = new FixCommand(session, engine);
        ctx.reset();
        assertEquals(ExitStatus.OK, run(fix, "plan"));
        assertTrue(ctx.output().contains("+Disable=1"), ctx.output());
        assertFalse(Files.readString(dir.resolve("collected/mspclnt.ini")).contains("EMSMTA"), "plan writes nothing");
        ctx.reset();
        assertEquals(ExitStatus.OK, run(fix, "plan", "--object", "server:EXCH1"));
        assertTrue(ctx.output().contains("+Disable=1"), ctx.output());
        var typo = assertThrows(
                io.kbsh.model.command.UsageException.class, () -> run(fix, "plan", "--object", "server:EXCH9"));
        assertTrue(typo.getMessage().contains("no server:EXCH9"), typo.getMessage());
        assertThrows(io.kbsh.model.command.UsageException.class, () -> run(fix, "plan", "--object", "srv:EXCH1"));
        assertThrows(io.kbsh.model.command.UsageException.class, () -> run(fix, "apply"), "batch mode needs --yes");
        ctx.interactive = true;
        ctx.answer = false;
        ctx.reset();
        assertEquals(ExitStatus.OK, run(fix, "apply"));
        assertTrue(ctx.output().contains("not applied"), ctx.output());
        assertFalse(
                Files.readString(dir.resolve("collected/mspclnt.ini")).contains("EMSMTA"), "declined: nothing written");
        ctx.interactive = false;
        ctx.reset();
        assertEquals(ExitStatus.OK, run(fix, "apply", "--yes"));
        assertTrue(Files.readString(dir.resolve("collected/mspclnt.ini")).contains("[EMSMTA]\r\nDisable=1"));
        assertTrue(ctx.output().contains("backup:") && ctx.output().contains("then: restart the MTA"), ctx.output());
        ctx.reset();
        assertEquals(ExitStatus.OK, run(new CheckCommand(session, engine), "--fail-on", "info"));
        assertTrue(ctx.output().contains("No findings"), ctx.output());
    }

    @Test
    void fixPlanWithOnlyTheServerPathSaysWhereTheFileBelongs() throws Exception {
        Files.writeString(dir.resolve("remote.json"), """
                {"schemaVersion": 1, "servers": [{"id": "EXCH2", "exchange": "5.5", "addresses": ["127.0.0.1_1"],
                  "iniFiles": [{"serverPath": "D:\\\\Mspclnt\\\\Mspclnt.ini"}]}]}
                """);
        run(new EnvCommand(session, engine), "load", "remote.json");
        ctx.reset();
        assertEquals(ExitStatus.OK, run(new FixCommand(session, engine), "plan"));
        assertTrue(ctx.output().contains("belongs at D:\\Mspclnt\\Mspclnt.ini on EXCH2"), ctx.output());
        Path other = dir.resolve("copy.ini");
        Files.writeString(other, "[Common]\r\n");
        run(new FixCommand(session, engine), "apply", "--file", "copy.ini", "--yes");
        assertTrue(Files.readString(other).contains("Disable=1"));
    }
}
