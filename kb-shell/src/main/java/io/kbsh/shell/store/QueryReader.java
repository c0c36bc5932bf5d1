package io.kbsh.shell.store;

import io.kbsh.model.article.ArticleId;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * The search language: words and {@code "phrases"} over title and text (all must match), field filters
 * {@code product:exchange}, {@code category:exchange}, {@code type:bug}, {@code tag:xfor}, and an article
 * id anywhere ranks that article first.
 */
final class QueryReader {

    /** The fields a query may name: the filters, and title or text to search one of them alone. */
    private static final Set<String> SEARCH_FIELDS = Set.of(IndexFields.TITLE, IndexFields.TEXT, IndexFields.CATEGORY,
            IndexFields.PRODUCT, IndexFields.TYPE, IndexFields.TAG, IndexFields.ID, IndexFields.CITES);
    /** A word directly followed by a colon, not itself escaped. */
    private static final Pattern FIELD_PREFIX = Pattern.compile("(?<![\\w\\\\])([A-Za-z][\\w.-]*):");

    /** Title and body words; the filter fields are single lower-cased words. */
    static final Analyzer ANALYZER = analyzer();

    private QueryReader() {
    }

    private static Analyzer analyzer() {
        Analyzer keyword = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new KeywordTokenizer();
                return new TokenStreamComponents(source, new LowerCaseFilter(source));
            }
        };
        Map<String, Analyzer> perField = new HashMap<>();
        for (String f : IndexFields.FILTERS) {
            perField.put(f, keyword);
        }
        return new PerFieldAnalyzerWrapper(new StandardAnalyzer(), perField);
    }

    /** The Lucene query for {@code text}, or an {@link IllegalArgumentException} saying what is wrong. */
    static Query read(String text) {
        String q = text.strip();
        if (q.isEmpty()) {
            throw new IllegalArgumentException("empty query");
        }
        Map<String, Float> boosts = Map.of(IndexFields.TITLE, 3f, IndexFields.TEXT, 1f);
        q = plainColons(q);
        MultiFieldQueryParser parser = new MultiFieldQueryParser(
                new String[] {IndexFields.TITLE, IndexFields.TEXT}, ANALYZER, boosts);
        parser.setDefaultOperator(QueryParser.Operator.AND);
        parser.setAllowLeadingWildcard(false);
        Query parsed;
        try {
            parsed = parser.parse(q);
        } catch (ParseException | RuntimeException e) {
            throw new IllegalArgumentException("cannot read the query '" + q + "': " + firstLine(e.getMessage()));
        }
        Optional<ArticleId> id = ArticleId.tryParse(q);
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        b.add(new TermQuery(new Term(IndexFields.KIND, IndexFields.ARTICLE)), BooleanClause.Occur.FILTER);
        if (id.isPresent()) {
            // A bare id finds the article itself first, then the articles that mention it.
            BooleanQuery.Builder either = new BooleanQuery.Builder();
            either.add(new BoostQuery(new TermQuery(IndexFields.idTerm(id.get())), 10f), BooleanClause.Occur.SHOULD);
            either.add(new TermQuery(new Term(IndexFields.CITES, IndexFields.key(id.get()))), BooleanClause.Occur.SHOULD);
            either.add(parsed, BooleanClause.Occur.SHOULD);
            b.add(either.build(), BooleanClause.Occur.MUST);
        } else {
            b.add(parsed, BooleanClause.Occur.MUST);
        }
        return b.build();
    }

    /**
     * Escapes the colon after a word that is no search field, outside quotes: titles are pasted as queries,
     * and their {@code XFOR:} or {@code Err Msg:} would otherwise become a filter on a field that does not
     * exist and match nothing. A known field name is lower-cased ({@code Product:exchange} works too).
     */
    static String plainColons(String query) {
        String[] parts = query.split("\"", -1);
        for (int i = 0; i < parts.length; i += 2) {
            Matcher m = FIELD_PREFIX.matcher(parts[i]);
            StringBuilder b = new StringBuilder();
            while (m.find()) {
                String name = m.group(1).toLowerCase(Locale.ROOT);
                String replacement = SEARCH_FIELDS.contains(name) ? name + ":" : m.group(1) + "\\:";
                m.appendReplacement(b, Matcher.quoteReplacement(replacement));
            }
            m.appendTail(b);
            parts[i] = b.toString();
        }
        return String.join("\"", parts);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "syntax error";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
