package io.kbsh.shell.ini;

import io.kbsh.ini.document.IniEditException;
import io.kbsh.ini.plan.IniPlan;
import io.kbsh.ini.writer.IniWriter;
import io.kbsh.ini.writer.IniWriterException;
import io.kbsh.model.article.ArticleId;
import io.kbsh.model.command.CommandException;
import io.kbsh.model.command.UsageException;
import io.kbsh.shell.plugin.Contribution;
import io.kbsh.shell.plugin.Contributions;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The INI writers the plugins contribute, found by id or by the article they fix. */
final class WriterCatalog {

    /** A writer and where it came from; plugin code runs through {@link Contribution#call}. */
    record Entry(Contribution<IniWriter> contribution) {

        IniWriter writer() {
            return contribution.instance();
        }

        String origin() {
            return contribution.origin();
        }

        /** Plans with the writer under its plugin's class loader; refusals and I/O failures become one line. */
        IniPlan plan(Path file, Charset ansiCodePage, Map<String, String> params) throws CommandException {
            Object result = contribution.call(w -> {
                try {
                    return w.plan(file, ansiCodePage, w.validate(params));
                } catch (IniWriterException e) {
                    return IniCommand.refused(w, e);
                } catch (IOException e) {
                    return IniCommand.failure(file, "cannot read", e);
                } catch (IniEditException e) {
                    return new CommandException(w.id() + ": " + file + ": " + e.getMessage(), e);
                } catch (RuntimeException e) {
                    return new CommandException(w.id() + " failed on " + file + ": " + e, e);
                }
            });
            if (result instanceof CommandException e) {
                throw e;
            }
            return (IniPlan) result;
        }
    }

    private final Contributions contributions;

    WriterCatalog(Contributions contributions) {
        this.contributions = contributions;
    }

    List<Entry> all() {
        List<Entry> entries = new ArrayList<>();
        contributions.of(IniWriter.class).forEach(c -> entries.add(new Entry(c)));
        entries.sort(Comparator.comparing(e -> e.writer().id()));
        return entries;
    }

    /** Writer ids and the articles they fix, for completion. */
    List<String> names() {
        List<String> names = new ArrayList<>();
        for (Entry e : all()) {
            names.add(e.writer().id());
            if (!names.contains(e.writer().article().toString())) {
                names.add(e.writer().article().toString());
            }
        }
        return names;
    }

    /** The writer called {@code name}, or the one writer for the article {@code name}. */
    Entry find(String name) throws UsageException {
        List<Entry> all = all();
        for (Entry e : all) {
            if (e.writer().id().equalsIgnoreCase(name)) {
                return e;
            }
        }
        Optional<ArticleId> article = ArticleId.tryParse(name);
        List<Entry> forArticle = all.stream()
                .filter(e -> article.isPresent() && e.writer().article().equals(article.get()))
                .toList();
        if (forArticle.size() == 1) {
            return forArticle.get(0);
        }
        if (forArticle.size() > 1) {
            throw new UsageException(article.get() + " has several INI writers ("
                    + String.join(
                            ", ", forArticle.stream().map(e -> e.writer().id()).toList()) + "); name one");
        }
        throw new UsageException("no INI writer '" + name + "'"
                + (all.isEmpty() ? " (no plugin provides one)" : " (known: " + String.join(", ", names()) + ")"));
    }
}
