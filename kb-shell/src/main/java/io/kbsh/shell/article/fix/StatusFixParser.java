package io.kbsh.shell.article.fix;

import io.kbsh.model.article.Article;
import io.kbsh.model.article.ArticleId;
import io.kbsh.model.article.FixLevel;
import io.kbsh.model.article.Section;
import io.kbsh.model.product.Product;
import io.kbsh.model.product.Products;
import io.kbsh.model.version.ReleaseLevel;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads where a bug article says its problem was fixed, from its own STATUS section: the archive's
 * articles state it as a clause after "corrected in", "fixed in" or "resolved in", naming the product, the
 * release line and the pack in one of three orders — {@code Exchange Server 5.5 Service Pack 3},
 * {@code Service Pack 3 of Microsoft Exchange version 4.0}, or the pack alone ({@code Exchange Server U.S.
 * Service Pack 2}), whose line is then the one release the section names. "The latest service pack" names
 * no pack and gives nothing; neither does "confirmed this to be a problem in … Service Pack 3", which says
 * where the problem is, not where it was fixed.
 */
public final class StatusFixParser {

    private static final Pattern FIXED_IN = Pattern.compile("(?i)\\b(?:corrected|fixed|resolved|included)\\s+in\\s+");
    /** Where a clause ends: a full stop before white space and a capital, or the next clause. */
    private static final Pattern CLAUSE_END = Pattern.compile("\\.(?=\\s+[A-Z(]|\\s*$)|;|:");

    private static final String PACK = "(?:(?:service\\s+pack|SP)\\s*)+(\\d{1,2})[a-z]?\\b";
    /** {@code Exchange Server version 5.5 US Service Pack 3}: product words, the release, the pack. */
    private static final Pattern RELEASE_THEN_PACK =
            Pattern.compile("(?i)(?<![\\d.])(\\d\\.\\d{1,2})a?(?!\\d|\\.\\d)\\s*,?\\s+(?:US\\s+)?" + PACK);
    /** {@code Service Pack 3 of Microsoft Exchange version 4.0}, {@code SP2 for Exchange Server 5.0}. */
    private static final Pattern PACK_THEN_RELEASE = Pattern.compile("(?i)" + PACK
            + "\\s+(?:of|for)\\s+((?:the\\s+)?[A-Za-z+ ]{0,60}?)\\s*(?:version\\s+)?(\\d\\.\\d{1,2})(?!\\d|\\.\\d)");

    private static final Pattern PACK_ALONE = Pattern.compile("(?i)" + PACK);
    private static final Pattern RELEASE = Pattern.compile("(?<![\\d.])(\\d\\.\\d{1,2})a?(?!\\d|\\.\\d)");

    private StatusFixParser() {}

    /** The levels {@code article}'s STATUS section names as fixing it; empty when it names none. */
    public static List<FixListing> listings(Article article) {
        Optional<Section> status = article.sections().stream()
                .filter(s -> s.heading()
                        .filter(h -> h.strip().equalsIgnoreCase("STATUS"))
                        .isPresent())
                .findFirst();
        if (status.isEmpty()) {
            return List.of();
        }
        return ofStatus(
                article.id(),
                article.productIds().stream().findFirst(),
                status.get().text());
    }

    /** The levels a STATUS section's text names; {@code ownProduct} is the article's, for clauses naming none. */
    static List<FixListing> ofStatus(ArticleId id, Optional<String> ownProduct, String statusText) {
        // "U.S." would end every clause early; the archive writes it before "Service Pack" often.
        String text = statusText.replaceAll("\\s+", " ").replace("U.S.", "US");
        Set<FixListing> found = new LinkedHashSet<>();
        Matcher fixed = FIXED_IN.matcher(text);
        while (fixed.find()) {
            read(clause(text, fixed.end()), text, ownProduct, id, found);
        }
        return List.copyOf(found);
    }

    private static String clause(String text, int from) {
        Matcher end = CLAUSE_END.matcher(text);
        int to = end.find(from) ? end.start() : text.length();
        return text.substring(from, Math.min(to, from + 200));
    }

    private static void read(
            String clause, String section, Optional<String> ownProduct, ArticleId id, Set<FixListing> found) {
        boolean any = false;
        Matcher m = RELEASE_THEN_PACK.matcher(clause);
        int productFrom = 0;
        while (m.find()) {
            // The product is the one named before this release (since the previous level), e.g. "Windows NT 4.0 SP4".
            Optional<String> product = product(clause.substring(productFrom, m.start()), ownProduct);
            productFrom = m.end();
            add(found, id, product, m.group(1), m.group(2));
            any = true;
        }
        if (any) {
            return;
        }
        m = PACK_THEN_RELEASE.matcher(clause);
        if (m.find()) {
            add(found, id, product(m.group(2), ownProduct), m.group(3), m.group(1));
            return;
        }
        m = PACK_ALONE.matcher(clause);
        if (m.find()) {
            // The pack alone: its line is the one release the section names, when it names exactly one.
            Set<String> releases = new LinkedHashSet<>();
            Matcher r = RELEASE.matcher(section);
            while (r.find()) {
                releases.add(r.group(1));
            }
            if (releases.size() == 1) {
                add(
                        found,
                        id,
                        product(clause.substring(0, m.start()), ownProduct),
                        releases.iterator().next(),
                        m.group(1));
            }
        }
    }

    private static Optional<String> product(String words, Optional<String> ownProduct) {
        return Products.mentionedIn(words).map(Product::id).or(() -> ownProduct);
    }

    private static void add(
            Set<FixListing> found, ArticleId id, Optional<String> product, String release, String pack) {
        if (product.isEmpty()) {
            return;
        }
        int sp = Integer.parseInt(pack);
        if (sp < 1) {
            return;
        }
        found.add(new FixListing(
                id,
                new FixLevel(
                        product.get(),
                        new ReleaseLevel(release, sp),
                        FixLevel.Kind.SERVICE_PACK,
                        id,
                        FixLevel.Source.STATUS)));
    }
}
