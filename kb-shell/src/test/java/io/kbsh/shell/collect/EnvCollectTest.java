package io.kbsh.shell.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kbsh.model.command.CommandException;
import io.kbsh.model.command.ExitStatus;
import io.kbsh.model.env.Component;
import io.kbsh.model.env.Environment;
import io.kbsh.model.env.EventLogEntry;
import io.kbsh.model.env.InstalledService;
import io.kbsh.model.env.Provenance;
import io.kbsh.model.env.RegistryType;
import io.kbsh.model.env.RegistryValue;
import io.kbsh.model.env.Server;
import io.kbsh.model.version.ReleaseLevel;
import io.kbsh.shell.check.CheckEngine;
import io.kbsh.shell.check.CheckSession;
import io.kbsh.shell.check.EnvCommand;
import io.kbsh.shell.env.EnvironmentReader;
import io.kbsh.shell.plugin.Contribution;
import io.kbsh.shell.plugin.Contributions;
import io.kbsh.testkit.RecordingContext;
import java.io.RandomAccessFile;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code env collect DIR} on a folder as a person would copy it off two servers: an INI copy, a REGEDIT4
 * export, a Unicode (version 5.00) export and Event Viewer exports in text and comma-delimited form, a
 * partial description, and files collect does not read. The samples are made for the test in the
 * documented formats.
 */
class EnvCollectTest {

    @TempDir
    Path dir;

    Path collected;
    RecordingContext ctx;
    CheckSession session;
    EnvCommand env;

    private static final Charset ANSI = Charset.forName("windows-1252");

    @BeforeEach
    void setUp() throws Exception {
        ctx = new RecordingContext(dir, dir.resolve("home"));
        session = new CheckSession();
        env = new EnvCommand(session, new CheckEngine(new Contributions() {
            @Override
            public <T> List<Contribution<T>> of(Class<T> spi) {
                return List.of();
            }
        }));
        collected = dir.resolve("collected");
        Path mail1 = Files.createDirectories(collected.resolve("NWMAIL1"));
        Path mail2 = Files.createDirectories(collected.resolve("NWMAIL2"));
        // What is known already: the organisation, the proxy, and NWMAIL1 with its Exchange level.
        Files.writeString(collected.resolve("description.json"), """
                {"schemaVersion": 2, "organisation": "Northwind Traders",
                 "servers": [{"id": "NWMAIL1", "exchange": "5.5 SP1", "addresses": ["10.1.0.20"]}],
                 "proxies": [{"id": "wsp", "version": "2.0 SP1", "internalAddress": "10.1.0.1"}]}
                """);
        Files.write(
                mail1.resolve("Mspclnt.ini"),
                "[Common]\r\nPort=1745\r\n[Servers Ip Addresses]\r\nName=PROXY1\r\n".getBytes(ANSI));
        // REGEDIT4, ANSI: Windows NT 4.0 SP6, the MTA service, a driver (not a service), a deleted value.
        Files.write(
                mail1.resolve("nt4.reg"),
                ("REGEDIT4\r\n\r\n"
                                + "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion]\r\n"
                                + "\"CurrentVersion\"=\"4.0\"\r\n"
                                + "\"CSDVersion\"=\"Service Pack 6\"\r\n"
                                + "\"CurrentBuildNumber\"=\"1381\"\r\n\r\n"
                                + "[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\MSExchangeMTA]\r\n"
                                + "\"Start\"=dword:00000002\r\n"
                                + "\"Type\"=dword:00000010\r\n"
                                + "\"DisplayName\"=\"Microsoft Exchange Message Transfer Agent\"\r\n\r\n"
                                + "[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\MSExchangeDS\\Parameters]\r\n"
                                + "\"TCP/IP port\"=dword:00000fa0\r\n"
                                + "\"Obsolete\"=\"x\"\r\n"
                                + "\"Obsolete\"=-\r\n\r\n"
                                + "[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\Tcpip]\r\n"
                                + "\"Start\"=dword:00000001\r\n"
                                + "\"Type\"=dword:00000001\r\n")
                        .getBytes(ANSI));
        Files.write(
                mail1.resolve("System.txt"),
                ("3/15/1999\t10:22:31 PM\tMSExchangeMTA\tError\tInterface\t9301\tN/A"
                                + "\tNWMAIL1\tA non-transient failure with the X.400 stack.\r\n")
                        .getBytes(ANSI));
        // Windows Registry Editor 5.00, UTF-16LE with its byte order mark: the Exchange build of 5.5 SP2.
        String v5 = "Windows Registry Editor Version 5.00\r\n\r\n"
                + "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Exchange\\Setup]\r\n"
                + "\"NewestBuild\"=dword:00000990\r\n"
                + "\"Services\"=\"C:\\\\EXCHSRVR\"\r\n"
                + "\"Paths\"=hex(7):43,00,3a,00,5c,00,00,00,00,00\r\n";
        byte[] text = v5.getBytes(StandardCharsets.UTF_16LE);
        byte[] withBom = new byte[text.length + 2];
        withBom[0] = (byte) 0xFF;
        withBom[1] = (byte) 0xFE;
        System.arraycopy(text, 0, withBom, 2, text.length);
        Files.write(mail2.resolve("exchange.reg"), withBom);
        Files.write(
                mail2.resolve("AppEvent.csv"),
                ("15.03.1999,22:22:31,MSExchangeIMC,Warning,SMTP Interface Events,"
                                + "4007,N/A,NWMAIL2,\"Said \"\"no\"\", then closed\"\r\n"
                                + "16.03.1999,08:00:00,MSExchangeIMC,Information,None,1000,N/A,NWMAIL2,Started\r\n")
                        .getBytes(ANSI));
        Files.writeString(mail2.resolve("notes.doc"), "what I saw");
        Files.write(mail2.resolve("AppEvent.evt"), new byte[] {0x30, 0, 0, 0, 'L', 'f', 'L', 'e'});
        Files.writeString(mail2.resolve("readme.txt"), "copied on Tuesday from the server room\n");
    }

