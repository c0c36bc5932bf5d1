package io.kbsh.shell.store;

import io.kbsh.model.article.Article;
import io.kbsh.model.article.ArticleId;
import io.kbsh.model.article.FixLevel;
import io.kbsh.model.article.Rendering;
import io.kbsh.model.internal.Limits;
import io.kbsh.shell.article.fix.FixListParser;
import io.kbsh.shell.article.fix.FixListing;
import io.kbsh.shell.article.fix.FixTable;
import io.kbsh.shell.article.fix.KeywordFixParser;
import io.kbsh.shell.article.fix.StatusFixParser;
import io.kbsh.shell.article.parse.ArticleParseException;
import io.kbsh.shell.article.parse.ArticleParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;

/**
 * One import into a build directory: the files are parsed and indexed on all cores; duplicate renderings of
 * an article are merged by id, the richest kept; the fix lists of the kept renderings become fix documents
 * at the end. Workers are told to stop rather than interrupted, because an interrupt closes Lucene's file
 * channels.
 */
final class ArchiveImport {
    /** The largest article of the archive is under 200 KB; a file far beyond that is not one. */
    static final long MAX_ARTICLE_BYTES = Limits.ARCHIVE_ENTRY_BYTES;

    private final List<ArchiveEntries.Entry> entries;
    private final Path build;
    private final ImportProgress progress;
    /** The rendering kept for each article so far, and the entry it came from. */
    private final Map<ArticleId, Kept> indexed = new ConcurrentHashMap<>();

    record Kept(Rendering rendering, String entry) {
        /**
         * Whether {@code rendering} from {@code entry} replaces this one: a richer rendering wins, and of two
         * as rich the entry whose name sorts first — so the kept text never depends on which worker was faster.
         */
        boolean yieldsTo(Rendering rendering, String entry) {
            if (rendering.richerThan(this.rendering)) {
                return true;
            }
            return !this.rendering.richerThan(rendering) && entry.compareTo(this.entry) < 0;
        }
    }

    private final Map<ArticleId, List<FixListing>> fixLists = new ConcurrentHashMap<>();
    /** What each bug article says of its own fix: its STATUS section and its keywords. */
    private final Map<ArticleId, List<FixListing>> ownLevels = new ConcurrentHashMap<>();

    private final List<String> rejected = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger merged = new AtomicInteger();
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final FixTable fixTable = new FixTable();
    private IndexWriter writer;

    ArchiveImport(List<ArchiveEntries.Entry> entries, Path build, ImportProgress progress) {
        this.entries = entries;
        this.build = build;
        this.progress = progress;
    }

    void execute() throws IOException, InterruptedException {
        IndexWriterConfig config = new IndexWriterConfig(QueryReader.ANALYZER)
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                .setRAMBufferSizeMB(96)
                .setCommitOnClose(false);
        writer = new IndexWriter(FSDirectory.open(build), config);
        try {
            int workers = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
            CountDownLatch finished = new CountDownLatch(workers);
            for (int w = 0; w < workers; w++) {
                Thread t = new Thread(
                        () -> {
                            try {
                                work();
                            } catch (Throwable e) {
                                failure.compareAndSet(null, e);
                                cancelled.set(true);
                            } finally {
                                finished.countDown();
                            }
                        },
                        "kbsh-import-" + w);
                t.setDaemon(true);
                t.start();
            }
            try {
                while (!finished.await(100, TimeUnit.MILLISECONDS)) {
                    progress.update(done.get(), entries.size());
                }
            } catch (InterruptedException e) {
                // Workers are told to stop, not interrupted: an interrupt would close Lucene's file channels.
                cancelled.set(true);
                finished.await(30, TimeUnit.SECONDS);
                throw e;
            }
            progress.update(done.get(), entries.size());
            Throwable f = failure.get();
            if (f instanceof IOException io) {
                throw io;
            } else if (f instanceof RuntimeException re) {
                throw re;
            } else if (f instanceof Error err) {
                throw err;
            } else if (f != null) {
                throw new IOException(f);
            }
            if (indexed.isEmpty()) {
                // Swapping in an empty index would throw away a good one over a mistyped path.
                List<String> reasons = rejected();
                throw new IOException("no KB article found"
                        + (reasons.isEmpty()
                                ? " (" + entries.size() + " files read)"
                                : " (" + reasons.size() + " files rejected, e.g. " + reasons.get(0) + ")"));
            }
            progress.stage(ImportProgress.Stage.FIX_LISTS);
            for (List<FixListing> listings : fixLists.values()) {
                fixTable.add(listings);
            }
            for (List<FixListing> listings : ownLevels.values()) {
                fixTable.add(listings);
            }
            for (Map.Entry<ArticleId, List<FixLevel>> row : fixTable.byBug().entrySet()) {
                for (FixLevel level : row.getValue()) {
                    writer.addDocument(IndexFields.fix(row.getKey(), level));
                }
            }
        } catch (IOException | InterruptedException | RuntimeException | Error e) {
            writer.rollback();
            throw e;
        }
    }

