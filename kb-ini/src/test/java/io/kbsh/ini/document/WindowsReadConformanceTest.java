package io.kbsh.ini.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Windows read rules, each test named after the behaviour it pins. Where Wine's conformance tests
 * for the kernel32 profile functions (dlls/kernel32/tests/profile.c, assertions not marked todo_wine)
 * cover a rule, the file content mirrors the situation they test.
 */
class WindowsReadConformanceTest {

    /** The file test_GetPrivateProfileString runs against, with CRLF and with CR-only line ends. */
    private static final String SECTION1 = "[section1]~name1=val1~name2=\"val2\"~name3~name4=a~[section2]~";

    static IniDocument doc(String text) throws IniParseException {
        return IniDocument.parse(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    @ParameterizedTest(name = "line ends {0}")
    @ValueSource(strings = {"\r\n", "\r", "\n"})
    void crOnlyCrlfAndLfAllEndLines(String ending) throws Exception {
        IniDocument d = doc(SECTION1.replace("~", ending));
        assertEquals(Optional.of("val1"), d.get("section1", "name1"));
        assertEquals(List.of("section1", "section2"), d.sectionNames());
    }

    @Test
    void keyNamesMatchWithoutCase() throws Exception {
        assertEquals(Optional.of("val1"), doc(SECTION1.replace("~", "\r\n")).get("section1", "NaMe1"));
        assertEquals(Optional.of("val1"), doc(SECTION1.replace("~", "\r\n")).get("SECTION1", "name1"));
    }

    @Test
    void valueKeepsItsCase() throws Exception {
        assertEquals(Optional.of("MiXeD"), doc("[s]\r\nk=MiXeD\r\n").get("S", "K"));
    }

    @Test
    void oneMatchingPairOfDoubleQuotesIsStrippedFromAValue() throws Exception {
        assertEquals(Optional.of("val2"), doc(SECTION1.replace("~", "\r\n")).get("section1", "name2"));
    }

    @ParameterizedTest(name = "{0} reads as {1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "'single'|single",
                "\"\"twice\"\"|\"twice\"",
                "\"unbalanced|\"unbalanced",
                "'mixed\"|'mixed\"",
                "\"|\"",
                "\"\"|``",
                "`  \"  padded  \"  `|`  padded  `",
            })
    void onlyOneMatchingOuterPairOfQuotesIsRemoved(String written, String read) throws Exception {
        assertEquals(Optional.of(read), doc("[s]\nk=" + written + "\n").get("s", "k"));
    }

    @Test
    void spacesTabsAndVerticalTabsAroundNamesAndValuesInTheFileAreIgnored() throws Exception {
        IniDocument d = doc("\t [\u000B sec \t]\r\n \t key \u000B= \t value  x \u000B\t\r\n");
        assertEquals(Optional.of("value  x"), d.get("sec", "key"));
    }

    @Test
    void onlySpacesAreTrimmedFromNamesTheCallerPasses() throws Exception {
        IniDocument d = doc("[sec]\r\nkey=v\r\n");
        assertEquals(Optional.of("v"), d.get("  sec  ", "  key "));
        assertEquals(Optional.empty(), d.get("\tsec", "key"));
        assertEquals(Optional.empty(), d.get("sec", "key\t"));
    }

    @Test
    void leadingAndTrailingSpacesInASectionHeaderAreIgnored() throws Exception {
        // test_profile_sections_names: "[ section1 ]" is listed as "section1"
        assertEquals(
                List.of("section1", "section2", "section3"),
                doc("[ section1 ]\r\n[section2]\r\n[section3]\r\n").sectionNames());
    }

    @Test
    void onlyALineStartingWithSemicolonIsAComment() throws Exception {
        IniDocument d = doc("[s]\r\n;k=commented\r\n  ;j=also\r\n#h=hash\r\n");
        assertEquals(Optional.empty(), d.get("s", ";k"));
        assertEquals(Optional.empty(), d.get("s", "k"));
        assertEquals(Optional.empty(), d.get("s", "j"));
        assertEquals(Optional.of("hash"), d.get("s", "#h"));
    }

    @Test
    void thereAreNoEndOfLineComments() throws Exception {
        assertEquals(
                Optional.of("110,143 ; pop+imap"),
                doc("[STORE]\r\nServerBindTcpPorts=110,143 ; pop+imap\r\n").get("STORE", "ServerBindTcpPorts"));
        assertEquals(Optional.of("a # b"), doc("[s]\r\nk=a # b\r\n").get("s", "k"));
    }

    @Test
    void backslashesAreNotEscapesAndThereAreNoContinuationLines() throws Exception {
        IniDocument d = doc("[s]\r\npath=C:\\new\\table\\\r\nnext=1\r\n");
        assertEquals(Optional.of("C:\\new\\table\\"), d.get("s", "path"));
        assertEquals(Optional.of("1"), d.get("s", "next"));
    }

    @Test
    void aSectionNameEndsAtTheFirstClosingBracketAndTheRestIsIgnored() throws Exception {
        IniDocument d = doc("[S]K=v\r\n[T] x ] y\r\n");
        assertEquals(List.of("S", "T"), d.sectionNames());
        assertEquals(List.of(), d.keys("S"));
        assertEquals(Optional.empty(), d.get("S", "K"));
    }

    @Test
    void aMissingClosingBracketIsTolerated() throws Exception {
        IniDocument d = doc("[open \r\nk=v\r\n");
        assertEquals(List.of("open"), d.sectionNames());
        assertEquals(Optional.of("v"), d.get("open", "k"));
    }

    @Test
    void emptyBracketsAreASectionWithAnEmptyName() throws Exception {
        IniDocument d = doc("k=before\r\n[]\r\nk=empty\r\n");
        assertEquals(List.of(""), d.sectionNames());
        assertEquals(Optional.of("empty"), d.get("", "k"));
    }

    @Test
    void linesBeforeTheFirstSectionBelongToNoSection() throws Exception {
        IniDocument d = doc("\r\nkey=val_no_section\r\n[s]\r\nother=1\r\n");
        assertEquals(Optional.empty(), d.get("", "key"));
        assertEquals(Optional.empty(), d.get("s", "key"));
    }

    @Test
    void aKeyWithAnEmptyNameIsFoundByAnEmptyName() throws Exception {
        // test_profile_string: "[s]\r\n=val_no_key" read with an empty key name gives val_no_key
        IniDocument d = doc("\r\nkey=val_no_section\r\n[]\r\nkey=val_e_section\r\n[s]\r\n=val_no_key\r\n[t]\r\n");
        assertEquals(Optional.of("val_no_key"), d.get("s", ""));
    }

    @Test
    void anEmptyKeyNameFindsNothingWhenNoKeyIsUnnamed() throws Exception {
        assertEquals("default", doc(SECTION1.replace("~", "\r\n")).get("section1", "", "default"));
    }

    @Test
    void theFirstOfDuplicateKeysWins() throws Exception {
        assertEquals(Optional.of("first"), doc("[s]\r\nk=first\r\nK=second\r\n").get("s", "k"));
    }

    @Test
    void onlyTheFirstOfDuplicateSectionsIsConsultedButListingsShowEveryCopy() throws Exception {
        IniDocument d = doc("[s]\r\na=1\r\n[t]\r\n[S]\r\na=2\r\nb=3\r\n");
        assertEquals(Optional.of("1"), d.get("s", "a"));
        assertEquals(Optional.empty(), d.get("s", "b"));
        assertEquals(List.of("s", "t", "S"), d.sectionNames());
        List<IniSection> sections = d.sections();
        assertTrue(sections.get(0).consulted());
        assertFalse(sections.get(2).consulted());
        assertFalse(sections.get(2).entries().get(1).consulted());
    }

    @Test
    void aLineWithoutEqualsIsNotAKeyAndIsNotListedAmongKeys() throws Exception {
        // test_profile_string: name3 has no '=' and is not enumerated; name2= is a key
        IniDocument d = doc("[s]\r\nname1=val1\r\nname2=\r\nname3\r\nname4=val4\r\n");
        assertEquals(List.of("name1", "name2", "name4"), d.keys("s"));
        assertEquals(Optional.empty(), d.get("s", "name3"));
        assertEquals(Optional.of(""), d.get("s", "name2"));
    }

    @Test
    void readingAWholeSectionGivesKeysAndLinesWithoutEquals() throws Exception {
        // test_profile_sections: section1 reads "name1=val1,name2=,name3,name4=val4"; section3 "=val5"
        IniDocument d = doc("[section1]\r\nname1=val1\r\nname2=\r\nname3\r\nname4=val4\r\n[section2]\r\n"
                + "[section3]\r\n=val5\r\n");
        assertEquals(Optional.of(List.of("name1=val1", "name2=", "name3", "name4=val4")), d.section("section1"));
        assertEquals(Optional.of(List.of()), d.section("section2"));
        assertEquals(Optional.of(List.of("=val5")), d.section("section3"));
        assertEquals(Optional.empty(), d.section("section4"));
    }

    @Test
    void readingAWholeSectionLeavesOutCommentsAndBlankLines() throws Exception {
        assertEquals(
                Optional.of(List.of("a=1")), doc("[s]\r\n; note\r\n\r\na=1\r\n").section("s"));
    }

    @Test
    void missingSectionOrKeyGivesTheDefaultWithoutTrailingSpaces() throws Exception {
        IniDocument d = doc(SECTION1.replace("~", "\r\n"));
        assertEquals("default", d.get("notasection", "name1", "default"));
        assertEquals("default", d.get("section1", "notakey", "default  "));
        assertEquals("one two", d.get("section1", "notakey", "one two  "));
        assertEquals("", d.get("section2", "DoesntExist", ""));
    }

    @ParameterizedTest(name = "\"{0}\" with default {1} reads as {2}")
    @CsvSource({
        "-1, -1, -1",
        "-1, 1, -1",
        "1, -1, 1",
        "+1, -1, 1",
        "4294967296, -1, 0",
        "4294967297, 1, 1",
        "-4294967297, 1, -1",
        "42A94967297, -1, 42",
        "B4294967297, -1, 0",
        "B4294967297, 1, 0",
    })
    void integersAreReadAsGetPrivateProfileIntReadsThem(String value, int defaultValue, int expected) throws Exception {
        // test_profile_int's table, results as the signed view of the UINT Windows returns
        assertEquals(
                expected, doc("[Test]\r\nProfileInt=" + value + "\r\n").getInt("Test", "ProfileInt", defaultValue));
    }

    @Test
    void aMissingIntegerGivesTheDefault() throws Exception {
        IniDocument d = doc("[Test]\r\nOther=5\r\n");
        assertEquals(70, d.getInt("Test", "ProfileInt", 70));
        assertEquals(-1, d.getInt("Nope", "ProfileInt", -1));
    }

    @Test
    void anIntegerValueInQuotesIsReadWithoutThem() throws Exception {
        assertEquals(123, doc("[s]\r\nk=\"123\"\r\n").getInt("s", "k", 0));
        assertEquals(-7, doc("[s]\r\nk=\" -7 \"\r\n").getInt("s", "k", 0));
    }

    @Test
    void aUtf16LeByteOrderMarkMeansUnicode() throws Exception {
        byte[] bytes = UnicodeFiles.utf16("[Sé]\r\nk=Ω\r\n");
        IniDocument d = IniDocument.parse(bytes);
        assertTrue(d.encoding().isUnicode());
        assertEquals(Optional.of("Ω"), d.get("sé", "k"));
    }

    @Test
    void withoutAByteOrderMarkTheFileIsInTheAnsiCodePage() throws Exception {
        IniDocument d = IniDocument.parse(new byte[] {'[', 's', ']', '\n', 'k', '=', (byte) 0x80});
        assertFalse(d.encoding().isUnicode());
        assertEquals(Optional.of("€"), d.get("s", "k"));
        IniDocument cyrillic = IniDocument.parse(
                new byte[] {'[', 's', ']', '\n', 'k', '=', (byte) 0xC4},
                java.nio.charset.Charset.forName("windows-1251"));
        assertEquals(Optional.of("Д"), cyrillic.get("s", "k"));
    }

    @Test
    void aUtf8ByteOrderMarkIsNotRecognisedAndSpoilsAHeaderOnLineOne() throws Exception {
        byte[] text = "[s]\r\nk=v\r\n".getBytes(StandardCharsets.US_ASCII);
        byte[] bytes = new byte[text.length + 3];
        bytes[0] = (byte) 0xEF;
        bytes[1] = (byte) 0xBB;
        bytes[2] = (byte) 0xBF;
        System.arraycopy(text, 0, bytes, 3, text.length);
        IniDocument d = IniDocument.parse(bytes);
        assertEquals(List.of(), d.sectionNames());
        assertEquals(Optional.empty(), d.get("s", "k"));
        assertEquals(1, d.warnings().size());
        assertTrue(d.warnings().get(0).contains("UTF-8 byte order mark"));
    }
}
