package io.kbsh.ini.reg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Registry exports as NT 4.0's and Windows 2000's Regedit write them, and what importing them leaves. */
class RegDocumentTest {

    private static final String DS =
            "HKEY_LOCAL_MACHINE\\System\\CurrentControlSet\\Services\\MSExchangeDS\\Parameters";

    private static byte[] ansi(String text) {
        return text.getBytes(java.nio.charset.Charset.forName("windows-1252"));
    }

    private static byte[] unicode(String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_16LE);
        byte[] out = new byte[body.length + 2];
        out[0] = (byte) 0xFF;
        out[1] = (byte) 0xFE;
        System.arraycopy(body, 0, out, 2, body.length);
        return out;
    }

    @Test
    void readsARegedit4ExportWithEveryValueKind() throws Exception {
        String text = "REGEDIT4\r\n\r\n"
                + "[" + DS + "]\r\n"
                + "\"TCP/IP port\"=dword:00000fa0\r\n"
                + "\"Path\"=\"C:\\\\Exchsrvr\\\\Bin\"\r\n"
                + "@=\"default \\\"quoted\\\"\"\r\n"
                + "\"Expand\"=hex(2):25,53,79,73,74,65,6d,52,6f,6f,74,25,00\r\n"
                + "\"Multi\"=hex(7):61,00,62,63,00,00\r\n"
                + "\"Blob\"=hex:01,02,\\\r\n  ff\r\n"
                + "\"Big\"=hex(b):01,00,00,00,00,00,00,80\r\n"
                + "\"None\"=hex(0):\r\n";
        RegDocument reg = RegDocument.parse(ansi(text));

        assertEquals(RegFormat.REGEDIT4, reg.format());
        assertTrue(reg.warnings().isEmpty(), reg.warnings().toString());
        assertEquals(Optional.of(new RegValue.Dword(4000)), reg.get(DS, "TCP/IP port"));
        assertEquals(Optional.of(new RegValue.Sz("C:\\Exchsrvr\\Bin")), reg.get(DS, "path"));
        assertEquals(Optional.of(new RegValue.Sz("default \"quoted\"")), reg.get(DS, ""));
        assertEquals(Optional.of(new RegValue.ExpandSz("%SystemRoot%")), reg.get(DS, "Expand"));
        assertEquals(Optional.of(new RegValue.MultiSz(List.of("a", "bc"))), reg.get(DS, "Multi"));
        assertEquals(Optional.of(RegValue.Binary.of((byte) 1, (byte) 2, (byte) 0xFF)), reg.get(DS, "Blob"));
        assertEquals(Optional.of(new RegValue.Qword(0x8000000000000001L)), reg.get(DS, "Big"));
        assertEquals(Optional.of(new RegValue.Binary(0, new byte[0])), reg.get(DS, "None"));
        assertArrayEquals(ansi(text), reg.toBytes());
        assertEquals(
                7,
                reg.entries().stream()
                        .filter(e -> e.line() == 7)
                        .findFirst()
                        .orElseThrow()
                        .line());
    }

    @Test
    void readsAVersion5UnicodeExportAndItsUtf16HexStrings() throws Exception {
        String text = "Windows Registry Editor Version 5.00\r\n\r\n"
                + "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Exchange\\Setup]\r\n"
                + "\"Services\"=\"C:\\\\Exchsrvr\"\r\n"
                + "\"Café\"=hex(2):25,00,54,00,45,00,4d,00,50,00,25,00,00,00\r\n"
                + "\"Names\"=hex(7):78,00,00,00,79,00,7a,00,00,00,00,00\r\n";
        byte[] bytes = unicode(text);
        RegDocument reg = RegDocument.parse(bytes);

        assertEquals(RegFormat.REGEDIT5, reg.format());
        assertTrue(reg.encoding().isUnicode());
        String key = "hkey_local_machine\\software\\microsoft\\exchange\\setup";
        assertEquals(Optional.of(new RegValue.ExpandSz("%TEMP%")), reg.get(key, "CAFÉ"));
        assertEquals(Optional.of(new RegValue.MultiSz(List.of("x", "yz"))), reg.get(key, "names"));
        assertArrayEquals(bytes, reg.toBytes());
    }

    @Test
    void anImportReplaysInOrderCaseInsensitively() throws Exception {
        String text = "REGEDIT4\n\n"
                + "[HKEY_LOCAL_MACHINE\\Software\\A]\n\"x\"=\"1\"\n\"y\"=\"keep\"\n"
                + "[hkey_local_machine\\SOFTWARE\\a]\n\"X\"=\"2\"\n"
                + "[HKEY_LOCAL_MACHINE\\Software\\A\\Sub]\n\"z\"=\"gone\"\n"
                + "[HKEY_LOCAL_MACHINE\\Software\\B]\n\"b\"=\"gone\"\n\"kept\"=dword:1\n\"b\"=-\n"
                + "[-HKEY_LOCAL_MACHINE\\Software\\A\\SUB]\n";
        RegDocument reg = RegDocument.parse(ansi(text));

        assertEquals(
                Map.of("X", new RegValue.Sz("2"), "y", new RegValue.Sz("keep")),
                reg.values("HKEY_LOCAL_MACHINE\\Software\\A"));
        assertEquals(Optional.empty(), reg.get("HKEY_LOCAL_MACHINE\\Software\\A\\Sub", "z"));
        assertEquals(Optional.empty(), reg.get("HKEY_LOCAL_MACHINE\\Software\\B", "b"));
        assertEquals(Optional.of(new RegValue.Dword(1)), reg.get("HKEY_LOCAL_MACHINE\\Software\\B", "kept"));
        assertEquals(List.of("HKEY_LOCAL_MACHINE\\Software\\A", "HKEY_LOCAL_MACHINE\\Software\\B"), reg.keys());
        assertTrue(reg.entries().get(reg.entries().size() - 1).deletion());
        assertArrayEquals(ansi(text), reg.toBytes());
    }

    @Test
    void linesRegeditSkipsAreKeptAndReportedWithTheirLine() throws Exception {
        String text = "REGEDIT4\r\n"
                + "\"orphan\"=\"before any key\"\r\n"
                + "[HKEY_NOWHERE\\X]\r\n"
                + "\"under\"=\"unknown root\"\r\n"
                + "[HKEY_CURRENT_USER\\Software]\r\n"
                + "garbage line\r\n"
                + "\"bad\"=dword:123456789\r\n"
                + "\"open\"=\"no end\r\n"
                + "; a comment\r\n"
                + "\"ok\"=\"yes\"";
        RegDocument reg = RegDocument.parse(ansi(text));

        assertEquals(
                List.of(2, 3, 4, 6, 7, 8),
                reg.warnings().stream()
                        .map(w -> Integer.parseInt(w.substring(5, w.indexOf(':'))))
                        .toList());
        assertEquals(Optional.of(new RegValue.Sz("yes")), reg.get("HKEY_CURRENT_USER\\Software", "ok"));
        assertArrayEquals(ansi(text), reg.toBytes());
    }

    @Test
    void bytesThatAreNoExportAreRefusedWithTheLine() {
        RegParseException notReg =
                assertThrows(RegParseException.class, () -> RegDocument.parse(ansi("[Master Config]\r\nKey=1\r\n")));
        assertEquals(1, notReg.line());
        assertTrue(notReg.getMessage().contains("REGEDIT4"), notReg.getMessage());
        assertThrows(RegParseException.class, () -> RegDocument.parse(new byte[0]));
        assertThrows(RegParseException.class, () -> RegDocument.parse(new byte[] {(byte) 0xFF, (byte) 0xFE, 'R'}));
        RegParseException utf8 = assertThrows(
                RegParseException.class,
                () -> RegDocument.parse(
                        ("\uFEFFWindows Registry Editor Version 5.00\r\n").getBytes(StandardCharsets.UTF_8)));
        assertTrue(utf8.getMessage().contains("UTF-8"), utf8.getMessage());
    }

    @Test
    void readRefusesWhatIsNoRegularFileOrTooLarge(@TempDir Path dir) throws IOException {
        IOException directory = assertThrows(IOException.class, () -> RegDocument.read(dir));
        assertTrue(directory.getMessage().contains("not a regular file"), directory.getMessage());
        Path file = dir.resolve("x.reg");
        Files.write(file, ansi("REGEDIT4\r\n\r\n[HKEY_USERS\\.DEFAULT]\r\n\"a\"=\"b\"\r\n"));
        assertEquals(Optional.of(new RegValue.Sz("b")), RegDocument.read(file).get("HKEY_USERS\\.DEFAULT", "a"));
        Files.write(file, ansi("not an export"));
        RegParseException bad = assertThrows(RegParseException.class, () -> RegDocument.read(file));
        assertTrue(bad.getMessage().contains(file.toString()), bad.getMessage());
    }

    @Test
    void theBuilderWritesWhatRegeditExports() {
        RegDocument reg = RegFileBuilder.create(RegFormat.REGEDIT4)
                .comment("kbsh: Q155831")
                .key(DS)
                .set("TCP/IP port", new RegValue.Dword(4000))
                .set("", new RegValue.Sz("C:\\Exchsrvr"))
                .delete("Old")
                .deleteKey("HKEY_LOCAL_MACHINE\\Software\\Stale")
                .build();
        String expected = "REGEDIT4\r\n\r\n; kbsh: Q155831\r\n[" + DS + "]\r\n\"TCP/IP port\"=dword:00000fa0\r\n"
                + "@=\"C:\\\\Exchsrvr\"\r\n\"Old\"=-\r\n\r\n[-HKEY_LOCAL_MACHINE\\Software\\Stale]\r\n\r\n";
        assertEquals(expected, new String(reg.toBytes(), StandardCharsets.ISO_8859_1));
    }

    @Test
    void theBuilderWrapsLongHexAt80ColumnsAndReadsItBack() {
        byte[] data = new byte[100];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) i;
        }
        RegDocument reg = RegFileBuilder.create(RegFormat.REGEDIT5)
                .key("HKEY_LOCAL_MACHINE\\Software\\K")
                .set("Blob", RegValue.Binary.of(data))
                .set("Multi line", new RegValue.Sz("one\r\ntwo"))
                .build();
        String text = new String(reg.toBytes(), 2, reg.toBytes().length - 2, StandardCharsets.UTF_16LE);
        for (String line : text.split("\r\n")) {
            assertTrue(line.length() <= 80, line.length() + ": " + line);
        }
        assertTrue(text.contains(",\\\r\n  "), text);
        assertTrue(text.contains("\"Multi line\"=hex(1):"), text);
        assertEquals(Optional.of(RegValue.Binary.of(data)), reg.get("HKEY_LOCAL_MACHINE\\Software\\K", "Blob"));
        assertEquals(
                Optional.of(new RegValue.Sz("one\r\ntwo")), reg.get("HKEY_LOCAL_MACHINE\\Software\\K", "multi line"));
    }

    @Test
    void theBuilderRefusesWhatRegeditCouldNotImport() {
        RegFileBuilder ansi = RegFileBuilder.create(RegFormat.REGEDIT4).key("HKEY_CURRENT_USER\\Software");
        ansi.set("Greek", new RegValue.Sz("\u03A9"));
        IllegalArgumentException omega = assertThrows(IllegalArgumentException.class, ansi::build);
        assertTrue(omega.getMessage().contains(RegFormat.REGEDIT5.header()), omega.getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> RegFileBuilder.create(RegFormat.REGEDIT5).key("HKLM\\Software"));
        assertThrows(
                IllegalStateException.class,
                () -> RegFileBuilder.create(RegFormat.REGEDIT5).set("x", new RegValue.Dword(1)));
        assertThrows(
                IllegalArgumentException.class,
                () -> RegFileBuilder.create(RegFormat.REGEDIT5)
                        .key("HKEY_USERS\\X")
                        .set("m", new RegValue.MultiSz(List.of("a", ""))));
    }
}
