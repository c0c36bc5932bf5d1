package io.kbsh.ini.document;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Lossless round trips, in-place edits and refused edits. */
class IniDocumentTest {

    private static IniDocument doc(String text) throws IniParseException {
        return IniDocument.parse(latin1(text));
    }

    private static byte[] latin1(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String text(IniDocument d) {
        return new String(d.toBytes(), StandardCharsets.ISO_8859_1);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "no newline at end",
                "\r\n\r\n",
                "Data \0 before \0 first \0 section\r\n[section1]\r\nkey1=string1\r\n",
                "[a]\r\nk = v \t \r\n;c\n\rstray line\r\n[A]\nk=dup\rK=dup2",
                "[S]K=v\r\n[]\r\n=x\r\n  [ spaced ]  trailing\r\n\u000B",
                "[s]\r\nk=\u0081\u008D\u008F\u0090\u009D\u00FF\r\n",
            })
    void untouchedDocumentsWriteBackByteForByte(String text) throws Exception {
        assertArrayEquals(latin1(text), doc(text).toBytes());
    }

    @Test
    void bytesUndefinedInWindows1252SurviveAnEditOfTheirLine() throws Exception {
        IniDocument d = doc("[s]\r\n\u0081key\u008D=old\r\n");
        IniDocument edited = d.set("s", "\u0081key\u008D", "new");
        assertEquals("[s]\r\n\u0081key\u008D=new\r\n", text(edited));
    }

    @Test
    void unicodeFilesStayUnicodeWhenEdited() throws Exception {
        byte[] bytes = UnicodeFiles.utf16("[s]\r\nk=v\r\n");
        IniDocument edited = IniDocument.parse(bytes).set("s", "k", "Ω").set("t", "x", "1");
        byte[] out = edited.toBytes();
        assertEquals((byte) 0xFF, out[0]);
        assertEquals((byte) 0xFE, out[1]);
        assertEquals("[s]\r\nk=Ω\r\n[t]\r\nx=1\r\n", new String(out, 2, out.length - 2, StandardCharsets.UTF_16LE));
    }

    @Test
    void aUnicodeFileWithAnOddNumberOfBytesIsAParseError() {
        IniParseException e = assertThrows(
                IniParseException.class, () -> IniDocument.parse(new byte[] {(byte) 0xFF, (byte) 0xFE, 'a', 0, 'b'}));
        assertEquals(4, e.offset());
    }

    @Test
    void setReplacesTheValueInPlaceKeepingSpellingAndSpacing() throws Exception {
        IniDocument d = doc("; top\r\n[EMSMTA]\r\n  DisAble \t=  0   \r\nother=1\r\n");
        assertEquals("; top\r\n[EMSMTA]\r\n  DisAble \t=  1   \r\nother=1\r\n", text(d.set("emsmta", "disable", "1")));
    }

    @Test
    void setKeepsTheQuotesOfAQuotedValue() throws Exception {
        IniDocument d = doc("[s]\r\npath='C:\\old'\r\n").set("s", "path", "C:\\new");
        assertEquals("[s]\r\npath='C:\\new'\r\n", text(d));
        assertEquals(Optional.of("C:\\new"), d.get("s", "path"));
    }

    @ParameterizedTest
    @ValueSource(strings = {" padded ", "\"quoted\"", "'q'", "\t", "", "plain ; with semicolon"})
    void setWritesAValueSoThatItReadsBackExactly(String value) throws Exception {
        IniDocument d = doc("[s]\r\nk=v\r\n")
                .set("s", "k", value)
                .set("s", "new", value)
                .set("t", "k", value);
        IniDocument reread = IniDocument.parse(d.toBytes());
        assertEquals(Optional.of(value), reread.get("s", "k"));
        assertEquals(Optional.of(value), reread.get("s", "new"));
        assertEquals(Optional.of(value), reread.get("t", "k"));
    }

    @Test
    void setWithTheSameValueChangesNothing() throws Exception {
        IniDocument d = doc("[s]\r\nk = v\r\n");
        assertSame(d, d.set(" s ", "K", "v"));
    }

