package io.kbsh.shell.check;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kbsh.ini.reg.RegDocument;
import io.kbsh.ini.reg.RegFormat;
import io.kbsh.ini.reg.RegValue;
import io.kbsh.shell.testing.PackagedKbsh;
import io.kbsh.shell.testing.PackagedKbsh.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rule's {@code registry:} actions through the packaged kbsh: {@code fix plan} shows the {@code .reg} file
 * a person would import, {@code fix apply} writes it (asking for {@code --yes} in batch mode first, keeping
 * a backup of an older hand-over), and the file reads back with kb-ini's registry reader to exactly the
 * changes the rule asked for. Nothing else is written: kbsh has no way to touch a registry.
 */
class RegistryHandOverDistributionIT {

    private static final String DS =
            "HKEY_LOCAL_MACHINE\\System\\CurrentControlSet\\Services\\MSExchangeDS\\Parameters";
    private static final String SA =
            "HKEY_LOCAL_MACHINE\\System\\CurrentControlSet\\Services\\MSExchangeSA\\Parameters";
    private static final String IMC =
            "HKEY_LOCAL_MACHINE\\System\\CurrentControlSet\\Services\\MSExchangeIMC\\Parameters";

    @TempDir
    Path dir;

    private Run kbsh(String commands) throws IOException, InterruptedException {
        return new PackagedKbsh(dir).run(commands, 90);
    }

    /** A pack with one rule whose resolution sets two dwords and a string, deletes a value, and names a manual step. */
    private void pack() throws IOException {
        Path pack = Files.createDirectories(dir.resolve("home/plugins/handover-rules"));
        Files.writeString(
                pack.resolve("kbsh-pack.yaml"),
                "id: handover-rules\nname: Hand-over rules\nversion: 1.0.0\nformat: 1\n");
        String yaml =
                """
                article: Q999001
                title: "Test rule: static RPC ports for the directory and the System Attendant"
                summary: A test rule of kbsh's own tests; it asks for static RPC ports through the firewall.
                for: server
                when:
                  - value: server.exchange
                    present: true
                outcomes:
                  - name: dynamic
                    severity: warning
                    summary: "{{server.id}} lets its directory pick an RPC port"
                actions:
                  - registry: {key: "DS", name: "TCP/IP port", type: dword, value: "4000"}
                  - manual: "restart the directory and the System Attendant on {{server.id}}"
                  - registry: {key: "SA", name: "TCP/IP port for RPC referrals", type: dword, value: "0x0fa1"}
                  - registry: {key: "SA", name: "Obsolete", remove: true}
                  - registry: {key: "IMC", name: "Site domain", type: sz, value: "{{server.id}}.northwind.example"}
                tests:
                  - name: an Exchange server
                    environment: {schemaVersion: 2, servers: [{id: NWMAIL1, exchange: "5.5 SP1"}]}
                    expect: [{object: "server:NWMAIL1"}]
                  - name: no Exchange
                    environment: {schemaVersion: 2, servers: [{id: PDC1}]}
                    expect: []
                """.replace("\"DS\"", quoted(DS)).replace("\"SA\"", quoted(SA)).replace("\"IMC\"", quoted(IMC));
        Files.writeString(pack.resolve("Q999001.yaml"), yaml);
    }

    private static String quoted(String key) {
        return "\"" + key.replace("\\", "\\\\") + "\"";
    }

    private Path site() throws IOException {
        Path env = dir.resolve("site.json");
        Files.writeString(
                env, "{\"schemaVersion\": 2, \"servers\": [{\"id\": \"NWMAIL1\", \"exchange\": \"5.5 SP1\"}]}\n");
        return env;
    }

