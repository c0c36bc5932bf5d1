package io.kbsh.plugin.q254909.writer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kbsh.ini.file.PlanApplier;
import io.kbsh.ini.plan.IniPlan;
import io.kbsh.ini.writer.IniWriter;
import io.kbsh.ini.writer.IniWriterException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProxyClientBypassWriterTest {

    private static final String CLIENT_INI = "[Internal]\r\nBuild=2.0.400.12\r\n[outlook]\r\nDisable=0\r\n[Common]\r\n"
            + "Port=1745\r\nConfiguration Refresh Time (Hours)=6\r\n";

    @TempDir
    Path dir;

    private final IniWriter writer = new ProxyClientBypassWriter();

    private Path write(String text) throws Exception {
        Path file = dir.resolve("Mspclnt.ini");
        Files.writeString(file, text, StandardCharsets.ISO_8859_1);
        return file;
    }

    @Test
    void isFoundAsAnIniWriterService() {
        assertTrue(
                ServiceLoader.load(IniWriter.class).stream().anyMatch(p -> p.type() == ProxyClientBypassWriter.class));
    }

    @Test
    void addsTheMtaSectionWithDisableWhenItIsMissing() throws Exception {
        IniPlan plan = writer.plan(write(CLIENT_INI), Map.of());
        assertEquals(
                CLIENT_INI + "[EMSMTA]\r\nDisable=1\r\n",
                new String(plan.after().toBytes(), StandardCharsets.ISO_8859_1));
        assertTrue(plan.diff().contains("+[EMSMTA]\n+Disable=1\n"), plan.diff());
    }

    @Test
    void turnsAnExistingDisableOnInPlaceForTheChosenProcess() throws Exception {
        IniPlan plan = writer.plan(write(CLIENT_INI), Map.of("process", "OUTLOOK"));
        assertEquals(
                CLIENT_INI.replace("[outlook]\r\nDisable=0", "[outlook]\r\nDisable=1"),
                new String(plan.after().toBytes(), StandardCharsets.ISO_8859_1));
    }

    @Test
    void aFileThatAlreadyHasTheFixChangesNothing() throws Exception {
        Path file = write(CLIENT_INI + "[emsmta]\r\ndisable = 1\r\n");
        IniPlan plan = writer.plan(file, Map.of());
        assertTrue(plan.changesNothing());
        assertEquals(
                PlanApplier.Outcome.ALREADY_APPLIED,
                new PlanApplier().apply(plan).outcome());
    }

    @Test
    void warnsThatAMasterConfigRefreshCanOverwriteTheEditAndNamesTheServerCopy() throws Exception {
        IniPlan plan =
                writer.plan(write(CLIENT_INI + "[Master Config]\r\nPath1=\\\\PROXY-09\\mspclnt\\ \r\n"), Map.of());
        String warning = plan.warnings().get(0);
        assertTrue(warning.contains("every 6 hour(s)"), warning);
        assertTrue(warning.contains("\\\\PROXY-09\\mspclnt\\Mspclnt.ini"), warning);
    }

    @Test
    void noRefreshWarningWithoutMasterConfig() throws Exception {
        List<String> warnings = writer.plan(write(CLIENT_INI), Map.of()).warnings();
        assertTrue(warnings.stream().noneMatch(w -> w.contains("Master Config")), warnings.toString());
    }

    @Test
    void refusesAMissingFileBecauseTheClientIsNotInstalledThere() {
        IniWriterException e =
                assertThrows(IniWriterException.class, () -> writer.plan(dir.resolve("Mspclnt.ini"), Map.of()));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test
    void refusesAProcessNameWithExeOrOddCharacters() {
        assertThrows(IniWriterException.class, () -> writer.validate(Map.of("process", "emsmta.exe")));
        assertThrows(IniWriterException.class, () -> writer.validate(Map.of("process", "a]b")));
    }
}
