package io.kbsh.shell.ini;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kbsh.ini.document.IniDocument;
import io.kbsh.ini.plan.IniEdit;
import io.kbsh.ini.plan.IniPlan;
import io.kbsh.ini.writer.IniWriter;
import io.kbsh.ini.writer.IniWriterException;
import io.kbsh.ini.writer.WriterArguments;
import io.kbsh.ini.writer.WriterParameter;
import io.kbsh.model.article.ArticleId;
import io.kbsh.model.command.CommandException;
import io.kbsh.model.command.UsageException;
import io.kbsh.model.command.ValueKind;
import io.kbsh.shell.plugin.Contribution;
import io.kbsh.shell.plugin.Contributions;
import io.kbsh.testkit.RecordingContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code ini} command against real files, with a small writer standing in for the plugins' ones. */
class IniCommandTest {

    private static final String ORIGINAL = "; client\r\n[EMSMTA]\r\nDisable=0\r\n[emsmta]\r\nDisable=2\r\n";

    @TempDir
    Path dir;

    /** Sets [EMSMTA] Disable to the "value" parameter; refuses value "bad". */
    static final class DisableWriter implements IniWriter {
        @Override
        public String id() {
            return "test-disable";
        }

        @Override
        public ArticleId article() {
            return new ArticleId(999);
        }

        @Override
        public String summary() {
            return "sets Disable";
        }

        @Override
        public String targetFileName() {
            return "Mspclnt.ini";
        }

        @Override
        public String targetLocation() {
            return "anywhere";
        }

        @Override
        public List<WriterParameter> parameters() {
            return List.of(WriterParameter.text("value", "the value", "1"));
        }

        @Override
        public void validate(WriterArguments arguments) throws IniWriterException {
            if (arguments.text("value").equals("bad")) {
                throw new IniWriterException("value 'bad' contradicts the article");
            }
        }

        @Override
        public IniPlan plan(Path file, Optional<IniDocument> current, WriterArguments arguments) {
            return IniPlan.of(
                    file,
                    current,
                    List.of(new IniEdit.Set("EMSMTA", "Disable", arguments.text("value"))),
                    List.of("restart the MTA"));
        }
    }

    private final IniCommand command = new IniCommand(new Contributions() {
        @Override
        @SuppressWarnings("unchecked")
        public <T> List<Contribution<T>> of(Class<T> spi) {
            return spi == IniWriter.class
                    ? List.of((Contribution<T>) new Contribution<>(Optional.empty(), (T) new DisableWriter()))
                    : List.of();
        }
    });

    private Path file() throws Exception {
        Path file = dir.resolve("Mspclnt.ini");
        Files.writeString(file, ORIGINAL, StandardCharsets.ISO_8859_1);
        return file;
    }

    private String content(Path file) throws Exception {
        return Files.readString(file, StandardCharsets.ISO_8859_1);
    }

