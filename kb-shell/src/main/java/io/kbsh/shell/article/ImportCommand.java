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
        return List.of("import ../shared/kbarchive/kbarchive-txt.zip", "import --rebuild");
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
            source = s.recordedSource()
                    .orElseThrow(
                            () -> new UsageException("the index records no archive to rebuild from: give the PATH"));
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
        String kept = s.imported()
                ? "the previous article index is unchanged"
                : "no article index was in use; nothing under " + s.directory() + " was deleted";
        Bar bar = context.interactive() ? new Bar(context.out()) : null;
        try {
            report = s.importArchive(source, bar == null ? ImportProgress.NONE : bar);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (bar != null) {
                bar.clear();
            }
            // The shell prefixes "import: "; the message must not say it again.
            throw new CommandException("interrupted: " + kept);
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
        out.printf(
                "imported %d article%s from %s in %.1f s (%d duplicate renderings merged, %d files rejected)%n",
                r.imported(),
                r.imported() == 1 ? "" : "s",
                r.source(),
                r.millis() / 1000.0,
                r.merged(),
                r.rejected().size());
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
        if (!r.bugsBySource().isEmpty()) {
            StringBuilder b = new StringBuilder("fix levels known for bug articles:");
            r.bugsBySource()
                    .forEach((source, n) -> b.append(' ')
                            .append(n)
                            .append(" from ")
                            .append(source.label())
                            .append(','));
            out.println(b.substring(0, b.length() - 1) + " (fixlevels conflicts lists where they disagree)");
        }
    }

    /**
     * A one-line progress bar redrawn in place at most ten times a second: files parsed, rate, elapsed time
     * and the time left; after parsing, the stage the import is in (fix lists, indexing, swapping).
     */
    static final class Bar implements ImportProgress {
        private static final int WIDTH = 30;
        private final PrintWriter out;
        private final long start;
        private final java.util.function.LongSupplier clock;
        private long lastDraw;
        private int lastLength;

        Bar(PrintWriter out) {
            this(out, System::nanoTime);
        }

        Bar(PrintWriter out, java.util.function.LongSupplier clock) {
            this.out = out;
            this.clock = clock;
            this.start = clock.getAsLong();
            this.lastDraw = start - 1_000_000_000L;
        }

        @Override
        public void update(int done, int total) {
            long now = clock.getAsLong();
            if (now - lastDraw < 100_000_000L && done < total) {
                return;
            }
            lastDraw = now;
            int filled = total == 0 ? WIDTH : (int) ((long) done * WIDTH / total);
            double seconds = Math.max(0.001, (now - start) / 1e9);
            double rate = done / seconds;
            String left = done == 0
                    ? "ETA --:--"
                    : done >= total ? "ETA 0:00" : "ETA " + clock((long) ((total - done) / rate));
            draw(String.format(
                    "[%s%s] %d/%d  %.0f/s  %s  %s",
                    "#".repeat(filled), " ".repeat(WIDTH - filled), done, total, rate, clock((long) seconds), left));
        }

        @Override
        public void stage(Stage stage) {
            draw(String.format(
                    "[%s] %s…  %s",
                    "#".repeat(WIDTH), stage.label(), clock((clock.getAsLong() - start) / 1_000_000_000L)));
        }

        private void draw(String line) {
            out.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
            lastLength = line.length();
            out.flush();
        }

        /** Seconds as m:ss (h:mm:ss past an hour). */
        static String clock(long seconds) {
            return seconds >= 3600
                    ? String.format("%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                    : String.format("%d:%02d", seconds / 60, seconds % 60);
        }

        void clear() {
            out.print("\r" + " ".repeat(lastLength) + "\r");
            out.flush();
        }
    }
}