    private void work() throws IOException {
        int i;
        while (!cancelled.get() && (i = next.getAndIncrement()) < entries.size()) {
            ArchiveEntries.Entry entry = entries.get(i);
            try {
                if (entry.size() > MAX_ARTICLE_BYTES) {
                    rejected.add(entry.name() + ": " + entry.size() + " bytes, too large for a KB article");
                } else {
                    byte[] bytes = entry.read();
                    index(ArticleParser.parse(entry.name(), bytes), entry.name(), bytes);
                }
            } catch (ArticleParseException e) {
                rejected.add(e.getMessage());
            } catch (UncheckedIOException e) {
                throw e.getCause();
            } catch (ArchiveEntries.ArchiveTooLargeException e) {
                throw e;
            } catch (IOException e) {
                rejected.add(entry.name() + ": cannot be read: " + e.getMessage());
            } catch (RuntimeException e) {
                rejected.add(entry.name() + ": cannot be parsed: " + e);
            }
            done.incrementAndGet();
        }
    }

    private void index(Article article, String name, byte[] bytes) {
        indexed.compute(article.id(), (id, previous) -> {
            if (previous != null) {
                merged.incrementAndGet();
                if (!previous.yieldsTo(article.rendering(), name)) {
                    return previous;
                }
            }
            try {
                writer.updateDocument(IndexFields.idTerm(id), IndexFields.article(article, name, bytes));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            keep(fixLists, id, FixListParser.listings(article));
            List<FixListing> own = new ArrayList<>(StatusFixParser.listings(article));
            own.addAll(KeywordFixParser.listings(article));
            keep(ownLevels, id, own);
            return new Kept(article.rendering(), name);
        });
    }

    /** The levels of the rendering kept for {@code id}: a richer one replaces what a poorer one gave. */
    private static void keep(Map<ArticleId, List<FixListing>> map, ArticleId id, List<FixListing> listings) {
        if (listings.isEmpty()) {
            map.remove(id);
        } else {
            map.put(id, List.copyOf(listings));
        }
    }

    void commit(Map<String, String> data) throws IOException {
        try {
            Map<String, String> all = new HashMap<>(data);
            all.put("kbsh.articles", Integer.toString(indexed.size()));
            progress.stage(ImportProgress.Stage.INDEXING);
            if (merged.get() > 0) {
                // Replaced renderings are deleted documents, which still count in the ranking's statistics
                // until merged away; how many survive would depend on the workers' timing. One segment without
                // them makes the index, and every score, the same for the same archive (forceMergeDeletes
                // leaves some in place, as the test of this shows).
                writer.forceMerge(1);
            }
            writer.setLiveCommitData(all.entrySet());
            writer.commit();
            writer.close();
        } catch (IOException | RuntimeException e) {
            writer.rollback();
            throw e;
        }
    }

    int imported() {
        return indexed.size();
    }

    List<String> rejected() {
        synchronized (rejected) {
            List<String> sorted = new ArrayList<>(rejected);
            Collections.sort(sorted);
            return sorted;
        }
    }

    int merged() {
        return merged.get();
    }

    Map<String, int[]> fixCounts() {
        return fixTable.countsByProduct();
    }

    Map<FixLevel.Source, Integer> bugsBySource() {
        return fixTable.bugsBySource();
    }
}