    private List<String> listing() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString())
                    .filter(n -> !n.endsWith(".kbsh-lock"))
                    .sorted()
                    .toList();
        }
    }

    private RecordingContext run(String... words) throws CommandException {
        RecordingContext context = new RecordingContext(dir);
        command.run(context, List.of(words));
        return context;
    }

    @Test
    void getPrintsTheValueAloneAsWindowsReadsIt() throws Exception {
        file();
        assertEquals(
                "0" + System.lineSeparator(),
                run("get", "Mspclnt.ini", "emsmta", "DISABLE").out.toString());
    }

    @Test
    void getOfAMissingKeyIsAnErrorNamingTheFile() throws Exception {
        Path file = file();
        CommandException e = assertThrows(CommandException.class, () -> run("get", "Mspclnt.ini", "EMSMTA", "Nope"));
        assertTrue(e.getMessage().startsWith(file + ": no key Nope in section [EMSMTA]"), e.getMessage());
    }

    @Test
    void aFileThatCannotBeReadIsAnErrorNotAnAbsentKey() {
        CommandException e = assertThrows(CommandException.class, () -> run("get", "absent.ini", "s", "k"));
        assertEquals("cannot read: " + dir.resolve("absent.ini") + ": no such file", e.getMessage());
    }

    @Test
    void applyIntoAMissingDirectoryNamesTheDirectory() {
        Path missing = dir.resolve("no-such-dir");
        CommandException e = assertThrows(
                CommandException.class,
                () -> run("apply", "test-disable", "--file", "no-such-dir/Mspclnt.ini", "--yes"));
        assertEquals(
                "not applied: " + missing.resolve("Mspclnt.ini") + ": no such directory " + missing, e.getMessage());
    }

    @Test
    void showListsSectionsAndMarksTheRepeatWindowsIgnores() throws Exception {
        file();
        String out = run("show", "Mspclnt.ini").out.toString();
        assertTrue(out.contains("[EMSMTA]  (line 2)"), out);
        assertTrue(out.contains("  Disable=0"), out);
        assertTrue(out.contains("[emsmta]  (line 4; a repeat: Windows reads only the first)"), out);
    }

    @Test
    void writersListsIdArticleAndParameters() throws Exception {
        String out = run("writers").out.toString();
        assertTrue(out.contains("test-disable  Q999  Mspclnt.ini  (builtin)"), out);
        assertTrue(out.contains("--param value (text, default 1) the value"), out);
    }

    @Test
    void planPrintsTheDiffAndWritesNothing() throws Exception {
        Path file = file();
        RecordingContext context = run("plan", "test-disable", "--file", "Mspclnt.ini");
        assertTrue(context.out.toString().contains("-Disable=0\n+Disable=1\n"), context.out.toString());
        assertTrue(context.err.toString().contains("note: restart the MTA"), context.err.toString());
        assertEquals(ORIGINAL, content(file));
        assertEquals(List.of("Mspclnt.ini"), listing());
    }

    @Test
    void planReadsTheFileInTheCodePageGivenSoTheDiffShowsItsText() throws Exception {
        Path file = dir.resolve("Mspclnt.ini");
        byte[] cyrillic =
                "; клиент\r\n[EMSMTA]\r\nDisable=0\r\n".getBytes(java.nio.charset.Charset.forName("windows-1251"));
        Files.write(file, cyrillic);
        String diff = run("plan", "test-disable", "--file", "Mspclnt.ini", "--codepage", "windows-1251")
                .out
                .toString();
        assertTrue(diff.contains(" ; клиент\n"), diff);
        run("apply", "test-disable", "--file", "Mspclnt.ini", "--codepage", "windows-1251", "--yes");
        assertEquals(
                "; клиент\r\n[EMSMTA]\r\nDisable=1\r\n",
                Files.readString(file, java.nio.charset.Charset.forName("windows-1251")));
    }

    @Test
    void applyInBatchModeWithoutYesIsRefusedAndWritesNothing() throws Exception {
        Path file = file();
        UsageException e = assertThrows(UsageException.class, () -> run("apply", "Q999", "--file", "Mspclnt.ini"));
        assertTrue(e.getMessage().contains("--yes"), e.getMessage());
        assertEquals(ORIGINAL, content(file));
    }

    @Test
    void applyAsksOnATerminalAndANoWritesNothing() throws Exception {
        Path file = file();
        RecordingContext context = new RecordingContext(dir);
        context.interactive = true;
        command.run(context, List.of("apply", "test-disable", "--file", "Mspclnt.ini"));
        assertEquals(List.of("Apply this change to " + file + "?"), context.questions);
        assertTrue(context.out.toString().contains("-Disable=0\n+Disable=1\n"), "the diff is shown before asking");
        assertEquals(ORIGINAL, content(file));
        assertEquals(List.of("Mspclnt.ini"), listing());
    }

    @Test
    void applyAfterAYesWritesTheFileWithABackupAndUndoRestoresIt() throws Exception {
        Path file = file();
        RecordingContext context = new RecordingContext(dir);
        context.interactive = true;
        context.answer = true;
        command.run(context, List.of("apply", "test-disable", "--file", "Mspclnt.ini", "--param", "value=7"));
        assertEquals(ORIGINAL.replace("Disable=0", "Disable=7"), content(file));
        assertEquals(ORIGINAL, content(dir.resolve("Mspclnt.ini.bak")));
        run("undo", "Mspclnt.ini", "--yes");
        assertEquals(ORIGINAL, content(file));
    }

    @Test
    void undoWalksBackOneStepAtATimeShowingTheDiffAndAskingAndSaysWhenNothingIsOlder() throws Exception {
        Path file = file();
        run("apply", "test-disable", "--file", "Mspclnt.ini", "--param", "value=110", "--yes");
        run("apply", "test-disable", "--file", "Mspclnt.ini", "--param", "value=110,143", "--yes");

        RecordingContext first = new RecordingContext(dir);
        first.interactive = true;
        first.answer = true;
        command.run(first, List.of("undo", "Mspclnt.ini"));
        assertEquals(List.of("Restore " + file + " from Mspclnt.ini.bak.1?"), first.questions);
        assertTrue(first.out.toString().contains("-Disable=110,143\n+Disable=110\n"), first.out.toString());
        assertEquals(ORIGINAL.replace("Disable=0", "Disable=110"), content(file));

        RecordingContext declined = new RecordingContext(dir);
        declined.interactive = true;
        command.run(declined, List.of("undo", "Mspclnt.ini"));
        assertEquals(List.of("Restore " + file + " from Mspclnt.ini.bak?"), declined.questions);
        assertTrue(declined.out.toString().contains("-Disable=110\n+Disable=0\n"), declined.out.toString());
        assertEquals(ORIGINAL.replace("Disable=0", "Disable=110"), content(file), "a no writes nothing");

        UsageException batch = assertThrows(UsageException.class, () -> run("undo", "Mspclnt.ini"));
        assertTrue(batch.getMessage().startsWith("ini undo needs --yes in batch mode"), batch.getMessage());
        run("undo", "Mspclnt.ini", "--yes");
        assertEquals(ORIGINAL, content(file));

        CommandException end = assertThrows(CommandException.class, () -> run("undo", "Mspclnt.ini", "--yes"));
        assertTrue(end.getMessage().contains("nothing older to restore"), end.getMessage());
        assertEquals(ORIGINAL, content(file));
    }

    @Test
    void applyWithYesTwiceSaysAlreadyAppliedAndMakesNoSecondBackup() throws Exception {
        file();
        run("apply", "test-disable", "--file", "Mspclnt.ini", "--yes");
        String second = run("apply", "test-disable", "--file", "Mspclnt.ini", "--yes")
                .out
                .toString();
        assertTrue(second.contains("already applied"), second);
        assertEquals(List.of("Mspclnt.ini", "Mspclnt.ini.bak"), listing());
    }

    @Test
    void aWriterRefusalIsOneLineNamingTheWriter() throws Exception {
        file();
        CommandException e = assertThrows(
                CommandException.class,
                () -> run("plan", "test-disable", "--file", "Mspclnt.ini", "--param", "value=bad"));
        assertEquals("test-disable: value 'bad' contradicts the article", e.getMessage());
        CommandException unknown = assertThrows(
                CommandException.class,
                () -> run("plan", "test-disable", "--file", "Mspclnt.ini", "--param", "nope=1"));
        assertTrue(unknown.getMessage().startsWith("test-disable: unknown parameter 'nope'"), unknown.getMessage());
    }

    @Test
    void aParameterGivenTwiceIsRefusedRatherThanOneValueWinning() throws Exception {
        Path file = file();
        UsageException e = assertThrows(
                UsageException.class,
                () -> run(
                        "apply",
                        "test-disable",
                        "--file",
                        "Mspclnt.ini",
                        "--param",
                        "value=7",
                        "--param",
                        "value=8",
                        "--yes"));
        assertTrue(e.getMessage().startsWith("option --param: parameter 'value' given twice"), e.getMessage());
        assertEquals(ORIGINAL, content(file));
    }

    @Test
    void anOptionOfAnotherSubcommandIsRefusedNotIgnored() throws Exception {
        Path file = file();
        UsageException yes =
                assertThrows(UsageException.class, () -> run("plan", "test-disable", "--file", "Mspclnt.ini", "--yes"));
        assertEquals("option --yes does not apply to ini plan (used by ini apply, ini undo)", yes.getMessage());
        UsageException param =
                assertThrows(UsageException.class, () -> run("show", "Mspclnt.ini", "--param", "value=7"));
        assertEquals("option --param does not apply to ini show (used by ini apply, ini plan)", param.getMessage());
        assertThrows(UsageException.class, () -> run("undo", "Mspclnt.ini", "--codepage", "windows-1251"));
        assertEquals(ORIGINAL, content(file));
        assertEquals(List.of("Mspclnt.ini"), listing());
    }

    @Test
    void unknownWritersAndMissingFilesAreUsageErrors() {
        assertThrows(UsageException.class, () -> run("plan", "nope", "--file", "x.ini"));
        assertThrows(UsageException.class, () -> run("plan", "test-disable"));
        assertThrows(UsageException.class, () -> run("frobnicate"));
    }

    @Test
    void undoWithoutBackupIsAnErrorNamingTheFile() throws Exception {
        Path file = file();
        CommandException e = assertThrows(CommandException.class, () -> run("undo", "Mspclnt.ini"));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("no backup"), e.getMessage());
    }

    @Test
    void filePathsCompleteAsFilesAndWritersAsCandidates() {
        assertEquals(ValueKind.FILE, command.argumentKind(List.of("show")));
        assertEquals(ValueKind.FILE, command.argumentKind(List.of("undo")));
        assertEquals(List.of("test-disable", "Q999"), command.candidates(new RecordingContext(dir), List.of("apply")));
        assertEquals(
                ValueKind.FILE,
                command.options().stream()
                        .filter(o -> o.name().equals("file"))
                        .findFirst()
                        .orElseThrow()
                        .kind());
    }

    @Test
    void sectionsAndKeysOfTheFileAreOfferedForCompletion() throws Exception {
        file();
        RecordingContext context = new RecordingContext(dir);
        assertEquals(List.of("EMSMTA", "emsmta"), command.candidates(context, List.of("get", "Mspclnt.ini")));
        assertEquals(List.of("Disable"), command.candidates(context, List.of("get", "Mspclnt.ini", "EMSMTA")));
        assertEquals(List.of(), command.candidates(context, List.of("get", "absent.ini")));
    }
}
