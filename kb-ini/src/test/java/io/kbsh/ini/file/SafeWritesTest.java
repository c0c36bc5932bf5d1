package io.kbsh.ini.file;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kbsh.ini.document.IniDocument;
import io.kbsh.ini.document.IniEncoding;
import io.kbsh.ini.internal.AtomicReplace;
import io.kbsh.ini.internal.Backups;
import io.kbsh.ini.internal.WriteLock;
import io.kbsh.ini.internal.WriteSteps;
import io.kbsh.ini.plan.IniEdit;
import io.kbsh.ini.plan.IniPlan;
import io.kbsh.model.internal.DataFiles;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14's data-loss cases at the library: racing writers, backup numbering and trust, orphaned
 * temporary files, files that are not files; and creating a Unicode file through a plan.
 */
class SafeWritesTest {

    private static final String ORIGINAL = "[EMSMTA]\r\nDisable=0\r\n";

    @TempDir
    Path dir;

    private Path file() throws IOException {
        Path file = dir.resolve("Mspclnt.ini");
        Files.writeString(file, ORIGINAL, StandardCharsets.ISO_8859_1);
        return file;
    }

    private static IniPlan set(Path file, String key, String value) throws IOException {
        return IniPlan.of(
                file, Optional.of(IniDocument.read(file)), List.of(new IniEdit.Set("EMSMTA", key, value)), List.of());
    }