    @Test
    void aFolderOfCollectedFilesBecomesAnEnvironmentWithItsReport() throws Exception {
        assertEquals(ExitStatus.OK, env.run(ctx, List.of("collect", "collected")));
        String out = ctx.output();
        Path written = collected.resolve("environment.json");
        assertTrue(Files.isRegularFile(written), out);
        Environment e = EnvironmentReader.read(written);
        assertEquals("Northwind Traders", e.organisation());

        Server mail1 = e.server("NWMAIL1").orElseThrow();
        assertEquals(ReleaseLevel.parse("5.5 SP1"), mail1.exchange(), "the described level stays");
        assertTrue(mail1.provenanceOf("exchange").isEmpty(), "a stated field has no provenance");
        assertEquals("Windows NT 4.0 SP6", mail1.os().orElseThrow().toString());
        Provenance os = mail1.provenanceOf("os").orElseThrow();
        assertEquals(Provenance.Source.COLLECT, os.source());
        assertEquals("NWMAIL1/nt4.reg:4", os.origin().orElseThrow(), "file and line of CurrentVersion");
        InstalledService mta = mail1.service("MSExchangeMTA").orElseThrow();
        assertEquals(InstalledService.StartMode.AUTOMATIC, mta.startMode().orElseThrow());
        assertEquals(
                "Microsoft Exchange Message Transfer Agent", mta.displayName().orElseThrow());
        assertTrue(mail1.service("Tcpip").isEmpty(), "a driver is no service");
        assertEquals(java.util.Set.of(Component.MTA), mail1.components());
        assertEquals("PROXY1", mail1.wspClient().orElseThrow().configuredName().orElseThrow());
        assertEquals(
                "NWMAIL1/Mspclnt.ini",
                mail1.provenanceOf("wspClient").orElseThrow().origin().orElseThrow());
        assertEquals(
                collected.resolve("NWMAIL1/Mspclnt.ini").toAbsolutePath().normalize(),
                mail1.ini("Mspclnt.ini")
                        .orElseThrow()
                        .localCopy()
                        .orElseThrow()
                        .toAbsolutePath()
                        .normalize());
        assertEquals(
                "C:\\Mspclnt\\Mspclnt.ini",
                mail1.ini("Mspclnt.ini").orElseThrow().serverPath());

        var evidence1 = e.collectedFrom("NWMAIL1");
        RegistryValue port = evidence1
                .registryValue("HKLM\\SYSTEM\\CurrentControlSet\\Services\\MSExchangeDS\\Parameters", "TCP/IP port")
                .orElseThrow();
        assertEquals(4000, port.number().getAsLong());
        assertTrue(
                evidence1
                        .registryValue(
                                "HKLM\\SYSTEM\\CurrentControlSet\\Services\\MSExchangeDS\\Parameters", "Obsolete")
                        .isEmpty(),
                "a value the export deletes is not collected");
        EventLogEntry mtaEvent = evidence1.events("MSExchangeMTA", 9301).get(0);
        assertEquals(LocalDateTime.of(1999, 3, 15, 22, 22, 31), mtaEvent.time());
        assertEquals("System", mtaEvent.log().orElseThrow());
        assertEquals(EventLogEntry.Type.ERROR, mtaEvent.type());
        assertTrue(mtaEvent.user().isEmpty(), "N/A is no user");
        assertEquals(
                "NWMAIL1/System.txt:1",
                mtaEvent.provenance().orElseThrow().origin().orElseThrow());

        Server mail2 = e.server("NWMAIL2").orElseThrow();
        assertEquals(
                ReleaseLevel.parse("5.5 SP2"), mail2.exchange(), "build 2448 (0x990) is 5.5 SP2 by the build table");
        Provenance level = mail2.provenanceOf("exchange").orElseThrow();
        assertEquals("NWMAIL2/exchange.reg:4", level.origin().orElseThrow());
        assertTrue(level.article().isPresent(), "the level cites the article whose builds mapped it");
        var evidence2 = e.collectedFrom("NWMAIL2");
        assertEquals(
                List.of("C:\\"),
                evidence2
                        .registryValue("HKLM\\SOFTWARE\\Microsoft\\Exchange\\Setup", "Paths")
                        .orElseThrow()
                        .strings());
        assertEquals(
                RegistryType.SZ,
                evidence2
                        .registryValue("HKLM\\SOFTWARE\\Microsoft\\Exchange\\Setup", "Services")
                        .orElseThrow()
                        .type());
        assertEquals(
                "C:\\EXCHSRVR",
                evidence2
                        .registryValue("HKLM\\SOFTWARE\\Microsoft\\Exchange\\Setup", "Services")
                        .orElseThrow()
                        .text()
                        .orElseThrow(),
                "the escaped backslash of the export is one backslash");
        EventLogEntry imc = evidence2.events("MSExchangeIMC", 4007).get(0);
        assertEquals(LocalDateTime.of(1999, 3, 15, 22, 22, 31), imc.time(), "day first, decided from the file");
        assertEquals("Said \"no\", then closed", imc.description());
        assertEquals("Application", imc.log().orElseThrow());

        // The report: what each file contributed, what was ignored and why.
        assertTrue(out.contains("description.json: the description: 1 server(s), 1 proxy server(s)"), out);
        assertTrue(
                out.contains("NWMAIL1/Mspclnt.ini: INI copy of C:\\Mspclnt\\Mspclnt.ini on NWMAIL1; the WinSock Proxy"
                        + " client names its proxy PROXY1"),
                out);
        assertTrue(out.contains("NWMAIL1/nt4.reg: 9 registry value(s) under 4 key(s) (REGEDIT4, ANSI)"), out);
        assertTrue(
                out.contains("NWMAIL2/exchange.reg: 3 registry value(s) under 1 key(s) (Windows Registry Editor 5.00,"
                        + " UTF-16LE)"),
                out);
        assertTrue(out.contains("NWMAIL1/System.txt: 1 event-log entry of the System log"), out);
        assertTrue(out.contains("NWMAIL2/AppEvent.csv: 2 event-log entries of the Application log"), out);
        String ignored = out.substring(out.indexOf("Ignored:"));
        assertTrue(ignored.contains("NWMAIL2/AppEvent.evt: a binary event log"), out);
        assertTrue(ignored.contains("NWMAIL2/notes.doc: not a kind env collect reads"), out);
        assertTrue(ignored.contains("NWMAIL2/readme.txt: not an Event Viewer export"), out);
        assertTrue(out.contains("Wrote " + written), out);

        // It is what env load reads, and a second collect keeps the first file as a backup.
        ctx.reset();
        env.run(ctx, List.of("load", written.toString()));
        assertEquals(2, session.requireEnvironment().servers().size());
        assertThrows(
                CommandException.class,
                () -> env.run(ctx, List.of("collect", "collected")),
                "an existing file is not replaced in batch mode without --yes");
        assertEquals(ExitStatus.OK, env.run(ctx, List.of("collect", "collected", "--yes")));
    }

