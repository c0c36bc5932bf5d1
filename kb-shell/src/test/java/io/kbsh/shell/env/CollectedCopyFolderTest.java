package io.kbsh.shell.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kbsh.model.internal.DataFiles;
import io.kbsh.model.internal.Limits;
import io.kbsh.shell.json.JsonInputException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 14 cases 5 and 9: a collected copy stays inside the environment's folder; environment files have a limit. */
class CollectedCopyFolderTest {

    @TempDir
    Path dir;

    private Path environment(String localCopy) throws IOException {
        Path env = Files.createDirectories(dir.resolve("site")).resolve("env.json");
        Files.writeString(env, """
                {
                  "schemaVersion": 1,
                  "sites": [{"id": "hq"}],
                  "servers": [{
                    "id": "EXCH1", "site": "hq", "addresses": ["10.0.0.5"], "windowsNt": "4.0 SP6", "exchange": "5.5 SP1",
                    "iniFiles": [{"serverPath": "C:\\\\Mspclnt\\\\Mspclnt.ini", "localCopy": "%s"}]
                  }]
                }
                """.formatted(localCopy));
        return env;
    }

    @Test
    void aCopyInsideTheFolderIsResolvedThere() throws Exception {
        Path env = environment("collected/EXCH1/Mspclnt.ini");
        assertEquals(
                dir.resolve("site/collected/EXCH1/Mspclnt.ini").toAbsolutePath(),
                EnvironmentReader.read(env)
                        .servers()
                        .get(0)
                        .iniFiles()
                        .get(0)
                        .localCopy()
                        .orElseThrow());
    }

    @Test
    void aCopyOutsideTheFolderIsRefusedAtItsField() throws Exception {
        Path env = environment("../../victim/x.ini");
        JsonInputException e = assertThrows(JsonInputException.class, () -> EnvironmentReader.read(env));
        assertTrue(e.getMessage().contains("servers[0].iniFiles[0].localCopy"), e.getMessage());
        assertTrue(e.getMessage().contains("is outside the environment's folder"), e.getMessage());
        assertTrue(e.getMessage().startsWith(env + ":6:"), e.getMessage());
        JsonInputException absolute =
                assertThrows(JsonInputException.class, () -> EnvironmentReader.read(environment("/etc/passwd")));
        assertTrue(absolute.getMessage().contains("/etc/passwd is outside"), absolute.getMessage());
    }

    @Test
    void aLinkInsideTheFolderThatLeadsOutIsRefused() throws Exception {
        Path env = environment("collected/x.ini");
        Path victim = Files.writeString(dir.resolve("victim.ini"), "[S]\r\n");
        Files.createDirectories(dir.resolve("site/collected"));
        Files.createSymbolicLink(dir.resolve("site/collected/x.ini"), victim);
        JsonInputException e = assertThrows(JsonInputException.class, () -> EnvironmentReader.read(env));
        assertTrue(e.getMessage().contains("through a symbolic link"), e.getMessage());
    }

    @Test
    void aFolderTheUserNamesIsAllowedToo() throws Exception {
        Path copies = Files.createDirectories(dir.resolve("copies"));
        Path env = environment("../copies/x.ini");
        assertThrows(JsonInputException.class, () -> EnvironmentReader.read(env));
        assertEquals(
                copies.resolve("x.ini").toAbsolutePath(),
                EnvironmentReader.read(env, List.of(copies))
                        .servers()
                        .get(0)
                        .iniFiles()
                        .get(0)
                        .localCopy()
                        .orElseThrow());
    }

    @Test
    void anEnvironmentFileBeyondItsLimitOrNotAFileIsRefusedAtOnce() throws Exception {
        Path big = dir.resolve("big.json");
        try (FileChannel channel = FileChannel.open(big, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(new byte[] {' '}), Limits.ENVIRONMENT_BYTES);
        }
        IOException e = assertThrows(DataFiles.DataFileException.class, () -> EnvironmentReader.read(big));
        assertTrue(e.getMessage().endsWith("larger than the 16 MiB limit for an environment file"), e.getMessage());
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            IOException device =
                    assertThrows(DataFiles.DataFileException.class, () -> EnvironmentReader.read(Path.of("/dev/zero")));
            assertTrue(device.getMessage().contains("not a regular file"), device.getMessage());
        });
    }
}
