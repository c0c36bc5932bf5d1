package io.kbsh.ini.writer;

import io.kbsh.ini.document.IniDocument;
import io.kbsh.ini.document.IniEncoding;
import io.kbsh.ini.plan.IniPlan;
import io.kbsh.model.article.ArticleId;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Performs an article's INI fix as a {@link IniPlan plan}: the SPI a plugin implements and lists in
 * {@code META-INF/services/io.kbsh.ini.writer.IniWriter}. The shell ({@code ini writers}, {@code ini plan},
 * {@code ini apply}) and {@code fix plan}/{@code fix apply} drive writers like this:
 *
 * <pre>{@code
 * WriterArguments args = writer.validate(Map.of("process", "EMSMTA"));   // typed, checked, defaults filled
 * IniPlan plan = writer.plan(file, args);                                 // reads file; nothing written
 * System.out.print(plan.diff());  plan.warnings().forEach(System.err::println);
 * new PlanApplier().apply(plan);                                          // atomic, with a backup
 * }</pre>
 *
 * <p>A writer never writes: it only plans. It must be stateless and thread-safe, and must refuse
 * (with {@link IniWriterException}) input that contradicts its article rather than guess.
 *
 * @since 2.0
 */
public interface IniWriter {

    /** A stable id, unique across plugins: lower case letters, digits and dashes, e.g. {@code mspclnt-bypass}. */
    String id();

    /** The article whose fix this writer performs. */
    ArticleId article();

    /** One line saying what the writer changes, for listings. */
    String summary();

    /** The name of the file the article edits, e.g. {@code Mspclnt.ini}; where it lives is the caller's to say. */
    String targetFileName();

    /** Where that file usually lives, for people (e.g. {@code Exchsrvr\Bin, beside Store.exe}). */
    String targetLocation();

    /** The parameters the writer takes, in listing order. */
    List<WriterParameter> parameters();

    /**
     * Checks raw {@code name -> text} parameters: types and required names first
     * ({@link WriterArguments#parse}), then the writer's own cross-checks ({@link #validate(WriterArguments)}).
     */
    default WriterArguments validate(Map<String, String> raw) throws IniWriterException {
        WriterArguments arguments = WriterArguments.parse(parameters(), raw);
        validate(arguments);
        return arguments;
    }

    /** The writer's own checks of typed arguments (combinations the article rules out); none by default. */
    default void validate(WriterArguments arguments) throws IniWriterException {}

    /**
     * Plans the fix against {@code current}, the file as read (empty when it does not exist). Writers
     * refuse a target they must not touch (wrong encoding, missing when it must exist) with
     * {@link IniWriterException}.
     */
    IniPlan plan(Path file, Optional<IniDocument> current, WriterArguments arguments) throws IniWriterException;

    /**
     * Reads {@code file} (absent is fine: the plan may create it) and plans the fix. A file that exists
     * but cannot be read is an {@link IOException}, never "absent". A plan for a file not named
     * {@link #targetFileName()} carries a note saying so.
     */
    default IniPlan plan(Path file, WriterArguments arguments) throws IOException, IniWriterException {
        return plan(file, IniEncoding.WINDOWS_1252, arguments);
    }

    /**
     * {@link #plan(Path, WriterArguments)} for a file whose ANSI code page (used when it has no Unicode
     * byte order mark) is {@code ansiCodePage}, so that the diff shows its text as the admin's Windows does.
     */
    default IniPlan plan(Path file, Charset ansiCodePage, WriterArguments arguments)
            throws IOException, IniWriterException {
        Optional<IniDocument> current;
        try {
            current = Optional.of(IniDocument.read(file, ansiCodePage));
        } catch (NoSuchFileException e) {
            current = Optional.empty();
        }
        IniPlan plan = plan(file, current, arguments);
        Path name = file.getFileName();
        if (name != null
                && !name.toString()
                        .toLowerCase(Locale.ROOT)
                        .equals(targetFileName().toLowerCase(Locale.ROOT))) {
            List<String> notes = new ArrayList<>(plan.notes());
            notes.add(0, "this writer targets " + targetFileName() + ", but the file is named " + name);
            plan = new IniPlan(plan.file(), plan.exists(), plan.before(), plan.after(), plan.edits(), notes);
        }
        return plan;
    }

    /** {@link #validate(Map)} then {@link #plan(Path, WriterArguments)}. */
    default IniPlan plan(Path file, Map<String, String> raw) throws IOException, IniWriterException {
        return plan(file, validate(raw));
    }
}
