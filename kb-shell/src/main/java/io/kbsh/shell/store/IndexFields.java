package io.kbsh.shell.store;

import io.kbsh.model.article.Article;
import io.kbsh.model.article.ArticleId;
import io.kbsh.model.article.FixLevel;
import io.kbsh.model.version.ReleaseLevel;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.util.BytesRef;

/**
 * The index's documents. An article document keeps the bytes it was read from (re-parsed by {@code find},
 * so the index holds no second article format) and the fields search filters on; a fix document is one
 * row of the fix table.
 */
final class IndexFields {
    static final String KIND = "kind";
    static final String ARTICLE = "article";
    static final String FIX = "fix";

    static final String ID = "id";
    static final String ID_STORED = "idv";
    static final String TITLE = "title";
    static final String TEXT = "text";
    static final String DATE = "date";
    static final String CATEGORY = "category";
    static final String PRODUCT = "product";
    static final String TYPE = "type";
    static final String TAG = "tag";
    static final String CITES = "cites";
    static final String SOURCE = "source";
    static final String BYTES = "bytes";

    static final String FIX_BUG = "fixbug";
    static final String FIX_PRODUCT = "fixproduct";
    static final String FIX_RELEASE = "fixrelease";
    static final String FIX_SP = "fixsp";
    static final String FIX_SP_STORED = "fixspv";
    static final String FIX_KIND = "fixkind";
    static final String FIX_LIST = "fixlist";
    static final String FIX_SOURCE = "fixsource";

    /** The fields a query may filter on with {@code name:value}; their values are single lower-case words. */
    static final Set<String> FILTERS = Set.of(CATEGORY, PRODUCT, TYPE, TAG, ID, CITES);

    private IndexFields() {}

    static Document article(Article a, String source, byte[] bytes) {
        Document d = new Document();
        d.add(new StringField(KIND, ARTICLE, Field.Store.NO));
        d.add(new StringField(ID, key(a.id()), Field.Store.NO));
        d.add(new StoredField(ID_STORED, a.id().toString()));
        d.add(new TextField(TITLE, a.title(), Field.Store.YES));
        a.date().ifPresent(date -> d.add(new StoredField(DATE, date.toString())));
        a.category().ifPresent(c -> d.add(keyword(CATEGORY, c)));
        for (String p : a.productIds()) {
            d.add(keyword(PRODUCT, p));
        }
        a.issueType().ifPresent(t -> {
            d.add(keyword(TYPE, t));
            if (t.toLowerCase(Locale.ROOT).startsWith("kb")) {
                d.add(keyword(TYPE, t.substring(2)));
            }
        });
        a.areaTag().ifPresent(t -> d.add(keyword(TAG, t)));
        for (ArticleId cited : a.cites()) {
            d.add(new StringField(CITES, key(cited), Field.Store.NO));
        }
        StringBuilder text = new StringBuilder(a.title()).append('\n');
        text.append(String.join(" ", a.keywords())).append('\n');
        text.append(String.join(" ", a.technology())).append('\n');
        text.append(a.bodyText());
        d.add(new TextField(TEXT, text.toString(), Field.Store.NO));
        d.add(new StoredField(SOURCE, source));
        d.add(new StoredField(BYTES, new BytesRef(bytes)));
        return d;
    }

    static Document fix(ArticleId bug, FixLevel level) {
        Document d = new Document();
        d.add(new StringField(KIND, FIX, Field.Store.NO));
        d.add(new StringField(FIX_BUG, bug.toString(), Field.Store.YES));
        d.add(new StringField(FIX_PRODUCT, level.product(), Field.Store.YES));
        d.add(new StringField(FIX_RELEASE, level.level().release(), Field.Store.YES));
        d.add(new IntPoint(FIX_SP, level.level().servicePack()));
        d.add(new StoredField(FIX_SP_STORED, level.level().servicePack()));
        d.add(new StringField(FIX_KIND, level.kind().name(), Field.Store.YES));
        d.add(new StoredField(FIX_LIST, level.listedIn().toString()));
        d.add(new StringField(FIX_SOURCE, level.source().name(), Field.Store.YES));
        return d;
    }

    static FixLevel fixLevel(Document d) {
        IndexableField sp = d.getField(FIX_SP_STORED);
        return new FixLevel(
                d.get(FIX_PRODUCT),
                new ReleaseLevel(d.get(FIX_RELEASE), sp.numericValue().intValue()),
                FixLevel.Kind.valueOf(d.get(FIX_KIND)),
                ArticleId.parse(d.get(FIX_LIST)),
                FixLevel.Source.valueOf(d.get(FIX_SOURCE)));
    }

    /** An article id as the index's id and cites fields hold it: lower case, like a filter value typed. */
    static String key(ArticleId id) {
        return "q" + id.number();
    }

    static org.apache.lucene.index.Term idTerm(ArticleId id) {
        return new org.apache.lucene.index.Term(ID, key(id));
    }

    private static StringField keyword(String field, String value) {
        return new StringField(field, value.toLowerCase(Locale.ROOT), Field.Store.NO);
    }
}
