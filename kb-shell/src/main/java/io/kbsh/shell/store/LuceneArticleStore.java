package io.kbsh.shell.store;

import io.kbsh.model.article.Article;
import io.kbsh.model.article.ArticleBrief;
import io.kbsh.model.article.ArticleId;
import io.kbsh.model.article.ArticleStore;
import io.kbsh.model.article.FixLevel;
import io.kbsh.model.article.SearchHit;
import io.kbsh.model.version.ReleaseLevel;
import io.kbsh.rules.ArticleCheck;
import io.kbsh.shell.ShellResources;
import io.kbsh.shell.plugin.Contribution;
import io.kbsh.shell.plugin.Contributions;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The article store of the shell: a persistent Lucene index under {@code <home>/index/} (see
 * {@link LuceneIndex}). This class holds no Lucene type, so that binding it costs the shell's start-up
 * nothing: the index is opened when a command or check first asks the store something.
 */
@Singleton
public final class LuceneArticleStore implements ArticleStore, AutoCloseable {

    /** The index layout this kbsh writes and reads; an index of another format must be rebuilt. */
    public static final String FORMAT = "2";

    private final Path root;
    private final Supplier<List<ArticleBrief>> briefs;
    private LuceneIndex index;

    @Inject
    public LuceneArticleStore(@Named("kbsh.home") Path home, Contributions contributions, ShellResources resources) {
        this(home.resolve("index"), () -> briefsOf(contributions));
        resources.closeOnExit(this);
    }

    /** A store whose index lives in {@code indexRoot}; {@code briefs} supplies what plugins know. */
    public LuceneArticleStore(Path indexRoot, Supplier<List<ArticleBrief>> briefs) {
        this.root = indexRoot;
        this.briefs = briefs;
    }

    private static List<ArticleBrief> briefsOf(Contributions contributions) {
        List<ArticleBrief> list = new ArrayList<>();
        for (Contribution<ArticleCheck> check : contributions.of(ArticleCheck.class)) {
            try {
                list.add(check.call(ArticleCheck::article));
            } catch (RuntimeException e) {
                // A plugin whose metadata fails is reported by the plugin loader; the store just lacks it.
            }
        }
        return list;
    }

    private synchronized LuceneIndex index() {
        if (index == null) {
            index = new LuceneIndex(root, briefs);
        }
        return index;
    }

    /** True when an imported archive is open. */
    public boolean imported() {
        return index().imported();
    }

    /** True when another kbsh holds the index: this one may read but not import. */
    public boolean readOnly() {
        return index().readOnly();
    }

    /** Something the user should know about the index (read-only, another format, unreadable). */
    public Optional<String> notice() {
        return index().notice();
    }

    /** The archive the current (or the older-format) index was imported from, for {@code import --rebuild}. */
    public Optional<Path> recordedSource() {
        return index().recordedSource();
    }

    /** The directory the index lives in. */
    public Path directory() {
        return root;
    }

    @Override
    public Optional<Article> find(ArticleId id) {
        return index().find(id);
    }

    /** The title of an article, from the index or the plugins' metadata. */
    public Optional<String> titleOf(ArticleId id) {
        return index().titleOf(id);
    }

    /** {@inheritDoc} An unreadable query is an {@link IllegalArgumentException} saying why. */
    @Override
    public List<SearchHit> search(String query, int limit) {
        return index().search(query, limit);
    }

    /**
     * Hits {@code offset} to {@code offset + limit} of {@code query} and the number of matches in all; an
     * unreadable query, or a filter value no article has, is an {@link IllegalArgumentException} saying why.
     */
    public SearchResults search(String query, int offset, int limit) {
        return index().search(query, offset, limit);
    }

    @Override
    public List<ArticleId> citedBy(ArticleId id) {
        return index().citedBy(id);
    }

    @Override
    public List<FixLevel> fixedIn(ArticleId id) {
        return index().fixedIn(id);
    }

    @Override
    public List<ArticleId> bugsOpenAt(String product, ReleaseLevel level) {
        return index().bugsOpenAt(product, level);
    }

    /** The fix-table rows of every product, from every source: bug → levels. */
    public Map<ArticleId, List<FixLevel>> fixTable() {
        return index().fixTable();
    }

    /** The fix-table rows of one product: bug → levels. */
    public Map<ArticleId, List<FixLevel>> fixTable(String product) {
        return index().fixTable(product);
    }

    @Override
    public List<ArticleId> idsStartingWith(String prefix, int limit) {
        return index().idsStartingWith(prefix, limit);
    }

    @Override
    public int size() {
        return index().size();
    }

    /**
     * Imports every article under {@code source} (a directory tree or a zip) into a new index generation and
     * switches to it at the end. Duplicate renderings of one article are merged by id, the richest kept; a
     * file that cannot be read is rejected with its reason and never stops the import. Interrupting the
     * calling thread stops the import and leaves the previous index in use.
     *
     * @throws IllegalStateException when another kbsh holds the index
     */
    public ImportReport importArchive(Path source, ImportProgress progress) throws IOException, InterruptedException {
        return index().importArchive(source, progress);
    }

    /** Releases the index and its write lock; the shell should call this when it ends. */
    @Override
    public synchronized void close() throws IOException {
        if (index != null) {
            index.close();
            index = null;
        }
    }
}
