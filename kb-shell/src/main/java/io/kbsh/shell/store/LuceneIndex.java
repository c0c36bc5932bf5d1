package io.kbsh.shell.store;

import io.kbsh.model.article.Article;
import io.kbsh.model.article.ArticleBrief;
import io.kbsh.model.article.ArticleId;
import io.kbsh.model.article.ArticleStore;
import io.kbsh.model.article.FixLevel;
import io.kbsh.model.article.SearchHit;
import io.kbsh.model.command.Suggestions;
import io.kbsh.model.version.ReleaseLevel;
import io.kbsh.shell.article.fix.FixTable;
import io.kbsh.shell.article.parse.ArticleParseException;
import io.kbsh.shell.article.parse.ArticleParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.BytesRef;

/**
 * The Lucene side of {@link LuceneArticleStore}: the index under {@code <home>/index/}. Each import builds a
 * new generation directory beside the current one and switches the {@code CURRENT} pointer at the end, so
 * an interrupted or failed import leaves the previous index as it was. One kbsh per home writes: the first
 * holds Lucene's lock on the index directory; a second one is told so and reads only. Until an archive is
 * imported the store answers from the plugins' own article metadata.
 */
final class LuceneIndex implements ArticleStore, AutoCloseable {

    private static final String CURRENT = "CURRENT";
    private static final String LOCK = "kbsh-write.lock";
    private static final String KEY_FORMAT = "kbsh.format";
    private static final String KEY_SOURCE = "kbsh.source";
    private static final String FORMAT = LuceneArticleStore.FORMAT;
    private static final int MAX_HITS = 100_000;

    private final Path root;
    private final Supplier<List<ArticleBrief>> briefSource;
    private volatile Opened opened;
    private volatile BriefArticles briefs;

    /** What is open: the write lock (null when another kbsh has it), the current generation's reader. */
    private record Opened(
            FSDirectory lockDirectory,
            Lock lock,
            DirectoryReader reader,
            IndexSearcher searcher,
            Optional<String> notice,
            Optional<Path> recordedSource) {}

    LuceneIndex(Path indexRoot, Supplier<List<ArticleBrief>> briefs) {
        this.root = indexRoot;
        this.briefSource = briefs;
    }

    // ---------------------------------------------------------------- opening

    private Opened state() {
        Opened s = opened;
        if (s != null) {
            return s;
        }
        synchronized (this) {
            if (opened == null) {
                opened = open();
            }
            return opened;
        }
    }

    private Opened open() {
        FSDirectory lockDirectory = null;
        Lock lock = null;
        String notice = null;
        try {
            Files.createDirectories(root);
            lockDirectory = FSDirectory.open(root);
            try {
                lock = lockDirectory.obtainLock(LOCK);
            } catch (LockObtainFailedException e) {
                notice = "another kbsh is using " + root
                        + ": the article index is read-only here (import is unavailable)";
            }
        } catch (IOException e) {
            return new Opened(
                    null,
                    null,
                    null,
                    null,
                    Optional.of("cannot use the article index directory " + root + ": " + e.getMessage()),
                    Optional.empty());
        }
        Optional<String> generation = readPointer(root.resolve(CURRENT));
        if (generation.isEmpty()) {
            return new Opened(lockDirectory, lock, null, null, Optional.ofNullable(notice), Optional.empty());
        }
        try {
            DirectoryReader reader = DirectoryReader.open(FSDirectory.open(root.resolve(generation.get())));
            Map<String, String> data = reader.getIndexCommit().getUserData();
            Optional<Path> source = Optional.ofNullable(data.get(KEY_SOURCE)).map(Path::of);
            if (!FORMAT.equals(data.get(KEY_FORMAT))) {
                reader.close();
                String found = data.getOrDefault(KEY_FORMAT, "unknown");
                return new Opened(
                        lockDirectory,
                        lock,
                        null,
                        null,
                        Optional.of(join(
                                notice,
                                "the article index was written in format " + found + " and this kbsh reads format "
                                        + FORMAT + ": rebuild it with 'import --rebuild'")),
                        source);
            }
            return new Opened(
                    lockDirectory, lock, reader, new IndexSearcher(reader), Optional.ofNullable(notice), source);
        } catch (IOException | RuntimeException e) {
            return new Opened(
                    lockDirectory,
                    lock,
                    null,
                    null,
                    Optional.of(join(
                            notice,
                            "the article index under " + root + " cannot be read (" + e.getMessage()
                                    + "): import the archive again")),
                    Optional.empty());
        }
    }

