package io.kbsh.shell.store;

import io.kbsh.model.article.ArticleId;
import io.kbsh.model.command.Suggestions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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
    private static final Set<String> SEARCH_FIELDS = Set.of(
            IndexFields.TITLE,
            IndexFields.TEXT,
            IndexFields.CATEGORY,
            IndexFields.PRODUCT,
            IndexFields.TYPE,
            IndexFields.TAG,
            IndexFields.ID,
            IndexFields.CITES);

    /** Title and body words; the filter fields are single lower-cased words. */
    static final Analyzer ANALYZER = analyzer();

    private QueryReader() {}

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

    /** Longer queries are refused: a person types a few words, not a document. */
    static final int MAX_LENGTH = 1000;
    /** Deeper nesting is refused: Lucene's parser recurses once per parenthesis. */
    static final int MAX_DEPTH = 16;
    /** More words or phrases are refused: each becomes clauses over title and text. */
    static final int MAX_TERMS = 100;
    /** The filters whose values a query is checked against ({@code product:exchang} is a typo, not "none"). */
    static final Set<String> CHECKED_FILTERS = Set.of(IndexFields.PRODUCT, IndexFields.CATEGORY, IndexFields.TYPE);

    /** A filter the query names with one plain value, such as {@code product:exchange}. */
    record Filter(String field, String value) {}

    /** A read query: the Lucene query and the plain filter values it names. */
    record Read(Query query, List<Filter> filters) {}

    /** The Lucene query for {@code text}, or an {@link IllegalArgumentException} saying what is wrong. */
    static Query read(String text) {
        return parse(text).query();
    }

    /** Reads {@code text} as {@link #read} does, with the filters it names. */
    static Read parse(String text) {
        String q = text.strip();
        if (q.isEmpty()) {
            throw new IllegalArgumentException("empty query");
        }
        if (q.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(
                    "the query is " + q.length() + " characters long; search reads at most " + MAX_LENGTH);
        }
        List<Filter> filters = new ArrayList<>();
        String lucene = translate(q, filters);
        Map<String, Float> boosts = Map.of(IndexFields.TITLE, 3f, IndexFields.TEXT, 1f);
        MultiFieldQueryParser parser =
                new MultiFieldQueryParser(new String[] {IndexFields.TITLE, IndexFields.TEXT}, ANALYZER, boosts);
        parser.setDefaultOperator(QueryParser.Operator.AND);
        parser.setAllowLeadingWildcard(false);
        // TCP/IP is one thing a person looks for: the words a term breaks into must stand together.
        parser.setSplitOnWhitespace(true);
        parser.setAutoGeneratePhraseQueries(true);
        Query parsed;
        try {
            parsed = parser.parse(lucene);
        } catch (ParseException | RuntimeException | StackOverflowError e) {
            throw new IllegalArgumentException("cannot read the query '" + q + "': " + firstLine(e.getMessage()));
        }
        Optional<ArticleId> id = ArticleId.tryParse(q);
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        b.add(new TermQuery(new Term(IndexFields.KIND, IndexFields.ARTICLE)), BooleanClause.Occur.FILTER);
        if (id.isPresent()) {
            // A bare id finds the article itself first, then the articles that mention it.
            BooleanQuery.Builder either = new BooleanQuery.Builder();
            either.add(new BoostQuery(new TermQuery(IndexFields.idTerm(id.get())), 10f), BooleanClause.Occur.SHOULD);
            either.add(
                    new TermQuery(new Term(IndexFields.CITES, IndexFields.key(id.get()))), BooleanClause.Occur.SHOULD);
            either.add(parsed, BooleanClause.Occur.SHOULD);
            b.add(either.build(), BooleanClause.Occur.MUST);
        } else {
            b.add(parsed, BooleanClause.Occur.MUST);
        }
        return new Read(b.build(), List.copyOf(filters));
    }

    /**
     * Turns what a person typed into Lucene's syntax, keeping only the syntax the search documents:
     * {@code "phrases"}, {@code field:value}, {@code OR}, {@code AND}, {@code NOT}, {@code -word},
     * {@code +word}, {@code word*} and parentheses. Everything else is text ({@code TCP/IP},
     * {@code X.400}, {@code XFOR:}, a stray {@code )}), escaped so that Lucene reads it as words. A field
     * name one typo away from a known one ({@code prodcut:}) is an error naming the fields.
     */
    static String translate(String q, List<Filter> filters) {
        StringBuilder out = new StringBuilder();
        int depth = 0;
        int terms = 0;
        int i = 0;
        int n = q.length();
        while (i < n) {
            char c = q.charAt(i);
            if (Character.isWhitespace(c)) {
                out.append(' ');
                i++;
            } else if (c == '(') {
                if (++depth > MAX_DEPTH) {
                    throw new IllegalArgumentException("the query nests parentheses more than " + MAX_DEPTH + " deep");
                }
                out.append("( ");
                i++;
            } else if (c == ')') {
                out.append(depth > 0 ? " )" : " ");
                depth = Math.max(0, depth - 1);
                i++;
            } else if (c == '"') {
                int end = q.indexOf('"', i + 1);
                String phrase = end < 0 ? q.substring(i + 1) : q.substring(i + 1, end);
                out.append('"').append(phrase.replace("\\", "\\\\")).append('"');
                i = end < 0 ? n : end + 1;
                terms++;
            } else {
                int j = i;
                while (j < n && !Character.isWhitespace(q.charAt(j)) && "()\"".indexOf(q.charAt(j)) < 0) {
                    j++;
                }
                String word = q.substring(i, j);
                boolean first = out.toString().isBlank()
                        || out.toString().stripTrailing().endsWith("(");
                boolean last = j >= n || q.substring(j).isBlank() || q.charAt(j) == ')';
                boolean phraseFollows = j < n && q.charAt(j) == '"';
                out.append(word(word, first, last, phraseFollows, filters));
                i = j;
                terms++;
            }
            if (terms > MAX_TERMS) {
                throw new IllegalArgumentException("the query has more than " + MAX_TERMS + " words and phrases");
            }
        }
        out.append(" )".repeat(depth));
        return out.toString();
    }

    private static final Pattern FIELD = Pattern.compile("([A-Za-z][\\w.-]*):(.*)", Pattern.DOTALL);
    private static final List<String> FIELD_NAMES = List.of(
            IndexFields.PRODUCT,
            IndexFields.CATEGORY,
            IndexFields.TYPE,
            IndexFields.TAG,
            IndexFields.TITLE,
            IndexFields.TEXT,
            IndexFields.ID,
            IndexFields.CITES);

    private static String word(String word, boolean first, boolean last, boolean phraseFollows, List<Filter> filters) {
        if ((word.equals("OR") || word.equals("AND") || word.equals("NOT")) && !first && !last) {
            return word;
        }
        String sign = "";
        String rest = word;
        if (rest.length() > 1 && (rest.charAt(0) == '-' || rest.charAt(0) == '+')) {
            sign = rest.substring(0, 1);
            rest = rest.substring(1);
        }
        Matcher m = FIELD.matcher(rest);
        if (m.matches()) {
            String name = m.group(1).toLowerCase(Locale.ROOT);
            String value = m.group(2);
            if (SEARCH_FIELDS.contains(name)) {
                if (value.isEmpty() && !phraseFollows) {
                    throw new IllegalArgumentException(
                            "search field " + name + ": needs a value, e.g. product:exchange");
                }
                if (!value.isEmpty() && CHECKED_FILTERS.contains(name) && value.indexOf('*') < 0) {
                    filters.add(new Filter(name, value.toLowerCase(Locale.ROOT)));
                }
                return sign + name + ":" + term(value);
            }
            Optional<String> near = name.length() >= 4 ? Suggestions.closest(name, FIELD_NAMES) : Optional.empty();
            if (near.isPresent()) {
                throw new IllegalArgumentException("unknown search field '" + m.group(1) + ":' (did you mean "
                        + near.get() + ":?); the fields are " + String.join(", ", FIELD_NAMES));
            }
            // XFOR: or Err Msg: from a pasted title: the colon is text.
            return sign + QueryParser.escape(rest);
        }
        return sign + term(rest);
    }

    /** A word as text, keeping a trailing {@code *} (prefix search). */
    private static String term(String text) {
        if (text.length() > 1 && text.endsWith("*") && text.indexOf('*') == text.length() - 1) {
            return QueryParser.escape(text.substring(0, text.length() - 1)) + "*";
        }
        return QueryParser.escape(text);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "syntax error";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
