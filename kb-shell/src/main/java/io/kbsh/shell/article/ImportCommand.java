package io.kbsh.shell.article;

import io.kbsh.model.command.Arguments;
import io.kbsh.model.command.CommandContext;
import io.kbsh.model.command.CommandException;
import io.kbsh.model.command.ExitStatus;
import io.kbsh.model.command.OptionSpec;
import io.kbsh.model.command.ShellCommand;
import io.kbsh.model.command.UsageException;
import io.kbsh.model.command.ValueKind;
import io.kbsh.shell.store.ImportProgress;
import io.kbsh.shell.store.ImportReport;
import io.kbsh.shell.store.LuceneArticleStore;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code import PATH}: reads the KB archive (a directory tree or a zip) into the article index, with a
 * progress bar on a terminal and a summary at the end. {@code import --rebuild} re-imports from where the
 * current (or an older-format) index came from.
 */
public final class ImportCommand implements ShellCommand {

    private static final int SHOWN_REJECTIONS = 10;
    private final Provider<LuceneArticleStore> store;

    @Inject
    public ImportCommand(Provider<LuceneArticleStore> store) {
        this.store = store;
    }

    @Override
    public String name() {
        return "import";
    }

    @Override
    public String description() {
        return "import the KB archive (directory or zip) into the article index";
    }

    @Override
    public List<String> examples() {
        return List.of("import ../shared/kbarchive/kbarchive-txt.zip",
                "import --rebuild");
    }

    @Override
    public String usage() {
        return "import PATH            a directory, kbarchive-txt.zip or the archive's GitHub zip\n"
                + "import --rebuild       re-import from the archive the index was built from";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(OptionSpec.flag("rebuild", "rebuild the index from the archive it was imported from"));
    }

    @Override
    public ValueKind argumentKind(List<String> precedingWords) {
        return ValueKind.FILE;
    }

    @Override
    public int run(CommandContext context, List<String> words) throws CommandException {
        Arguments args = Arguments.parse(words, options());
        LuceneArticleStore s = store.get();
        Path source;
        if (!args.positional().isEmpty()) {
            source = context.resolve(args.positional().get(0));
        } else if (args.has("rebuild")) {
            source = s.recordedSource().orElseThrow(() -> new UsageException(
                    "the index records no archive to rebuild from: give the PATH"));
        } else {
            throw new UsageException("missing argument PATH");
        }
        if (!Files.exists(source)) {
            throw new CommandException(source + ": no such file or directory");
        }
        if (s.readOnly()) {
            throw new CommandException(s.notice().orElse("the article index is read-only"));
        }
        ImportReport report;
        // Say only what is true: with no index in use there is no previous index to keep, only its files.
        String kept = s.imported() ? "the previous article index is unchanged"
                : "no article index was in use; nothing under " + s.directory() + " was deleted";
        Bar bar = context.interactive() ? new Bar(context.out()) : null;
        try {
            report = s.importArchive(source, bar == null ? ImportProgress.NONE : bar);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (bar != null) {
                bar.clear();
            }
            throw new CommandException("import interrupted: " + kept);
        } catch (IOException e) {
            throw new CommandException(source + ": " + e.getMessage() + " (" + kept + ")");
        } catch (IllegalStateException e) {
            throw new CommandException(e.getMessage());
        }
        if (bar != null) {
            bar.clear();
        }
        summary(context.out(), report);
        return ExitStatus.OK;
    }

    static void summary(PrintWriter out, ImportReport r) {
        out.printf("imported %d article%s from %s in %.1f s (%d duplicate renderings merged, %d files rejected)%n",
                r.imported(), r.imported() == 1 ? "" : "s", r.source(), r.millis() / 1000.0, r.merged(), r.rejected().size());
        r.rejected().stream().limit(SHOWN_REJECTIONS).forEach(reason -> out.println("  rejected " + reason));
        if (r.rejected().size() > SHOWN_REJECTIONS) {
            out.println("  … and " + (r.rejected().size() - SHOWN_REJECTIONS) + " more rejected");
        }
        if (!r.fixListsByProduct().isEmpty()) {
            out.println("fix lists (product: lists, bug → pack pairs):");
            for (Map.Entry<String, int[]> e : new TreeMap<>(r.fixListsByProduct()).entrySet()) {
                out.printf("  %-12s %3d lists, %5d pairs%n", e.getKey(), e.getValue()[0], e.getValue()[1]);
            }
        }
    }

    /** A one-line progress bar with count and rate, redrawn in place at most ten times a second. */
    private static final class Bar implements ImportProgress {
        private final PrintWriter out;
        private final long start = System.nanoTime();
        private long lastDraw;

        Bar(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void update(int done, int total) {
            long now = System.nanoTime();
            if (now - lastDraw < 100_000_000L && done < total) {
                return;
            }
            lastDraw = now;
            int width = 30;
            int filled = total == 0 ? width : (int) ((long) done * width / total);
            double seconds = Math.max(0.001, (now - start) / 1e9);
            out.print(String.format("\r[%s%s] %d/%d  %.0f/s ", "#".repeat(filled), " ".repeat(width - filled),
                    done, total, done / seconds));
            out.flush();
        }

        void clear() {
            out.print("\r" + " ".repeat(70) + "\r");
            out.flush();
        }
    }
}
