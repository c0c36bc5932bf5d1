package io.kbsh.shell.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Event Viewer exports written as NT 4.0 and Windows 2000 save them (small samples made for the test). */
class EventLogExportTest {

    private static final Path FILE = Path.of("NWMAIL1", "application.txt");

    private static byte[] ansi(String text) {
        return text.getBytes(Charset.forName("windows-1252"));
    }

    @Test
    void readsNt4TabSeparatedTextWithTwelveHourTimes() throws Exception {
        String text = "3/15/1999\t10:22:31 PM\tMSExchangeMTA\tError\tInterface \t9301\tN/A\tNWMAIL1\tA"
                + " non-transient failure with the X.400 stack.\r\n"
                + "3/16/1999\t7:05:00 AM\tWinSock Proxy Client\tWarning\tNone\t4020\tN/A\tNWMAIL1\tFirst"
                + " line\r\n  second line of the same description\r\n";
        List<ExportedEvent> events = EventLogExport.parse(FILE, ansi(text), DateOrder.AUTO);

        assertEquals(2, events.size());
        ExportedEvent mta = events.get(0);
        assertEquals(LocalDateTime.of(1999, 3, 15, 22, 22, 31), mta.time());
        assertEquals("MSExchangeMTA", mta.source());
        assertEquals("Error", mta.type());
        assertEquals("Interface", mta.category());
        assertEquals(9301, mta.eventId());
        assertEquals("N/A", mta.user());
        assertEquals("NWMAIL1", mta.computer());
        assertEquals(1, mta.line());
        ExportedEvent proxy = events.get(1);
        assertEquals(LocalDateTime.of(1999, 3, 16, 7, 5), proxy.time());
        assertEquals("First line\nsecond line of the same description", proxy.description());
        assertEquals(2, proxy.line());
    }

    @Test
    void readsCommaDelimitedWithCommasAndQuotesInTheDescription() throws Exception {
        String text = "Date,Time,Source,Type,Category,Event,User,Computer,Description\r\n"
                + "15.03.1999,22:22:31,MSExchangeIMC,Information,Initialization,1000,N/A,FABEX01,Started, at last\r\n"
                + "16.03.1999,08:00:00,MSExchangeIMC,Error,\"SMTP Interface Events\",4007,N/A,FABEX01,"
                + "\"Said \"\"no\"\", then closed\"\r\n";
        List<ExportedEvent> events = EventLogExport.parse(FILE, ansi(text), DateOrder.AUTO);

        assertEquals(2, events.size());
        assertEquals(LocalDateTime.of(1999, 3, 15, 22, 22, 31), events.get(0).time());
        assertEquals("Started, at last", events.get(0).description());
        assertEquals("SMTP Interface Events", events.get(1).category());
        assertEquals("Said \"no\", then closed", events.get(1).description());
        assertEquals(3, events.get(1).line());
    }

    @Test
    void readsAWindows2000UnicodeExportAndIsoOrTwoDigitYears() throws Exception {
        String text = "\uFEFF2000-02-29\t23:59:59\tMSExchangeSA\tWarning\tNone\t9322\tN/A\tAWWEST\tCaf\u00e9\r\n"
                + "2000/3/1\t0:00:01\tMSExchangeSA\tInformation\tNone\t1\tN/A\tAWWEST\tok\r\n";
        List<ExportedEvent> events =
                EventLogExport.parse(FILE, text.getBytes(StandardCharsets.UTF_16LE), DateOrder.AUTO);
        assertEquals(LocalDateTime.of(2000, 2, 29, 23, 59, 59), events.get(0).time());
        assertEquals("Caf\u00e9", events.get(0).description());
        assertEquals(LocalDateTime.of(2000, 3, 1, 0, 0, 1), events.get(1).time());

        List<ExportedEvent> shortYears = EventLogExport.parse(
                FILE,
                ansi(
                        "1/2/99\t1:00:00 AM\tS\tError\tNone\t5\tN/A\tX\td\r\n1/2/01\t1:00:00 PM\tS\tError\tNone\t5\tN/A\tX\td"),
                DateOrder.AUTO);
        assertEquals(LocalDateTime.of(1999, 1, 2, 1, 0), shortYears.get(0).time());
        assertEquals(LocalDateTime.of(2001, 1, 2, 13, 0), shortYears.get(1).time());
        List<ExportedEvent> dmy =
                EventLogExport.parse(FILE, ansi("1/2/99\t1:00:00\tS\tError\tNone\t5\tN/A\tX\td"), DateOrder.DMY);
        assertEquals(LocalDateTime.of(1999, 2, 1, 1, 0), dmy.get(0).time());
    }

    @Test
    void badRecordsAreOneLineWithFileAndLine() {
        CollectException notExport = assertThrows(
                CollectException.class, () -> EventLogExport.parse(FILE, ansi("[Master Config]\r\n"), DateOrder.AUTO));
        assertTrue(notExport.getMessage().startsWith(FILE + ":1: not an Event Viewer export"), notExport.getMessage());
        CollectException type = assertThrows(
                CollectException.class,
                () -> EventLogExport.parse(
                        FILE, ansi("3/1/1999\t1:00:00\tS\tErr\tNone\t5\tN/A\tX\td\r\n"), DateOrder.AUTO));
        assertTrue(type.getMessage().startsWith(FILE + ":1: 'Err' is not an event type"), type.getMessage());
        CollectException date = assertThrows(
                CollectException.class,
                () -> EventLogExport.parse(
                        FILE,
                        ansi(
                                "3/1/1999\t1:00:00\tS\tError\tNone\t5\tN/A\tX\td\r\n2/30/1999\t1:00:00\tS\tError\tNone\t5\tN/A\tX\td\r\n"),
                        DateOrder.MDY));
        assertTrue(
                date.getMessage().startsWith(FILE + ":2: '2/30/1999' is not a date in mdy order"), date.getMessage());
        CollectException mixed = assertThrows(
                CollectException.class,
                () -> EventLogExport.parse(
                        FILE,
                        ansi(
                                "13/1/1999\t1:00\tS\tError\tNone\t5\tN/A\tX\td\r\n1/13/1999\t1:00\tS\tError\tNone\t5\tN/A\tX\td\r\n"),
                        DateOrder.AUTO));
        assertTrue(mixed.getMessage().contains("--date-order"), mixed.getMessage());
    }

    @Test
    void recognisesExportsByContent(@TempDir Path dir) throws Exception {
        assertTrue(EventLogExport.looksLikeExport(ansi("3/15/1999,10:22:31 PM,S,Error,None,9301,N/A,X,d\r\n")));
        assertFalse(EventLogExport.looksLikeExport(ansi("[Master Config]\r\nDisable=1\r\n")));
        assertFalse(EventLogExport.looksLikeExport(ansi("REGEDIT4\r\n")));
        Path fifo = dir.resolve("sub");
        Files.createDirectory(fifo);
        CollectException notFile =
                assertThrows(CollectException.class, () -> EventLogExport.read(fifo, DateOrder.AUTO));
        assertTrue(notFile.getMessage().endsWith("not a regular file"), notFile.getMessage());
    }
}