    @Test
    void aMissingKeyGoesAfterTheLastKeyLineOfItsSection() throws Exception {
        IniDocument d = doc("[a]\r\nx=1\r\n; about y\r\ny=2\r\n\r\n; about b\r\n[b]\r\nz=3\r\n");
        assertEquals(
                "[a]\r\nx=1\r\n; about y\r\ny=2\r\nnew=v\r\n\r\n; about b\r\n[b]\r\nz=3\r\n",
                text(d.set("a", "new", "v")));
    }

    @Test
    void aMissingKeyInASectionWithoutKeysGoesRightAfterTheHeader() throws Exception {
        assertEquals("[a]\nk=v\n; c\n[b]\n", text(doc("[a]\n; c\n[b]\n").set("a", "k", "v")));
    }

    @Test
    void aMissingSectionGoesAtTheEndWithTheDominantLineEnding() throws Exception {
        assertEquals(
                "[a]\nx=1\n[b]\r\n[new]\nk=v\n", text(doc("[a]\nx=1\n[b]\r\n").set("new", "k", "v")));
    }

    @Test
    void aLastLineWithoutNewlineGetsOneBeforeAnythingIsAdded() throws Exception {
        assertEquals("[a]\r\nx=1\r\n[b]\r\nk=v\r\n", text(doc("[a]\r\nx=1").set("b", "k", "v")));
        assertEquals("[a]\r\nx=1\r\nk=v\r\n", text(doc("[a]\r\nx=1").set("a", "k", "v")));
    }

    @Test
    void aNewFileUsesCrlf() {
        assertEquals("[EMSMTA]\r\nDisable=1\r\n", text(IniDocument.empty().set("EMSMTA", "Disable", "1")));
    }

    @Test
    void crOnlyFilesGetCrOnlyNewLines() throws Exception {
        assertEquals("[a]\rx=1\rk=v\r", text(doc("[a]\rx=1\r").set("a", "k", "v")));
    }

    @Test
    void removeDeletesTheFirstMatchingKeyLineOnly() throws Exception {
        IniDocument d = doc("[s]\r\nk=1\r\nk=2\r\n").remove("S", "K");
        assertEquals("[s]\r\nk=2\r\n", text(d));
        assertEquals(Optional.of("2"), d.get("s", "k"));
        assertSame(d, d.remove("s", "absent"));
    }

    @Test
    void removeSectionKeepsTheCommentLinesInside() throws Exception {
        IniDocument d =
                doc("[a]\r\nx=1\r\n; keep me\r\nstray\r\n[b]\r\ny=2\r\n").removeSection("A");
        assertEquals("; keep me\r\n[b]\r\ny=2\r\n", text(d));
    }

