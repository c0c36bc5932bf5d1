package io.kbsh.ini.file;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kbsh.ini.document.IniDocument;
import io.kbsh.ini.internal.AtomicReplace;
import io.kbsh.ini.internal.WriteLock;
import io.kbsh.ini.internal.WriteSteps;
import io.kbsh.ini.plan.IniEdit;
import io.kbsh.ini.plan.IniPlan;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Applying and undoing plans on real files, with a seam that makes each write step fail. */
class PlanApplierTest {

    private static final String ORIGINAL = "; proxy client\r\n[EMSMTA]\r\nDisable=0\r\n";

    @TempDir
    Path dir;

    private Path file() throws IOException {
        Path file = dir.resolve("Mspclnt.ini");
        Files.writeString(file, ORIGINAL, StandardCharsets.ISO_8859_1);
        return file;
    }

    private static IniPlan plan(Path file) throws IOException {
        return IniPlan.of(
                file,
                Optional.of(IniDocument.read(file)),
                List.of(new IniEdit.Set("EMSMTA", "Disable", "1")),
                List.of());
    }

    /** The directory's files, without the lock file that stays beside a file once it has been written. */
    private List<String> dirListing() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString())
                    .filter(n -> !n.endsWith(WriteLock.SUFFIX))
                    .sorted()
                    .toList();
        }
    }

    private static PlanApplier applier(WriteSteps steps) {
        return new PlanApplier(new AtomicReplace(steps), System.getProperty("user.name"), OptionalInt.empty());
    }

    @Test
    void applyWritesTheFileAndKeepsABackupOfTheOriginal() throws Exception {
        Path file = file();
        PlanApplier.ApplyResult result = new PlanApplier().apply(plan(file));
        assertEquals(PlanApplier.Outcome.APPLIED, result.outcome());
        assertEquals(
                "; proxy client\r\n[EMSMTA]\r\nDisable=1\r\n", Files.readString(file, StandardCharsets.ISO_8859_1));
        assertEquals(Optional.of(dir.resolve("Mspclnt.ini.bak").toAbsolutePath()), result.backup());
        assertEquals(ORIGINAL, Files.readString(result.backup().get(), StandardCharsets.ISO_8859_1));
        assertEquals(List.of("Mspclnt.ini", "Mspclnt.ini.bak"), dirListing());
    }

    @Test
    void backupsAreNumberedWhenOneExists() throws Exception {
        Path file = file();
        Files.writeString(dir.resolve("Mspclnt.ini.bak"), "older");
        Files.writeString(dir.resolve("Mspclnt.ini.bak.1"), "old");
        PlanApplier.ApplyResult result = new PlanApplier().apply(plan(file));
        assertEquals(Optional.of(dir.resolve("Mspclnt.ini.bak.2").toAbsolutePath()), result.backup());
        assertEquals(ORIGINAL, Files.readString(result.backup().get(), StandardCharsets.ISO_8859_1));
    }

    @Test
    void applyKeepsTheFilesPermissionsAndTheBackupGetsThemToo() throws Exception {
        Path file = file();
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        PlanApplier.ApplyResult result = new PlanApplier().apply(plan(file));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        // A backup readable by others would leak what the original kept from them.
        assertEquals(
                "rw-------",
                PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(result.backup().get())));
    }

    @Test
    void undoKeepsThePermissionsOfTheFileAndOfTheBackupItMakes() throws Exception {
        Path file = file();
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        PlanApplier applier = new PlanApplier();
        applier.apply(plan(file));
        PlanApplier.UndoResult undo = applier.undo(file);
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(
                "rw-r-----",
                PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(undo.keptAs().get())));
    }

    @Test
    void aPlanWithNothingToChangeWritesNothingAndMakesNoBackup() throws Exception {
        Path file = file();
        new PlanApplier().apply(plan(file));
        Files.delete(dir.resolve("Mspclnt.ini.bak"));
        byte[] before = Files.readAllBytes(file);
        PlanApplier.ApplyResult again = new PlanApplier().apply(plan(file));
        assertEquals(PlanApplier.Outcome.ALREADY_APPLIED, again.outcome());
        assertEquals(Optional.empty(), again.backup());
        assertArrayEquals(before, Files.readAllBytes(file));
        assertEquals(List.of("Mspclnt.ini"), dirListing());
    }

    @Test
    void aFileChangedAfterPlanningIsRefusedAndNothingIsWritten() throws Exception {
        Path file = file();
        IniPlan plan = plan(file);
        Files.writeString(file, ORIGINAL + "[new]\r\n", StandardCharsets.ISO_8859_1);
        assertThrows(IniFileChangedException.class, () -> new PlanApplier().apply(plan));
        assertEquals(ORIGINAL + "[new]\r\n", Files.readString(file, StandardCharsets.ISO_8859_1));
        assertEquals(List.of("Mspclnt.ini"), dirListing());
    }

    @Test
    void aFileChangedJustBeforeTheRenameIsRefusedAndNothingIsWritten() throws Exception {
        Path file = file();
        IniPlan plan = plan(file);
        PlanApplier applier = applier(new ForwardingSteps() {
            private int flushes;

            @Override
            public void flush(FileChannel channel) throws IOException {
                super.flush(channel);
                // The first flush is the backup's; after the second the new content is on disk.
                if (++flushes == 2) {
                    Files.writeString(file, ORIGINAL + "; someone else\r\n", StandardCharsets.ISO_8859_1);
                }
            }

            @Override
            public void rename(Path from, Path to) throws IOException {
                if (to.equals(file.toAbsolutePath())) {
                    throw new AssertionError("must not rename over a file that changed");
                }
                super.rename(from, to);
            }
        });
        assertThrows(IniFileChangedException.class, () -> applier.apply(plan));
        assertEquals(ORIGINAL + "; someone else\r\n", Files.readString(file, StandardCharsets.ISO_8859_1));
        assertEquals(List.of("Mspclnt.ini"), dirListing());
    }

    @ParameterizedTest(name = "{0} fails")
    @ValueSource(strings = {"write", "flush", "rename", "renameNew"})
    void aFailureAtAnyStepLeavesTheOriginalIntactAndNoDebris(String failing) throws Exception {
        Path file = file();
        WriteSteps steps = new ForwardingSteps() {
            private int calls;

            private void maybeFail(String step) throws IOException {
                // The backup is written (and given its name) first; fail while writing the file itself, or
                // when the backup is named.
                int failAt = step.startsWith("rename") ? 1 : 2;
                if (step.equals(failing) && ++calls == failAt) {
                    throw new IOException("simulated " + step + " failure");
                }
            }

            @Override
            public void write(FileChannel channel, ByteBuffer data) throws IOException {
                maybeFail("write");
                super.write(channel, data);
            }

            @Override
            public void flush(FileChannel channel) throws IOException {
                maybeFail("flush");
                super.flush(channel);
            }

            @Override
            public void rename(Path from, Path to) throws IOException {
                maybeFail("rename");
                super.rename(from, to);
            }

            @Override
            public void renameNew(Path from, Path to) throws IOException {
                maybeFail("renameNew");
                super.renameNew(from, to);
            }
        };
        IOException e = assertThrows(IOException.class, () -> applier(steps).apply(plan(file)));
        assertEquals("simulated " + failing + " failure", e.getMessage());
        assertEquals(ORIGINAL, Files.readString(file, StandardCharsets.ISO_8859_1));
        assertEquals(List.of("Mspclnt.ini"), dirListing());
    }

    @Test
    void aPlanForAMissingFileCreatesItWithoutBackup() throws Exception {
        Path file = dir.resolve("Wspcfg.ini");
        IniPlan plan =
                IniPlan.of(file, Optional.empty(), List.of(new IniEdit.Set("STORE", "Persistent", "1")), List.of());
        PlanApplier.ApplyResult result = new PlanApplier().apply(plan);
        assertEquals(Optional.empty(), result.backup());
        assertEquals("[STORE]\r\nPersistent=1\r\n", Files.readString(file));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void aPlanForAMissingFileIsRefusedWhenTheFileAppeared() throws Exception {
        Path file = dir.resolve("Wspcfg.ini");
        IniPlan plan =
                IniPlan.of(file, Optional.empty(), List.of(new IniEdit.Set("STORE", "Persistent", "1")), List.of());
        Files.writeString(file, "[other]\r\n");
        assertThrows(IniFileChangedException.class, () -> new PlanApplier().apply(plan));
        assertEquals("[other]\r\n", Files.readString(file));
    }

    @Test
    void undoRestoresTheNewestBackupAndKeepsTheCurrentContent() throws Exception {
        Path file = file();
        PlanApplier applier = new PlanApplier();
        applier.apply(plan(file));
        String applied = Files.readString(file, StandardCharsets.ISO_8859_1);
        PlanApplier.UndoResult undo = applier.undo(file);
        assertEquals(ORIGINAL, Files.readString(file, StandardCharsets.ISO_8859_1));
        assertEquals(dir.resolve("Mspclnt.ini.bak").toAbsolutePath(), undo.restoredFrom());
        assertEquals(Optional.of(dir.resolve("Mspclnt.ini.bak.undone").toAbsolutePath()), undo.keptAs());
        assertEquals(applied, Files.readString(undo.keptAs().get(), StandardCharsets.ISO_8859_1));
    }

    @Test
    void undoWalksBackOneStepAtATimeAndSaysWhenNothingIsOlder() throws Exception {
        Path file = file();
        PlanApplier applier = new PlanApplier();
        applier.apply(plan(file));
        String first = Files.readString(file, StandardCharsets.ISO_8859_1);
        applier.apply(IniPlan.of(
                file,
                Optional.of(IniDocument.read(file)),
                List.of(new IniEdit.Set("EMSMTA", "Port", "143")),
                List.of()));
        String second = Files.readString(file, StandardCharsets.ISO_8859_1);

        assertEquals(
                dir.resolve("Mspclnt.ini.bak.1").toAbsolutePath(),
                applier.undo(file).restoredFrom());
        assertEquals(first, Files.readString(file, StandardCharsets.ISO_8859_1));
        assertEquals(
                dir.resolve("Mspclnt.ini.bak").toAbsolutePath(),
                applier.undo(file).restoredFrom());
        assertEquals(ORIGINAL, Files.readString(file, StandardCharsets.ISO_8859_1));

        NoSuchFileException end = assertThrows(NoSuchFileException.class, () -> applier.undo(file));
        assertTrue(end.getMessage().contains("nothing older to restore"), end.getMessage());
        assertEquals(ORIGINAL, Files.readString(file, StandardCharsets.ISO_8859_1));
        // Nothing is lost on the way: each undo kept what it replaced.
        assertEquals(second, Files.readString(dir.resolve("Mspclnt.ini.bak.1.undone"), StandardCharsets.ISO_8859_1));
        assertEquals(first, Files.readString(dir.resolve("Mspclnt.ini.bak.undone"), StandardCharsets.ISO_8859_1));
        assertEquals(
                List.of(
                        "Mspclnt.ini",
                        "Mspclnt.ini.bak",
                        "Mspclnt.ini.bak.1",
                        "Mspclnt.ini.bak.1.undone",
                        "Mspclnt.ini.bak.undone"),
                dirListing());
    }

    @Test
    void anApplyAfterAnUndoIsTheNextStepBack() throws Exception {
        Path file = file();
        PlanApplier applier = new PlanApplier();
        applier.apply(plan(file));
        String first = Files.readString(file, StandardCharsets.ISO_8859_1);
        applier.apply(IniPlan.of(
                file,
                Optional.of(IniDocument.read(file)),
                List.of(new IniEdit.Set("EMSMTA", "Port", "143")),
                List.of()));
        applier.undo(file);
        PlanApplier.ApplyResult third = applier.apply(IniPlan.of(
                file,
                Optional.of(IniDocument.read(file)),
                List.of(new IniEdit.Set("EMSMTA", "Port", "110")),
                List.of()));
        assertEquals(Optional.of(dir.resolve("Mspclnt.ini.bak.2").toAbsolutePath()), third.backup());
        assertEquals(third.backup().get(), applier.undo(file).restoredFrom());
        assertEquals(first, Files.readString(file, StandardCharsets.ISO_8859_1));
        // The undone second step is skipped: one step further back is the original.
        assertEquals(
                dir.resolve("Mspclnt.ini.bak").toAbsolutePath(),
                applier.undo(file).restoredFrom());
        assertEquals(ORIGINAL, Files.readString(file, StandardCharsets.ISO_8859_1));
    }

    @Test
    void anUndoPlanShowsTheDiffWritesNothingAndIsRefusedWhenTheFileChanged() throws Exception {
        Path file = file();
        PlanApplier applier = new PlanApplier();
        applier.apply(plan(file));
        UndoPlan undo = applier.planUndo(file);
        assertTrue(undo.diff().contains("-Disable=1\n+Disable=0\n"), undo.diff());
        assertEquals(dir.resolve("Mspclnt.ini.bak").toAbsolutePath(), undo.backup());
        assertEquals(List.of("Mspclnt.ini", "Mspclnt.ini.bak"), dirListing());
        Files.writeString(file, ORIGINAL + "; edited since\r\n", StandardCharsets.ISO_8859_1);
        assertThrows(IniFileChangedException.class, () -> applier.undo(undo));
        assertEquals(ORIGINAL + "; edited since\r\n", Files.readString(file, StandardCharsets.ISO_8859_1));
        assertEquals(List.of("Mspclnt.ini", "Mspclnt.ini.bak"), dirListing());
    }

    @Test
    void undoWithoutABackupIsAnError() throws Exception {
        Path file = file();
        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> new PlanApplier().undo(file));
        assertTrue(e.getMessage().contains("no backup"), e.getMessage());
        assertEquals(ORIGINAL, Files.readString(file, StandardCharsets.ISO_8859_1));
    }

    @Test
    void aFailedUndoLeavesTheFileAndRemovesTheBackupItMade() throws Exception {
        Path file = file();
        new PlanApplier().apply(plan(file));
        String applied = Files.readString(file, StandardCharsets.ISO_8859_1);
        WriteSteps failingRename = new ForwardingSteps() {
            @Override
            public void rename(Path from, Path to) throws IOException {
                throw new IOException("simulated rename failure");
            }
        };
        assertThrows(IOException.class, () -> applier(failingRename).undo(file));
        assertEquals(applied, Files.readString(file, StandardCharsets.ISO_8859_1));
        assertEquals(List.of("Mspclnt.ini", "Mspclnt.ini.bak"), dirListing());
        // The failed undo did not count: the next one restores the same backup.
        assertEquals(
                dir.resolve("Mspclnt.ini.bak").toAbsolutePath(),
                new PlanApplier().undo(file).restoredFrom());
    }

    @Test
    void aSymbolicLinkStaysALinkAndItsTargetIsWritten() throws Exception {
        Path real = file();
        Path link = Files.createSymbolicLink(dir.resolve("link.ini"), real.getFileName());
        new PlanApplier().apply(plan(link));
        assertTrue(Files.isSymbolicLink(link));
        assertEquals(
                "; proxy client\r\n[EMSMTA]\r\nDisable=1\r\n", Files.readString(real, StandardCharsets.ISO_8859_1));
    }

    /** The real steps, for tests to override one at a time. */
    private static class ForwardingSteps implements WriteSteps {
        @Override
        public void write(FileChannel channel, ByteBuffer data) throws IOException {
            WriteSteps.system().write(channel, data);
        }

        @Override
        public void flush(FileChannel channel) throws IOException {
            WriteSteps.system().flush(channel);
        }

        @Override
        public void rename(Path from, Path to) throws IOException {
            WriteSteps.system().rename(from, to);
        }
    }
}