    @Test
    void planShowsTheRegFileApplyWritesItAndItReadsBackToTheRulesChanges() throws Exception {
        pack();
        Path env = site();
        Path out = dir.resolve("handovers");

        Run plan = kbsh("fix plan Q999001 --env " + env);
        assertEquals(0, plan.status(), plan.err() + plan.out());
        assertTrue(
                plan.out().contains("Q999001 on server:NWMAIL1: registry changes, handed over as a .reg file"),
                plan.out());
        assertTrue(plan.out().contains("  REGEDIT4"), plan.out());
        assertTrue(plan.out().contains("  [" + DS + "]"), plan.out());
        assertTrue(plan.out().contains("  \"TCP/IP port\"=dword:00000fa0"), plan.out());
        assertTrue(plan.out().contains("  \"Obsolete\"=-"), plan.out());
        assertTrue(
                plan.out().contains("fix apply writes it to " + dir.resolve("home/handovers/Q999001-NWMAIL1.reg")),
                plan.out());
        assertFalse(Files.exists(dir.resolve("home/handovers")), "a plan writes nothing");

        Run batch = kbsh("fix apply Q999001 --env " + env + " --reg-dir " + out);
        assertEquals(2, batch.status(), batch.err() + batch.out());
        assertTrue(
                batch.err()
                        .contains("fix apply needs --yes in batch mode; nothing was written to "
                                + out.resolve("Q999001-NWMAIL1.reg")),
                batch.err());
        assertFalse(Files.exists(out.resolve("Q999001-NWMAIL1.reg")));

        Run apply = kbsh("fix apply Q999001 --env " + env + " --reg-dir " + out + " --yes");
        assertEquals(0, apply.status(), apply.err() + apply.out());
        Path written = out.resolve("Q999001-NWMAIL1.reg");
        assertTrue(
                apply.out().contains("wrote " + written + "; review it, then import it on NWMAIL1 with Regedit"),
                apply.out());
        assertTrue(
                apply.out().contains("then: restart the directory and the System Attendant on NWMAIL1"), apply.out());

        RegDocument reg = RegDocument.read(written);
        assertEquals(RegFormat.REGEDIT4, reg.format(), "Windows NT 4.0's Regedit imports REGEDIT4 only");
        assertEquals(List.of(), reg.warnings());
        assertEquals(Map.of("TCP/IP port", new RegValue.Dword(4000)), reg.values(DS));
        assertEquals(
                Map.of("TCP/IP port for RPC referrals", new RegValue.Dword(0xfa1)),
                reg.values(SA),
                "a deleted value is not a value");
        assertTrue(
                reg.entries().stream()
                        .anyMatch(e -> e.deletion()
                                && e.keyPath().equals(SA)
                                && e.name().equals(Optional.of("Obsolete"))),
                reg.entries().toString());
        assertEquals(Optional.of(new RegValue.Sz("NWMAIL1.northwind.example")), reg.get(IMC, "Site domain"));
        assertEquals(List.of(DS, SA, IMC), reg.keys());

        byte[] first = Files.readAllBytes(written);
        Run again = kbsh("fix apply Q999001 --env " + env + " --reg-dir " + out + " --yes");
        assertEquals(0, again.status(), again.err() + again.out());
        assertTrue(again.out().contains("already written: " + written + " (unchanged)"), again.out());
        assertArrayEquals(first, Files.readAllBytes(written));
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(
                    List.of(written),
                    files.filter(p -> !p.getFileName().toString().startsWith("."))
                            .toList(),
                    "an unchanged hand-over makes no backup");
        }

        Files.writeString(written, "REGEDIT4\r\n\r\n; edited by a person\r\n");
        Run replaced = kbsh("fix apply Q999001 --env " + env + " --reg-dir " + out + " --yes");
        assertEquals(0, replaced.status(), replaced.err() + replaced.out());
        assertTrue(replaced.out().contains("wrote " + written + " (backup of the earlier one: "), replaced.out());
        assertArrayEquals(first, Files.readAllBytes(written));

        Run json = kbsh("check Q999001 --env " + env + " --json");
        JsonNode action = new ObjectMapper().readTree(json.out()).at("/findings/0/resolution/0");
        assertEquals("registry", action.get("kind").asText(), json.out());
        assertEquals("server:NWMAIL1", action.get("target").asText());
        assertEquals(4, action.get("changes").size());
        assertEquals("set", action.at("/changes/0/change").asText());
        assertEquals(DS, action.at("/changes/0/key").asText());
        assertEquals("dword", action.at("/changes/0/type").asText());
        assertEquals("4000", action.at("/changes/0/data/0").asText());
        assertEquals("delete-value", action.at("/changes/2/change").asText());
        assertEquals(
                "manual",
                new ObjectMapper()
                        .readTree(json.out())
                        .at("/findings/0/resolution/1/kind")
                        .asText());
    }

    @Test
    void aValueTheFileCannotCarryAsAnsiIsWrittenAsRegedit5AndSaysSo() throws Exception {
        pack();
        Path rule = dir.resolve("home/plugins/handover-rules/Q999001.yaml");
        Files.writeString(
                rule, Files.readString(rule).replace("{{server.id}}.northwind.example", "\u03a9-{{server.id}}"));
        Path out = dir.resolve("handovers");
        Run apply = kbsh("fix apply Q999001 --env " + site() + " --reg-dir " + out + " --yes");
        assertEquals(0, apply.status(), apply.err() + apply.out());
        assertTrue(
                apply.out().contains("note: a value holds characters outside Windows-1252, so the file is REGEDIT5"),
                apply.out());
        RegDocument reg = RegDocument.read(out.resolve("Q999001-NWMAIL1.reg"));
        assertEquals(RegFormat.REGEDIT5, reg.format());
        assertEquals(Optional.of(new RegValue.Sz("\u03a9-NWMAIL1")), reg.get(IMC, "Site domain"));
    }
}
