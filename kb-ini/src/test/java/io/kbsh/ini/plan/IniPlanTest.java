package io.kbsh.ini.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kbsh.ini.document.IniDocument;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IniPlanTest {

    private static final Path FILE = Path.of("Mspclnt.ini");

    private static IniDocument doc(String text) throws Exception {
        return IniDocument.parse(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void aChangedValueRendersAsAUnifiedDiffWithThreeLinesOfContext() throws Exception {
        IniDocument before =
                doc("[a]\r\n1=1\r\n2=2\r\n3=3\r\n4=4\r\n[EMSMTA]\r\nDisable=0\r\n5=5\r\n6=6\r\n7=7\r\n8=8\r\n");
        IniPlan plan =
                IniPlan.of(FILE, Optional.of(before), List.of(new IniEdit.Set("EMSMTA", "Disable", "1")), List.of());
        assertEquals("""
                --- Mspclnt.ini (as read)
                +++ Mspclnt.ini (planned)
                @@ -4,7 +4,7 @@
                 3=3
                 4=4
                 [EMSMTA]
                -Disable=0
                +Disable=1
                 5=5
                 6=6
                 7=7
                """, plan.diff());
        assertFalse(plan.changesNothing());
    }

    @Test
    void distantChangesMakeSeparateHunksAndAddedLinesCountCorrectly() throws Exception {
        StringBuilder text = new StringBuilder("[a]\n");
        for (int i = 0; i < 12; i++) {
            text.append("k").append(i).append("=v\n");
        }
        IniDocument before = doc(text.toString());
        IniPlan plan = IniPlan.of(
                FILE,
                Optional.of(before),
                List.of(new IniEdit.Set("a", "k0", "x"), new IniEdit.Set("b", "n", "1")),
                List.of());
        String diff = plan.diff();
        assertTrue(diff.contains("@@ -1,5 +1,5 @@\n [a]\n-k0=v\n+k0=x\n"), diff);
        assertTrue(diff.contains("@@ -11,3 +11,5 @@\n k9=v\n k10=v\n k11=v\n+[b]\n+n=1\n"), diff);
    }

    @Test
    void aLineThatOnlyGainsANewlineIsShownAsReplacedAndMarked() throws Exception {
        IniPlan plan =
                IniPlan.of(FILE, Optional.of(doc("[a]\r\nx=1")), List.of(new IniEdit.Set("a", "y", "2")), List.of());
        assertEquals("""
                --- Mspclnt.ini (as read)
                +++ Mspclnt.ini (planned)
                @@ -1,2 +1,3 @@
                 [a]
                -x=1
                \\ No newline at end of file
                +x=1
                +y=2
                """, plan.diff());
    }

    @Test
    void aPlanForAMissingFileShowsEveryLineAsAdded() {
        IniPlan plan =
                IniPlan.of(FILE, Optional.empty(), List.of(new IniEdit.Set("EMSMTA", "Disable", "1")), List.of());
        assertFalse(plan.changesNothing());
        assertEquals("""
                --- Mspclnt.ini (does not exist)
                +++ Mspclnt.ini (planned)
                @@ -0,0 +1,2 @@
                +[EMSMTA]
                +Disable=1
                """, plan.diff());
    }

    @Test
    void aPlanWhoseEditsAreAlreadyInTheFileChangesNothing() throws Exception {
        IniPlan plan = IniPlan.of(
                FILE,
                Optional.of(doc("[EMSMTA]\r\ndisable = 1\r\n")),
                List.of(new IniEdit.Set("emsmta", "Disable", "1")),
                List.of("note"));
        assertTrue(plan.changesNothing());
        assertEquals("", plan.diff());
        assertEquals(List.of("note"), plan.warnings());
    }

    @Test
    void removalsShowAsRemovedLines() throws Exception {
        IniPlan plan = IniPlan.of(
                FILE,
                Optional.of(doc("[a]\nx=1\n; c\n[b]\ny=2\n")),
                List.of(new IniEdit.RemoveSection("a"), new IniEdit.Remove("b", "y")),
                List.of());
        assertEquals("""
                --- Mspclnt.ini (as read)
                +++ Mspclnt.ini (planned)
                @@ -1,5 +1,2 @@
                -[a]
                -x=1
                 ; c
                 [b]
                -y=2
                """, plan.diff());
    }

    @Test
    void aPlanCanWriteAValueExactlyAsGiven() throws Exception {
        IniDocument before = doc("[S]\r\nName=\"old\"\r\n");
        IniEdit exact = new IniEdit.SetExactly("S", "Name", "\"Mail Server\"");

        IniPlan plan = IniPlan.of(FILE, Optional.of(before), List.of(exact), List.of());

        assertEquals(
                "[S]\r\nName=\"Mail Server\"\r\n", new String(plan.after().toBytes(), StandardCharsets.ISO_8859_1));
        assertEquals("set [S] Name=\"Mail Server\" (exactly as given)", exact.describe());
        assertEquals(
                "[S]\r\nName=\"\"Mail Server\"\"\r\n",
                new String(
                        IniPlan.of(
                                        FILE,
                                        Optional.of(before),
                                        List.of(new IniEdit.Set("S", "Name", "\"Mail Server\"")),
                                        List.of())
                                .after()
                                .toBytes(),
                        StandardCharsets.ISO_8859_1),
                "Set quotes what would not read back");
    }
}