    private static String join(String a, String b) {
        return a == null ? b : a + "; " + b;
    }

    private static Optional<String> readPointer(Path file) {
        try {
            String name = Files.readString(file, StandardCharsets.UTF_8).strip();
            return name.matches("gen-\\d+") ? Optional.of(name) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private BriefArticles briefs() {
        BriefArticles b = briefs;
        if (b == null) {
            b = new BriefArticles(briefSource.get());
            briefs = b;
        }
        return b;
    }

    /** True when an imported archive is open. */
    boolean imported() {
        return state().searcher() != null;
    }

    /** True when another kbsh holds the index: this one may read but not import. */
    boolean readOnly() {
        return state().lock() == null;
    }

    /** Something the user should know about the index (read-only, another format, unreadable). */
    Optional<String> notice() {
        return state().notice();
    }

    /** The archive the current (or the unreadable older-format) index was imported from. */
    Optional<Path> recordedSource() {
        return state().recordedSource();
    }

    // ---------------------------------------------------------------- reading

    @Override
    public Optional<Article> find(ArticleId id) {
        IndexSearcher searcher = state().searcher();
        if (searcher != null) {
            try {
                TopDocs top = searcher.search(new TermQuery(IndexFields.idTerm(id)), 1);
                if (top.scoreDocs.length > 0) {
                    Document d = searcher.storedFields().document(top.scoreDocs[0].doc);
                    BytesRef bytes = d.getBinaryValue(IndexFields.BYTES);
                    byte[] copy = Arrays.copyOfRange(bytes.bytes, bytes.offset, bytes.offset + bytes.length);
                    return Optional.of(ArticleParser.parse(d.get(IndexFields.SOURCE), copy));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("reading the article index failed", e);
            } catch (ArticleParseException e) {
                // It parsed at import; if it does not now, this kbsh reads differently: fall back.
            }
        }
        return briefs().find(id);
    }

    /** The title of an article, from the index or the plugins' metadata. */
    Optional<String> titleOf(ArticleId id) {
        IndexSearcher searcher = state().searcher();
        if (searcher != null) {
            try {
                TopDocs top = searcher.search(new TermQuery(IndexFields.idTerm(id)), 1);
                if (top.scoreDocs.length > 0) {
                    return Optional.ofNullable(searcher.storedFields()
                            .document(top.scoreDocs[0].doc, Set.of(IndexFields.TITLE))
                            .get(IndexFields.TITLE));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("reading the article index failed", e);
            }
        }
        return briefs().find(id).map(Article::title);
    }

    /** {@inheritDoc} An unreadable query is an {@link IllegalArgumentException} saying why. */
    @Override
    public List<SearchHit> search(String query, int limit) {
        return search(query, 0, limit).hits();
    }

    /**
     * The hits {@code offset} to {@code offset + limit} of {@code query}, with how many articles match in
     * all. A plain filter value no article has ({@code product:exchang}) is an
     * {@link IllegalArgumentException} naming the values the index knows, not an empty answer.
     */
    SearchResults search(String query, int offset, int limit) {
        IndexSearcher searcher = state().searcher();
        if (searcher == null) {
            List<SearchHit> all = briefs().search(query, Integer.MAX_VALUE);
            return new SearchResults(
                    all.subList(Math.min(offset, all.size()), Math.min(all.size(), offset + limit)), all.size());
        }
        QueryReader.Read read = QueryReader.parse(query);
        try {
            for (QueryReader.Filter f : read.filters()) {
                checkFilter(searcher, f);
            }
            TopDocs top = searcher.search(read.query(), Math.max(1, offset + limit));
            StoredFields stored = searcher.storedFields();
            Set<String> fields = Set.of(IndexFields.ID_STORED, IndexFields.TITLE, IndexFields.DATE);
            List<SearchHit> hits = new ArrayList<>(top.scoreDocs.length);
            for (int i = offset; i < top.scoreDocs.length; i++) {
                ScoreDoc sd = top.scoreDocs[i];
                Document d = stored.document(sd.doc, fields);
                String date = d.get(IndexFields.DATE);
                hits.add(new SearchHit(
                        ArticleId.parse(d.get(IndexFields.ID_STORED)),
                        d.get(IndexFields.TITLE),
                        Optional.ofNullable(date).map(LocalDate::parse),
                        sd.score));
            }
            return new SearchResults(hits, searcher.count(read.query()));
        } catch (IndexSearcher.TooManyClauses e) {
            throw new IllegalArgumentException(
                    "the query '" + query.strip() + "' expands to too many terms: " + "give more letters before *");
        } catch (IOException e) {
            throw new UncheckedIOException("searching the article index failed", e);
        }
    }

    private static void checkFilter(IndexSearcher searcher, QueryReader.Filter f) throws IOException {
        if (searcher.getIndexReader().docFreq(new Term(f.field(), f.value())) > 0) {
            return;
        }
        Set<String> known = new TreeSet<>();
        Terms terms = MultiTerms.getTerms(searcher.getIndexReader(), f.field());
        if (terms != null) {
            TermsEnum e = terms.iterator();
            for (BytesRef t = e.next(); t != null; t = e.next()) {
                known.add(t.utf8ToString());
            }
        }
        Optional<String> near = Suggestions.closest(f.value(), known);
        List<String> listed = known.stream().limit(15).toList();
        throw new IllegalArgumentException("no article has " + f.field() + ":" + f.value()
                + near.map(n -> " (did you mean " + f.field() + ":" + n + "?)").orElse("")
                + (known.isEmpty()
                        ? ""
                        : "; " + f.field() + " values in the index: " + String.join(", ", listed)
                                + (known.size() > listed.size() ? ", … (" + known.size() + " in all)" : "")));
    }

    @Override
    public List<ArticleId> citedBy(ArticleId id) {
        return idsMatching(new TermQuery(new Term(IndexFields.CITES, IndexFields.key(id))), IndexFields.ID_STORED);
    }

    @Override
    public List<FixLevel> fixedIn(ArticleId id) {
        IndexSearcher searcher = state().searcher();
        if (searcher == null) {
            return List.of();
        }
        try {
            TopDocs top = searcher.search(new TermQuery(new Term(IndexFields.FIX_BUG, id.toString())), 1000);
            List<FixLevel> levels = new ArrayList<>();
            for (ScoreDoc sd : top.scoreDocs) {
                levels.add(IndexFields.fixLevel(searcher.storedFields().document(sd.doc)));
            }
            levels.sort(Comparator.comparing(FixLevel::product)
                    .thenComparing(f -> f.level().release())
                    .thenComparing(FixLevel::kind)
                    .thenComparingInt(f -> f.level().servicePack()));
            return levels;
        } catch (IOException e) {
            throw new UncheckedIOException("reading the article index failed", e);
        }
    }

    @Override
    public List<ArticleId> bugsOpenAt(String product, ReleaseLevel level) {
        // Judged per bug by its most trusted source, so all of the product's rows are read, not a range query.
        return FixTable.openAt(fixTable(product), product, level);
    }

    /** Every fix-table row of one product, for {@code bugs} listings: bug → levels. */
    Map<ArticleId, List<FixLevel>> fixTable(String product) {
        return fixRows(new TermQuery(new Term(IndexFields.FIX_PRODUCT, product)));
    }

    /** Every fix-table row of every product and source: bug → levels. */
    Map<ArticleId, List<FixLevel>> fixTable() {
        return fixRows(new TermQuery(new Term(IndexFields.KIND, IndexFields.FIX)));
    }

    private Map<ArticleId, List<FixLevel>> fixRows(Query query) {
        IndexSearcher searcher = state().searcher();
        Map<ArticleId, List<FixLevel>> table = new TreeMap<>();
        if (searcher == null) {
            return table;
        }
        try {
            TopDocs top = searcher.search(query, MAX_HITS);
            for (ScoreDoc sd : top.scoreDocs) {
                Document d = searcher.storedFields().document(sd.doc);
                table.computeIfAbsent(ArticleId.parse(d.get(IndexFields.FIX_BUG)), k -> new ArrayList<>())
                        .add(IndexFields.fixLevel(d));
            }
            return table;
        } catch (IOException e) {
            throw new UncheckedIOException("reading the article index failed", e);
        }
    }

    private List<ArticleId> idsMatching(Query query, String idField) {
        IndexSearcher searcher = state().searcher();
        if (searcher == null) {
            return List.of();
        }
        try {
            TopDocs top = searcher.search(query, MAX_HITS);
            TreeSet<ArticleId> ids = new TreeSet<>();
            Set<String> fields = Set.of(idField);
            for (ScoreDoc sd : top.scoreDocs) {
                ids.add(ArticleId.parse(
                        searcher.storedFields().document(sd.doc, fields).get(idField)));
            }
            return List.copyOf(ids);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the article index failed", e);
        }
    }

    @Override
    public List<ArticleId> idsStartingWith(String prefix, int limit) {
        String p = prefix.strip().toLowerCase(Locale.ROOT);
        String key = p.startsWith("q") ? p : "q" + p;
        TreeSet<ArticleId> ids = new TreeSet<>();
        for (ArticleId id : briefs().ids()) {
            if (IndexFields.key(id).startsWith(key)) {
                ids.add(id);
            }
        }
        DirectoryReader reader = state().reader();
        if (reader != null) {
            try {
                Terms terms = MultiTerms.getTerms(reader, IndexFields.ID);
                if (terms != null) {
                    TermsEnum te = terms.iterator();
                    if (te.seekCeil(new BytesRef(key)) != TermsEnum.SeekStatus.END) {
                        do {
                            String t = te.term().utf8ToString();
                            if (!t.startsWith(key)) {
                                break;
                            }
                            ArticleId.tryParse(t).ifPresent(ids::add);
                        } while (ids.size() < limit && te.next() != null);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("reading the article index failed", e);
            }
        }
        return ids.stream().limit(limit).toList();
    }

    @Override
    public int size() {
        IndexSearcher searcher = state().searcher();
        if (searcher == null) {
            return briefs().ids().size();
        }
        try {
            return searcher.count(new TermQuery(new Term(IndexFields.KIND, IndexFields.ARTICLE)));
        } catch (IOException e) {
            throw new UncheckedIOException("reading the article index failed", e);
        }
    }

    // ---------------------------------------------------------------- importing

    /**
     * Imports every article under {@code source} (a directory tree or a zip) into a new index generation and
     * switches to it at the end. Duplicate renderings of one article are merged by id, the richest kept; a
     * file that cannot be read is rejected with its reason and never stops the import. Interrupting the
     * calling thread stops the import and leaves the previous index in use.
     *
     * @throws IllegalStateException when another kbsh holds the index
     */
    synchronized ImportReport importArchive(Path source, ImportProgress progress)
            throws IOException, InterruptedException {
        Opened s = state();
        if (s.lock() == null) {
            throw new IllegalStateException(s.notice().orElse("the article index is read-only"));
        }
        long start = System.nanoTime();
        removeLeftovers();
        Path build = root.resolve("build-" + System.currentTimeMillis());
        ArchiveImport run;
        try (ArchiveEntries entries = ArchiveEntries.open(source)) {
            run = new ArchiveImport(entries.entries(), build, progress);
            run.execute();
            run.commit(Map.of(
                    KEY_FORMAT,
                    FORMAT,
                    KEY_SOURCE,
                    source.toAbsolutePath().normalize().toString()));
        } catch (IOException | InterruptedException | RuntimeException | Error e) {
            deleteTree(build);
            if (Thread.interrupted() && !(e instanceof InterruptedException)) {
                throw new InterruptedException("import interrupted");
            }
            throw e;
        }
        progress.stage(ImportProgress.Stage.SWAPPING);
        switchTo(build);
        return new ImportReport(
                source.toString(),
                run.imported(),
                run.merged(),
                run.rejected(),
                run.fixCounts(),
                run.bugsBySource(),
                (System.nanoTime() - start) / 1_000_000);
    }

    /** Makes {@code build} the current generation: renamed, pointed to atomically, the old reader closed. */
    private synchronized void switchTo(Path build) throws IOException {
        String generation = "gen-" + build.getFileName().toString().substring("build-".length());
        Path target = root.resolve(generation);
        Files.move(build, target, StandardCopyOption.ATOMIC_MOVE);
        Path pointer = root.resolve(CURRENT);
        Optional<String> previous = readPointer(pointer);
        Path temp = root.resolve(CURRENT + ".tmp");
        Files.writeString(temp, generation + "\n", StandardCharsets.UTF_8);
        if (previous.isPresent()) {
            Files.writeString(root.resolve(CURRENT + ".bak"), previous.get() + "\n", StandardCharsets.UTF_8);
        }
        try {
            Files.move(temp, pointer, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, pointer, StandardCopyOption.REPLACE_EXISTING);
        }
        Opened old = opened;
        DirectoryReader reader = DirectoryReader.open(FSDirectory.open(target));
        opened = new Opened(
                old.lockDirectory(),
                old.lock(),
                reader,
                new IndexSearcher(reader),
                Optional.empty(),
                Optional.of(Path.of(reader.getIndexCommit().getUserData().get(KEY_SOURCE))));
        if (old.reader() != null) {
            old.reader().close();
        }
        removeLeftovers();
    }

    /**
     * Deletes unfinished builds and generations older than the previous one (kept as the backup). A
     * generation is deleted only when it is proven unused: both pointers read cleanly, the current one names
     * a generation, and it is neither of theirs nor the one open. With a pointer missing or unreadable no
     * generation is deleted: the one in it may be the only index there is.
     */
    private void removeLeftovers() throws IOException {
        Optional<Optional<String>> current = pointer(root.resolve(CURRENT));
        Optional<Optional<String>> backup = pointer(root.resolve(CURRENT + ".bak"));
        boolean provable = current.isPresent() && current.get().isPresent() && backup.isPresent();
        Optional<String> open = openGeneration();
        try (Stream<Path> children = Files.list(root)) {
            for (Path child : children.toList()) {
                String name = child.getFileName().toString();
                if (!Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                boolean unused = name.startsWith("build-")
                        || (name.startsWith("gen-")
                                && provable
                                && !current.get().equals(Optional.of(name))
                                && !backup.get().equals(Optional.of(name))
                                && !open.equals(Optional.of(name)));
                if (unused) {
                    deleteTree(child);
                }
            }
        }
    }

    /**
     * What a pointer file names: empty when it cannot be known (unreadable, or not a generation's name),
     * an empty name when the file does not exist.
     */
    private static Optional<Optional<String>> pointer(Path file) {
        try {
            String name = Files.readString(file, StandardCharsets.UTF_8).strip();
            return name.matches("gen-\\d+") ? Optional.of(Optional.of(name)) : Optional.empty();
        } catch (NoSuchFileException e) {
            return Optional.of(Optional.empty());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The generation the open reader reads, if one is open. */
    private Optional<String> openGeneration() {
        Opened s = opened;
        if (s == null || s.reader() == null || !(s.reader().directory() instanceof FSDirectory fs)) {
            return Optional.empty();
        }
        return Optional.of(fs.getDirectory().getFileName().toString());
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Override
    public synchronized void close() throws IOException {
        Opened s = opened;
        opened = null;
        if (s == null) {
            return;
        }
        try {
            if (s.reader() != null) {
                s.reader().close();
            }
        } finally {
            if (s.lock() != null) {
                s.lock().close();
            }
            if (s.lockDirectory() != null) {
                s.lockDirectory().close();
            }
        }
    }
}
