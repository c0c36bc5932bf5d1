package io.kbsh.shell.article.fix;

import io.kbsh.model.article.Article;
import io.kbsh.model.article.FixLevel;
import io.kbsh.model.version.ReleaseLevel;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the fixing pack from a bug article's keywords. The archive uses two spellings: the older
 * {@code exc55sp2fix} (Exchange 5.5, fixed in SP2) and the later {@code kbexchange550sp4fix} /
 * {@code kbexchange550presp4fix}; "pre-SP4" means a hotfix made after SP3 and folded into SP4, so it is a
 * {@link FixLevel.Kind#HOTFIX} level after SP3. Lines are written without their point ({@code 55},
 * {@code 550}, {@code 400}); Exchange 2000 and Windows 2000 are not release lines of the form {@code 5.5}
 * and are left out.
 */
public final class KeywordFixParser {

    private static final Pattern KEYWORD =
            Pattern.compile("(?:kb)?(exc|exchange|winnt)(\\d)(\\d)0?(pre)?sp(\\d{1,2})fix");

    private KeywordFixParser() {}

    /** The levels {@code article}'s keywords name; empty when none does. */
    public static List<FixListing> listings(Article article) {
        Set<FixListing> found = new LinkedHashSet<>();
        for (String keyword : article.keywords()) {
            level(keyword)
                    .ifPresent(k -> found.add(new FixListing(
                            article.id(),
                            new FixLevel(k.product(), k.level(), k.kind(), article.id(), FixLevel.Source.KEYWORDS))));
        }
        return List.copyOf(found);
    }

    /** What one keyword names. */
    record KeywordLevel(String product, ReleaseLevel level, FixLevel.Kind kind) {}

    /** The level one keyword names, or empty. */
    static Optional<KeywordLevel> level(String keyword) {
        Matcher m = KEYWORD.matcher(keyword.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return Optional.empty();
        }
        String product = m.group(1).equals("winnt") ? "winnt" : "exchange";
        String release = m.group(2) + "." + m.group(3);
        int sp = Integer.parseInt(m.group(5));
        boolean pre = m.group(4) != null;
        if (sp < 1) {
            return Optional.empty();
        }
        ReleaseLevel level = new ReleaseLevel(release, pre ? sp - 1 : sp);
        return Optional.of(new KeywordLevel(product, level, pre ? FixLevel.Kind.HOTFIX : FixLevel.Kind.SERVICE_PACK));
    }
}