    @Test
    void aServerFolderWithoutALevelIsRefusedNamingWhatToAdd() throws Exception {
        Files.createDirectories(collected.resolve("NWMAIL3"));
        Files.writeString(collected.resolve("NWMAIL3/Wspcfg.ini"), "[STORE]\r\n");
        CommandException e = assertThrows(CommandException.class, () -> env.run(ctx, List.of("collect", "collected")));
        assertTrue(
                e.getMessage().contains("NWMAIL3: no Exchange Server level for NWMAIL3")
                        && e.getMessage().contains("NewestBuild"),
                e.getMessage());
        assertFalse(Files.exists(collected.resolve("environment.json")), "nothing is written");
    }

    @Test
    void aBrokenExportIsOneLineWithItsFileAndLineAndASkippedLineIsANote() throws Exception {
        Files.write(
                collected.resolve("NWMAIL1/skip.reg"),
                "REGEDIT4\r\n\r\n[HKEY_LOCAL_MACHINE\\X]\r\n\"v\"=dword:zz\r\n".getBytes(ANSI));
        assertEquals(ExitStatus.OK, env.run(ctx, List.of("collect", "collected")));
        assertTrue(
                ctx.output().contains("note: NWMAIL1/skip.reg:4: "), "a line Regedit skips is said: " + ctx.output());
        Files.write(collected.resolve("NWMAIL1/bad.reg"), "REGEDT4\r\n[HKEY_LOCAL_MACHINE\\X]\r\n".getBytes(ANSI));
        CommandException e =
                assertThrows(CommandException.class, () -> env.run(ctx, List.of("collect", "collected", "--yes")));
        assertTrue(e.getMessage().matches(".*NWMAIL1/bad\\.reg:1: not a registry export.*"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void fifosLinksAndOversizedFilesAreRefusedBeforeTheyAreRead() throws Exception {
        Path fifo = collected.resolve("NWMAIL1/pipe.reg");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertEquals(0, mkfifo.waitFor());
        CommandException e = assertThrows(CommandException.class, () -> env.run(ctx, List.of("collect", "collected")));
        assertTrue(e.getMessage().contains("pipe.reg: not a regular file"), e.getMessage());
        Files.delete(fifo);

        Files.createSymbolicLink(collected.resolve("NWMAIL1/secret.ini"), dir.resolve("home-secret"));
        e = assertThrows(CommandException.class, () -> env.run(ctx, List.of("collect", "collected")));
        assertTrue(e.getMessage().contains("secret.ini: a symbolic link"), e.getMessage());
        Files.delete(collected.resolve("NWMAIL1/secret.ini"));

        // A sparse file: its size is refused without reading it.
        try (RandomAccessFile big =
                new RandomAccessFile(collected.resolve("NWMAIL1/huge.reg").toFile(), "rw")) {
            big.setLength(RegistryLimit.BYTES + 1);
        }
        e = assertThrows(CommandException.class, () -> env.run(ctx, List.of("collect", "collected")));
        assertTrue(e.getMessage().contains("huge.reg: larger than the"), e.getMessage());
        assertFalse(Files.exists(collected.resolve("environment.json")));
    }

    /** The registry export limit, as collect applies it. */
    private static final class RegistryLimit {
        static final long BYTES = io.kbsh.ini.reg.RegDocument.MAX_BYTES;
    }

    @Test
    void theCiteIsTheBuildTablesArticle() {
        CollectedFolder.BuildMatch m = ExchangeLevels.ofBuild(2232).orElseThrow();
        assertEquals(ReleaseLevel.parse("5.5 SP1"), m.level());
        assertEquals(
                ReleaseLevel.parse("4.0 SP5"),
                ExchangeLevels.ofBuild(996).orElseThrow().level());
        assertEquals(
                ReleaseLevel.parse("5.0 SP2"),
                ExchangeLevels.ofBuild(1460).orElseThrow().level());
        assertTrue(ExchangeLevels.ofBuild(500).isEmpty(), "below 4.0's first build nothing is said");
    }

    /** Q193928 needs to know which proxy the client's name means: the described proxy of that computer name. */
    @Test
    void theClientsProxyNameIsMatchedToTheDescribedProxy() throws Exception {
        Files.writeString(collected.resolve("description.json"), """
                {"schemaVersion": 2,
                 "servers": [{"id": "NWMAIL1", "exchange": "5.5 SP1"}],
                 "proxies": [{"id": "wsp", "version": "2.0 SP1", "name": "proxy1", "internalAddress": "10.1.0.1"},
                             {"id": "edge", "version": "2.0 SP1", "name": "EDGE", "internalAddress": "10.1.0.2"}]}
                """);
        assertEquals(ExitStatus.OK, env.run(ctx, List.of("collect", "collected")));
        Environment e = EnvironmentReader.read(collected.resolve("environment.json"));
        assertEquals(
                "wsp",
                e.server("NWMAIL1")
                        .orElseThrow()
                        .wspClient()
                        .orElseThrow()
                        .proxy()
                        .orElseThrow(),
                "Name=PROXY1 is the proxy named proxy1 (Windows ignores the case of computer names)");
        assertTrue(
                ctx.output().contains("NWMAIL1: its WinSock Proxy client's PROXY1 is proxy wsp of the description"),
                ctx.output());

        Files.writeString(collected.resolve("description.json"), """
                {"schemaVersion": 2,
                 "servers": [{"id": "NWMAIL1", "exchange": "5.5 SP1"}],
                 "proxies": [{"id": "wsp", "version": "2.0 SP1", "internalAddress": "10.1.0.1"}]}
                """);
        ctx.reset();
        assertEquals(ExitStatus.OK, env.run(ctx, List.of("collect", "collected", "--yes")));
        assertTrue(
                EnvironmentReader.read(collected.resolve("environment.json"))
                        .server("NWMAIL1")
                        .orElseThrow()
                        .wspClient()
                        .orElseThrow()
                        .proxy()
                        .isEmpty(),
                "no described proxy has that name: none is guessed");
    }
}