    @Test
    void removeSectionOfWineWriteTestLeavesTheOtherSections() throws Exception {
        // test_WritePrivateProfileString: deleting App1 leaves App2 and App3 as they were
        IniDocument d =
                doc("[App1]\r\nkey1=string1\r\nkey3=string3\r\n[App2]\r\nkey4=string4\r\n[App3]\r\nkey5=string5\r\n");
        assertEquals("[App2]\r\nkey4=string4\r\n[App3]\r\nkey5=string5\r\n", text(d.removeSection("App1")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\rb", "a\nb", "a\0b"})
    void lineBreaksAndNulAreRefusedInEveryNameAndValue(String bad) throws Exception {
        IniDocument d = doc("[s]\r\nk=v\r\n");
        assertThrows(IniEditException.class, () -> d.set(bad, "k", "v"));
        assertThrows(IniEditException.class, () -> d.set("s", bad, "v"));
        assertThrows(IniEditException.class, () -> d.set("s", "k", bad));
    }

    @Test
    void namesThatWouldChangeTheFilesStructureAreRefused() throws Exception {
        IniDocument d = doc("[s]\r\n");
        assertThrows(IniEditException.class, () -> d.set("a]b", "k", "v"));
        assertThrows(IniEditException.class, () -> d.set("s", "a=b", "v"));
        assertThrows(IniEditException.class, () -> d.set("s", ";k", "v"));
        assertThrows(IniEditException.class, () -> d.set("s", "[k", "v"));
        assertThrows(IniEditException.class, () -> d.set("s", "", "v"));
        assertThrows(IniEditException.class, () -> d.set("s", "\tk", "v"));
    }

    @Test
    void aCharacterTheEncodingCannotHoldIsAnErrorNotAQuestionMark() throws Exception {
        IniDocument d = doc("[s]\r\nk=v\r\n");
        IniEditException e = assertThrows(IniEditException.class, () -> d.set("s", "k", "Ω"));
        assertTrue(e.getMessage().contains("windows-1252"), e.getMessage());
        assertThrows(IniEditException.class, () -> d.set("s", "new", "日本"));
        assertThrows(IniEditException.class, () -> d.set("Ω", "k", "v"));
    }

    @Test
    void aMultiByteCodePageLineWithInvalidBytesIsNotRewritten() throws Exception {
        Charset sjis = Charset.forName("Shift_JIS");
        byte[] bytes = {'[', 's', ']', '\r', '\n', 'k', '=', (byte) 0x81, '\r', '\n'};
        IniDocument d = IniDocument.parse(bytes, sjis);
        assertArrayEquals(bytes, d.toBytes());
        assertThrows(IniEditException.class, () -> d.set("s", "k", "v"));
        byte[] added = d.set("s", "n", "\u65e5").toBytes();
        byte[] expected = new byte[bytes.length + 6];
        System.arraycopy(bytes, 0, expected, 0, bytes.length);
        System.arraycopy(new byte[] {'n', '=', (byte) 0x93, (byte) 0xFA, '\r', '\n'}, 0, expected, bytes.length, 6);
        assertArrayEquals(expected, added);
    }

    @Test
    void aMultiByteCodePageLastLineWithInvalidBytesIsRefusedWhenItWouldNeedANewline() throws Exception {
        Charset sjis = Charset.forName("Shift_JIS");
        byte[] bytes = {'[', 's', ']', '\r', '\n', 'k', '=', (byte) 0x81};
        IniDocument d = IniDocument.parse(bytes, sjis);
        IniEditException e = assertThrows(IniEditException.class, () -> d.set("s", "n", "v"));
        assertTrue(e.getMessage().startsWith("line 2 "), e.getMessage());
        assertThrows(IniEditException.class, () -> d.set("t", "n", "v"));
        assertArrayEquals(bytes, d.toBytes());
    }

    @Test
    void editsOfAFileOfManyThousandLinesChangeOnlyTheirLines() throws Exception {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            text.append("[S")
                    .append(i)
                    .append("]\r\nDisable=0\r\nOther=")
                    .append(i)
                    .append("\r\n");
        }
        String original = text.toString();
        IniDocument d = doc(original);
        assertArrayEquals(latin1(original), d.toBytes());
        IniDocument edited = d.set("S1500", "Disable", "1")
                .set("S2999", "New", "x")
                .remove("S10", "Other")
                .removeSection("S0");
        String expected = original.replace("[S1500]\r\nDisable=0", "[S1500]\r\nDisable=1")
                        .replace("[S10]\r\nDisable=0\r\nOther=10\r\n", "[S10]\r\nDisable=0\r\n")
                        .replace("[S0]\r\nDisable=0\r\nOther=0\r\n", "")
                + "New=x\r\n";
        assertEquals(expected, text(edited));
        assertEquals(Optional.of("1"), edited.get("s1500", "disable"));
        assertEquals(2999, edited.sectionNames().size());
    }

    @Test
    void writingAnEmptyValueToANewFileGivesTheSectionAndKeyEquals() {
        // test_WritePrivateProfileString: an empty string writes "[App]\r\nkey=\r\n"
        assertEquals("[App]\r\nkey=\r\n", text(IniDocument.empty().set("App", "key", "")));
    }

    @Test
    void buildingUpAFileKeyByKeyGivesWhatWindowsWrites() {
        // test_WritePrivateProfileString: keys join their section, new sections go at the end
        IniDocument d = IniDocument.empty()
                .set("App1", "key1", "string1")
                .set("App1", "key2", "string2")
                .set("App1", "key3", "string3")
                .set("App2", "key4", "string4")
                .set("App3", "key5", "string5");
        assertEquals(
                "[App1]\r\nkey1=string1\r\nkey2=string2\r\nkey3=string3\r\n[App2]\r\nkey4=string4\r\n"
                        + "[App3]\r\nkey5=string5\r\n",
                text(d));
        IniDocument removed = d.remove("App1", "key2");
        assertEquals(
                "[App1]\r\nkey1=string1\r\nkey3=string3\r\n[App2]\r\nkey4=string4\r\n" + "[App3]\r\nkey5=string5\r\n",
                text(removed));
        assertSame(removed, removed.remove("App1", "key2"));
        assertEquals(
                "[App3]\r\n",
                text(removed.removeSection("App1").removeSection("App2").remove("App3", "key5")));
    }

    @Test
    void aKeySetOnALastLineWithoutALineEndIsEndedAsWindowsDoes() throws Exception {
        assertEquals("[S]\r\nK=new\r\n", text(doc("[S]\r\nK=old").set("S", "K", "new")));
        assertEquals("[S]\nK=new\n", text(doc("[S]\nK=old").set("S", "K", "new")), "the file's own ending");
        assertEquals(
                "[S]\r\nK=old\r\n",
                text(doc("[S]\r\nK=old").set("S", "K", "old")),
                "setting the same value still writes the line end");
        assertEquals("[S]\r\nK=v\r\n[T]\r\nA=1\r\n", text(doc("[S]\r\nK=v").set("T", "A", "1")));
    }

    @Test
    void aUnicodeFileOfOnlyItsByteOrderMarkGetsItsFirstSectionAsWindowsWritesIt() throws Exception {
        IniDocument bomOnly = IniDocument.parse(new byte[] {(byte) 0xFF, (byte) 0xFE});

        byte[] written = bomOnly.set("S", "K", "V").toBytes();

        byte[] body = "\r\n[S]\r\nK=V\r\n".getBytes(StandardCharsets.UTF_16LE);
        byte[] expected = new byte[2 + body.length];
        expected[0] = (byte) 0xFF;
        expected[1] = (byte) 0xFE;
        System.arraycopy(body, 0, expected, 2, body.length);
        assertArrayEquals(expected, written);
        assertEquals(Optional.of("V"), IniDocument.parse(written).get("S", "K"));
        assertEquals("[S]\r\nK=V\r\n", text(doc("").set("S", "K", "V")), "an empty ANSI file has no blank line");
    }

    @Test
    void setExactlyWritesTheValueAsGivenWhereSetQuotesIt() throws Exception {
        IniDocument d = doc("[S]\r\nQ=\"old\"\r\nP=plain\r\n");

        assertEquals("[S]\r\nQ=\" a \"\r\nP=plain\r\n", text(d.set("S", "Q", " a ")), "set keeps the quotes");
        assertEquals("[S]\r\nQ=new\r\nP=plain\r\n", text(d.setExactly("S", "Q", "new")), "exactly drops them");
        assertEquals("[S]\r\nQ=\"old\"\r\nP=\"x\"\r\n", text(d.setExactly("S", "P", "\"x\"")));
        assertEquals(
                "[S]\r\nQ=\"old\"\r\nP=\"\"x\"\"\r\n",
                text(d.set("S", "P", "\"x\"")),
                "set protects the quotes the caller wrote");
        assertEquals("[S]\r\nQ=\"old\"\r\nP=plain\r\nN=  \r\n", text(d.setExactly("S", "N", "  ")));
        assertEquals("[S]\r\nQ=\"old\"\r\nP=plain\r\n[T]\r\nK='q'\r\n", text(d.setExactly("T", "K", "'q'")));
        assertThrows(IniEditException.class, () -> d.setExactly("S", "Q", "a\r\nInjected=1"));
    }
}