    private List<String> listing() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString())
                    .filter(n -> !n.endsWith(WriteLock.SUFFIX))
                    .sorted()
                    .toList();
        }
    }

    // --- 1. racing writers ---------------------------------------------------------------------------------

    @Test
    void aWriterHoldingTheLockMakesAnotherFailAtOnceWritingAndDeletingNothing() throws Exception {
        Path file = file();
        new PlanApplier().apply(set(file, "Disable", "1"));
        String applied = Files.readString(file);
        IniPlan plan = set(file, "Disable", "2");
        try (WriteLock held = WriteLock.tryAcquire(file)) {
            IOException e = assertThrows(WriteLock.FileBusyException.class, () -> new PlanApplier().apply(plan));
            assertTrue(e.getMessage().contains("another kbsh is writing"), e.getMessage());
            assertThrows(WriteLock.FileBusyException.class, () -> new PlanApplier().undo(file));
        }
        assertEquals(applied, Files.readString(file));
        assertEquals(List.of("Mspclnt.ini", "Mspclnt.ini.bak"), listing());
        new PlanApplier().apply(plan);
        assertEquals(List.of("Mspclnt.ini", "Mspclnt.ini.bak", "Mspclnt.ini.bak.1"), listing());
    }

    @Test
    void theLockExcludesAWriterInAnotherProcess() throws Exception {
        Path file = file();
        Process holder = java(LockHolder.class, file.toString());
        try {
            BufferedReader out =
                    new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("locked", out.readLine());
            assertThrows(WriteLock.FileBusyException.class, () -> new PlanApplier().apply(set(file, "Disable", "1")));
            assertEquals(ORIGINAL, Files.readString(file));
            holder.getOutputStream().close();
            assertTrue(holder.waitFor(60, TimeUnit.SECONDS));
        } finally {
            holder.destroyForcibly();
        }
        // The holder is gone and so is its lock.
        assertEquals(
                PlanApplier.Outcome.APPLIED,
                new PlanApplier().apply(set(file, "Disable", "1")).outcome());
    }

    @Test
    void racingAppliesOfPlansFromTheSameFileLetExactlyOneWinAndKeepItsBackup() throws Exception {
        int writers = 6;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            for (int round = 0; round < 25; round++) {
                Path file = file();
                try (Stream<Path> old = Files.list(dir)) {
                    for (Path p : old.filter(p -> p.getFileName().toString().contains(".bak"))
                            .toList()) {
                        Files.delete(p);
                    }
                }
                List<IniPlan> plans = new ArrayList<>();
                for (int w = 0; w < writers; w++) {
                    plans.add(set(file, "Writer", "w" + w));
                }
                CyclicBarrier start = new CyclicBarrier(writers);
                List<Future<Optional<PlanApplier.ApplyResult>>> results = new ArrayList<>();
                for (IniPlan plan : plans) {
                    results.add(pool.submit(() -> {
                        start.await(30, TimeUnit.SECONDS);
                        try {
                            return Optional.of(new PlanApplier().apply(plan));
                        } catch (WriteLock.FileBusyException | IniFileChangedException e) {
                            return Optional.empty();
                        }
                    }));
                }
                List<PlanApplier.ApplyResult> won = new ArrayList<>();
                List<Integer> winners = new ArrayList<>();
                for (int w = 0; w < writers; w++) {
                    Optional<PlanApplier.ApplyResult> r = results.get(w).get(60, TimeUnit.SECONDS);
                    if (r.isPresent()) {
                        won.add(r.get());
                        winners.add(w);
                    }
                }
                assertEquals(1, won.size(), "round " + round + ": every plan was made from the same content");
                assertEquals(ORIGINAL + "Writer=w" + winners.get(0) + "\r\n", Files.readString(file));
                assertEquals(ORIGINAL, Files.readString(won.get(0).backup().get()), "the winner's backup survives");
                assertEquals(List.of("Mspclnt.ini", "Mspclnt.ini.bak"), listing());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void writersThatPlanAgainWhenRefusedLoseNoUpdate() throws Exception {
        Path file = file();
        int writers = 4;
        int each = 5;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            CyclicBarrier start = new CyclicBarrier(writers);
            List<Future<Integer>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int me = w;
                done.add(pool.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    int refusals = 0;
                    for (int k = 0; k < each; k++) {
                        while (true) {
                            try {
                                new PlanApplier().apply(set(file, "K" + me + "_" + k, "1"));
                                break;
                            } catch (WriteLock.FileBusyException | IniFileChangedException e) {
                                refusals++;
                                if (refusals > 100_000) {
                                    throw new AssertionError("writer " + me + " never got through");
                                }
                            }
                        }
                    }
                    return refusals;
                }));
            }
            for (Future<Integer> f : done) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        IniDocument result = IniDocument.read(file);
        for (int w = 0; w < writers; w++) {
            for (int k = 0; k < each; k++) {
                assertEquals(Optional.of("1"), result.get("EMSMTA", "K" + w + "_" + k), "update K" + w + "_" + k);
            }
        }
        assertEquals(writers * each, Backups.of(file).size(), "one backup per applied change, none overwritten");
    }

    // --- 3. numbering ------------------------------------------------------------------------------------

    @Test
    void numberingGoesPastNineDigitsAndNeverReusesAName() throws Exception {
        Path file = file();
        Files.writeString(dir.resolve("Mspclnt.ini.bak.999999999"), "older");
        Files.writeString(dir.resolve("Mspclnt.ini.bak.1000000000"), "old");
        PlanApplier.ApplyResult result = new PlanApplier().apply(set(file, "Disable", "1"));
        assertEquals(Optional.of(dir.resolve("Mspclnt.ini.bak.1000000001").toAbsolutePath()), result.backup());
        assertEquals("old", Files.readString(dir.resolve("Mspclnt.ini.bak.1000000000")));
        Files.writeString(dir.resolve("Mspclnt.ini.bak.99999999999999999999999"), "huge");
        PlanApplier.ApplyResult next = new PlanApplier().apply(set(file, "Disable", "2"));
        assertEquals(
                Optional.of(
                        dir.resolve("Mspclnt.ini.bak.100000000000000000000000").toAbsolutePath()),
                next.backup());
        assertEquals("huge", Files.readString(dir.resolve("Mspclnt.ini.bak.99999999999999999999999")));
    }

    @Test
    void aBackupNeverReplacesAFileThatAppearsUnderItsName() throws Exception {
        Path file = file();
        Path intruder = dir.resolve("Mspclnt.ini.bak");
        WriteSteps steps = new WriteSteps() {
            @Override
            public void write(java.nio.channels.FileChannel channel, java.nio.ByteBuffer data) throws IOException {
                WriteSteps.system().write(channel, data);
            }

            @Override
            public void flush(java.nio.channels.FileChannel channel) throws IOException {
                WriteSteps.system().flush(channel);
            }

            @Override
            public void rename(Path from, Path to) throws IOException {
                WriteSteps.system().rename(from, to);
            }

            @Override
            public void renameNew(Path from, Path to) throws IOException {
                // Another program (no kbsh, no lock) makes a file of that name at the last moment.
                Files.writeString(intruder, "someone else's");
                WriteSteps.system().renameNew(from, to);
            }
        };
        PlanApplier applier =
                new PlanApplier(new AtomicReplace(steps), System.getProperty("user.name"), OptionalInt.empty());
        assertThrows(FileAlreadyExistsException.class, () -> applier.apply(set(file, "Disable", "1")));
        assertEquals("someone else's", Files.readString(intruder));
        assertEquals(ORIGINAL, Files.readString(file));
        assertEquals(List.of("Mspclnt.ini", "Mspclnt.ini.bak"), listing());
    }

    @Test
    void keepingBackupsPrunesTheOldestAndNumbersGoOn() throws Exception {
        Path file = file();
        PlanApplier applier = new PlanApplier().keepingBackups(2);
        for (int i = 1; i <= 3; i++) {
            applier.apply(set(file, "Disable", Integer.toString(i)));
        }
        applier.undo(file);
        PlanApplier.ApplyResult last = applier.apply(set(file, "Disable", "9"));
        assertEquals(Optional.of(dir.resolve("Mspclnt.ini.bak.3").toAbsolutePath()), last.backup());
        assertEquals(List.of(dir.resolve("Mspclnt.ini.bak.1").toAbsolutePath()), last.pruned());
        assertEquals(
                List.of("Mspclnt.ini", "Mspclnt.ini.bak.2", "Mspclnt.ini.bak.2.undone", "Mspclnt.ini.bak.3"),
                listing());
        assertThrows(IllegalArgumentException.class, () -> new PlanApplier().keepingBackups(0));
    }

    // --- 4. backup trust ---------------------------------------------------------------------------------

    @Test
    void undoRefusesABackupThatIsALinkAndCopiesNoSecret() throws Exception {
        Path file = file();
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        Path secret = Files.writeString(dir.resolve("secret"), "[S]\r\npassword=hunter2\r\n");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
        new PlanApplier().apply(set(file, "Disable", "1"));
        String applied = Files.readString(file);
        Files.createSymbolicLink(dir.resolve("Mspclnt.ini.bak.1"), secret);
        IOException e = assertThrows(Backups.UntrustedBackupException.class, () -> new PlanApplier().undo(file));
        assertTrue(e.getMessage().contains("symbolic link"), e.getMessage());
        assertEquals(applied, Files.readString(file));
        assertFalse(Files.exists(dir.resolve("Mspclnt.ini.bak.1.undone"), java.nio.file.LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void undoRefusesABackupWithASecondHardLink() throws Exception {
        Path file = file();
        Path secret = Files.writeString(dir.resolve("secret"), "[S]\r\npassword=hunter2\r\n");
        Files.createLink(dir.resolve("Mspclnt.ini.bak"), secret);
        IOException e = assertThrows(Backups.UntrustedBackupException.class, () -> new PlanApplier().planUndo(file));
        assertTrue(e.getMessage().contains("hard link"), e.getMessage());
        assertEquals(ORIGINAL, Files.readString(file));
    }

    @Test
    void undoRefusesABackupThatIsAFifoAtOnce() throws Exception {
        Path file = file();
        Path fifo = mkfifo(dir.resolve("Mspclnt.ini.bak"));
        IOException e = assertTimeoutPreemptively(
                Duration.ofSeconds(30),
                () -> assertThrows(Backups.UntrustedBackupException.class, () -> new PlanApplier().undo(file)));
        assertTrue(e.getMessage().contains("not a regular file"), e.getMessage());
        assertTrue(Files.exists(fifo));
        assertEquals(ORIGINAL, Files.readString(file));
    }

    @Test
    void undoRefusesABackupOwnedBySomeoneElse() throws Exception {
        Path file = file();
        new PlanApplier().apply(set(file, "Disable", "1"));
        Path backup = dir.resolve("Mspclnt.ini.bak");
        UserPrincipal nobody;
        try {
            nobody = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
            Files.setOwner(backup, nobody);
        } catch (IOException | UnsupportedOperationException e) {
            assumeTrue(false, "cannot give a file to 'nobody' here: " + e);
            return;
        }
        IOException e = assertThrows(Backups.UntrustedBackupException.class, () -> new PlanApplier().undo(file));
        assertTrue(e.getMessage().contains("owned by nobody"), e.getMessage());
        // The seam: for the user 'nobody' the same backup is theirs, and undo restores it.
        PlanApplier asNobody = new PlanApplier(AtomicReplace.system(), "nobody", OptionalInt.empty());
        asNobody.undo(file);
        assertEquals(ORIGINAL, Files.readString(file));
    }

    @Test
    void restoredContentKeepsTheTargetsMode() throws Exception {
        Path file = file();
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        new PlanApplier().apply(set(file, "Disable", "1"));
        Files.setPosixFilePermissions(dir.resolve("Mspclnt.ini.bak"), PosixFilePermissions.fromString("rw-------"));
        new PlanApplier().undo(file);
        assertEquals(ORIGINAL, Files.readString(file));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    // --- 7. orphaned temporary files ----------------------------------------------------------------------

    @Test
    void theNextWriteRemovesTheTemporaryFilesOfKilledWritesAndNothingElse() throws Exception {
        Path file = file();
        Path orphan1 = Files.writeString(dir.resolve(".Mspclnt.ini.4123456789012345678.kbsh-tmp"), "half");
        Path orphan2 = Files.writeString(dir.resolve(".Mspclnt.ini.17.kbsh-tmp"), "half");
        Path otherFiles = Files.writeString(dir.resolve(".Other.ini.17.kbsh-tmp"), "not ours");
        Path lookalike = Files.writeString(dir.resolve(".Mspclnt.ini.notes.kbsh-tmp"), "not ours");
        Path linked = Files.createSymbolicLink(dir.resolve(".Mspclnt.ini.18.kbsh-tmp"), otherFiles);
        PlanApplier.ApplyResult result = new PlanApplier().apply(set(file, "Disable", "1"));
        assertEquals(
                Set.of(orphan1.toAbsolutePath(), orphan2.toAbsolutePath()), new HashSet<>(result.orphansRemoved()));
        assertFalse(Files.exists(orphan1));
        assertFalse(Files.exists(orphan2));
        assertTrue(Files.exists(otherFiles));
        assertTrue(Files.exists(lookalike));
        assertTrue(Files.isSymbolicLink(linked));
    }

    @Test
    void anApplyKilledMidwayLeavesATemporaryFileThatTheNextWriteRemoves() throws Exception {
        Path file = file();
        Process writer = java(StuckWriter.class, file.toString());
        Path temporary;
        try {
            BufferedReader out =
                    new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            assertTrue(line != null && line.startsWith("written "), String.valueOf(line));
            temporary = Path.of(line.substring("written ".length()));
        } finally {
            writer.destroyForcibly();
        }
        assertTrue(writer.waitFor(60, TimeUnit.SECONDS));
        assertTrue(Files.exists(temporary), "kill -9 leaves the temporary file behind");
        assertEquals(ORIGINAL, Files.readString(file));
        // The killed apply had made its backup; the next apply keeps it and numbers its own after it.
        PlanApplier.ApplyResult next = new PlanApplier().apply(set(file, "Disable", "2"));
        assertEquals(List.of(temporary), next.orphansRemoved());
        assertFalse(Files.exists(temporary));
        assertEquals(List.of("Mspclnt.ini", "Mspclnt.ini.bak", "Mspclnt.ini.bak.1"), listing());
    }

    // --- 9. files that are not files -------------------------------------------------------------------------

    @Test
    void readingAFifoOrADeviceIsRefusedAtOnce() throws Exception {
        Path fifo = mkfifo(dir.resolve("pipe.ini"));
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            IOException e = assertThrows(DataFiles.DataFileException.class, () -> IniDocument.read(fifo));
            assertTrue(e.getMessage().contains("not a regular file"), e.getMessage());
            assertThrows(DataFiles.DataFileException.class, () -> IniDocument.read(Path.of("/dev/zero")));
            IniPlan plan = IniPlan.of(fifo, Optional.empty(), List.of(new IniEdit.Set("S", "K", "V")), List.of());
            assertThrows(DataFiles.DataFileException.class, () -> new PlanApplier().apply(plan));
        });
        assertTrue(Files.exists(fifo));
    }

    @Test
    void anIniFileBeyondTheLimitIsRefused() throws Exception {
        Path big = dir.resolve("big.ini");
        try (var channel = java.nio.channels.FileChannel.open(
                big, java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE)) {
            // A sparse file: the limit is checked before anything is read.
            channel.write(java.nio.ByteBuffer.wrap(new byte[] {'x'}), io.kbsh.model.internal.Limits.INI_BYTES);
        }
        IOException e = assertThrows(DataFiles.DataFileException.class, () -> IniDocument.read(big));
        assertTrue(e.getMessage().contains("larger than the 32 MiB limit for an INI file"), e.getMessage());
    }

    // --- issue 9: a new Unicode file through a plan ----------------------------------------------------------

    @Test
    void aNewUtf16FileIsCreatedThroughAPlan() throws Exception {
        Path file = dir.resolve("Wspcfg.ini");
        IniPlan plan = IniPlan.create(file, IniEncoding.utf16le(), List.of(new IniEdit.Set("S", "K", "V")), List.of());
        assertTrue(plan.diff().contains("+[S]"), plan.diff());
        PlanApplier.ApplyResult result = new PlanApplier().apply(plan);
        assertEquals(Optional.empty(), result.backup());
        // A new Unicode file is a byte order mark that the first write fills, as on Windows (an application
        // writes the BOM, then WritePrivateProfileString): FF FE, then "\r\n[S]\r\nK=V\r\n" in UTF-16LE.
        byte[] text = "\r\n[S]\r\nK=V\r\n".getBytes(StandardCharsets.UTF_16LE);
        byte[] expected = new byte[text.length + 2];
        expected[0] = (byte) 0xFF;
        expected[1] = (byte) 0xFE;
        System.arraycopy(text, 0, expected, 2, text.length);
        assertArrayEquals(expected, Files.readAllBytes(file));
        // Created means it did not exist: a file that appeared meanwhile is not overwritten.
        assertThrows(IniFileChangedException.class, () -> new PlanApplier().apply(plan));
    }

    /** Runs {@code main} of {@code type} in a JVM of its own, on the tests' class path. */
    private static Process java(Class<?> type, String argument) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(
                        java, "-Xmx32m", "-cp", System.getProperty("java.class.path"), type.getName(), argument)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
    }

    private static Path mkfifo(Path path) throws Exception {
        Process p;
        try {
            p = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
        } catch (IOException e) {
            assumeTrue(false, "no mkfifo here: " + e);
            return path;
        }
        assumeTrue(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0, "mkfifo failed");
        return path;
    }
}
