package io.kbsh.shell.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kbsh.model.command.ExitStatus;
import io.kbsh.model.plugin.ApiVersion;
import io.kbsh.shell.check.CheckCommand;
import io.kbsh.shell.check.CheckEngine;
import io.kbsh.shell.check.CheckSession;
import io.kbsh.shell.check.EnvCommand;
import io.kbsh.shell.check.FixCommand;
import io.kbsh.shell.plugin.PluginLoader;
import io.kbsh.shell.plugin.PluginSet;
import io.kbsh.testkit.RecordingContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rule's INI edit or registry value taken from the environment ({@code {{server.ims.smartHost}}}) for an
 * object that has no such value: the plan refuses in one line naming the rule and the field, and no file
 * receives the placeholder's absent rendering {@code (none)} — through the real pack loader, {@code check},
 * {@code fix plan} and {@code fix apply} on real files. The object that has the value is planned as before.
 */
class AbsentValueTest {

    @TempDir
    Path dir;

    RecordingContext ctx;
    CheckSession session;
    CheckEngine engine;
    String ini;

    @BeforeEach
    void setUp() throws Exception {
        Path pack = Files.createDirectories(dir.resolve("plugins/absent-values"));
        Files.writeString(
                pack.resolve("kbsh-pack.yaml"), "id: absent-values\nname: Absent values\nversion: 1.0.0\nformat: 1\n");
        Files.writeString(pack.resolve("Q900020.yaml"), """
                article: Q900020
                title: the smart host in Mspclnt.ini
                summary: a rule whose INI edit and registry value come from an optional field
                for: server
                outcomes:
                  - name: always
                    severity: warning
                    summary: "{{server.id}} writes its smart host down"
                actions:
                  - ini: {file: Mspclnt.ini, section: Common, key: SmartHost, set: "{{server.ims.smartHost}}"}
                  - registry: {key: "HKEY_LOCAL_MACHINE\\\\SYSTEM\\\\CurrentControlSet\\\\Services\\\\MSExchangeIMC\\\\Parameters", name: SmartHost, type: sz, value: "{{server.ims.smartHost}}"}
                tests:
                  - name: fires
                    environment: {schemaVersion: 2, servers: [{id: EX1, exchange: "5.5"}]}
                    expect: [{object: "server:EX1"}]
                """);
        PluginSet plugins = new PluginLoader(ApiVersion.current()).load(List.of(dir.resolve("plugins")));
        assertEquals(List.of(), plugins.failures(), "the pack loads");
        engine = new CheckEngine(plugins);
        session = new CheckSession();
        ctx = new RecordingContext(dir, dir.resolve("home"));
        ini = "[Common]\r\nPort=1745\r\n";
        Files.createDirectories(dir.resolve("collected/EX1"));
        Files.createDirectories(dir.resolve("collected/EX2"));
        Files.writeString(dir.resolve("collected/EX1/Mspclnt.ini"), ini);
        Files.writeString(dir.resolve("collected/EX2/Mspclnt.ini"), ini);
        Files.writeString(dir.resolve("site.json"), """
                {"schemaVersion": 2,
                 "servers": [
                   {"id": "EX1", "exchange": "5.5", "ims": {"smartHost": "relay.example"},
                    "iniFiles": [{"serverPath": "C:\\\\Mspclnt\\\\Mspclnt.ini", "localCopy": "collected/EX1/Mspclnt.ini"}]},
                   {"id": "EX2", "exchange": "5.5",
                    "iniFiles": [{"serverPath": "C:\\\\Mspclnt\\\\Mspclnt.ini", "localCopy": "collected/EX2/Mspclnt.ini"}]},
                   {"id": "EX3", "exchange": "5.5"}]}
                """);
        new EnvCommand(session, engine).run(ctx, List.of("load", "site.json"));
        ctx.reset();
    }

    @Test
    void anAbsentValueMakesThePlanRefuseNamingTheRuleAndTheField() throws Exception {
        FixCommand fix = new FixCommand(session, engine);
        assertEquals(ExitStatus.FAILED, fix.run(ctx, List.of("plan", "--object", "server:EX2")), ctx.output());
        List<String> errors = ctx.errors().lines().toList();
        assertEquals(1, errors.size(), ctx.errors());
        assertTrue(
                errors.get(0).startsWith("error: ")
                        && errors.get(0)
                                .contains(
                                        "rule Q900020 (pack absent-values): actions[0].ini.set: {{server.ims.smartHost}}"
                                                + " has no value for this object"),
                errors.get(0));
        assertFalse(ctx.output().contains("(none)"), ctx.output());

        ctx.reset();
        assertEquals(
                ExitStatus.FAILED,
                fix.run(ctx, List.of("apply", "--object", "server:EX2", "--yes", "--reg-dir", "handovers")));
        assertEquals(ini, Files.readString(dir.resolve("collected/EX2/Mspclnt.ini")), "the file is untouched");
        assertFalse(
                Files.exists(dir.resolve("handovers"))
                        && Files.list(dir.resolve("handovers")).findAny().isPresent(),
                "and no .reg file carries the absent value");
    }

    @Test
    void theRegistryValueBecomesAStepThatSaysWhatIsMissing() throws Exception {
        new CheckCommand(session, engine).run(ctx, List.of("Q900020", "--json"));
        JsonNode findings = new ObjectMapper().readTree(ctx.output()).path("findings");
        assertEquals(3, findings.size(), findings.toString());
        for (JsonNode f : findings) {
            String server = f.path("affected").get(0).asText();
            String actions = f.path("resolution").toString();
            assertFalse(actions.contains("(none)"), actions);
            // EX3 has no collected copy: the INI edit is a step for a person, which says what is missing.
            assertEquals(
                    server.equals("server:EX3"),
                    actions.contains("set [Common] SmartHost (its value, {{server.ims.smartHost}}, is one server:EX3"
                            + " does not have)"),
                    actions);
            assertEquals(
                    !server.equals("server:EX1"),
                    actions.contains("kbsh writes no .reg file for it: rule Q900020 actions[1].registry.value names"
                            + " {{server.ims.smartHost}}, which " + server + " does not have"),
                    actions);
        }
    }

    @Test
    void theObjectThatHasTheValueIsPlannedAndApplied() throws Exception {
        FixCommand fix = new FixCommand(session, engine);
        assertEquals(ExitStatus.OK, fix.run(ctx, List.of("plan", "--object", "server:EX1")), ctx.errors());
        assertTrue(ctx.output().contains("+SmartHost=relay.example"), ctx.output());
        ctx.reset();
        fix.run(ctx, List.of("apply", "--object", "server:EX1", "--yes", "--reg-dir", "handovers"));
        assertTrue(
                Files.readString(dir.resolve("collected/EX1/Mspclnt.ini")).contains("SmartHost=relay.example"),
                ctx.output() + ctx.errors());
    }
}
