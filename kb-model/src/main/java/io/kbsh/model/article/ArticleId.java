package io.kbsh.model.article;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A KnowledgeBase article number, printed one way: {@code Q} and the digits without leading zeros
 * ({@code Q254909}). Parsing accepts {@code Q254909}, {@code q254909}, {@code 254909} and {@code KB254909}.
 *
 * @since 2.0
 */
public record ArticleId(int number) implements Comparable<ArticleId> {

    private static final Pattern FORM = Pattern.compile("(?:Q|KB)?0*(\\d{1,7})");

    public ArticleId {
        if (number <= 0) {
            throw new IllegalArgumentException("article number must be positive: " + number);
        }
    }

    public static ArticleId parse(String text) {
        return tryParse(text)
                .orElseThrow(() -> new IllegalArgumentException("not an article id (e.g. Q254909): '" + text + "'"));
    }

    public static Optional<ArticleId> tryParse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = FORM.matcher(text.trim().toUpperCase(Locale.ROOT));
        if (!m.matches() || Integer.parseInt(m.group(1)) == 0) {
            return Optional.empty();
        }
        return Optional.of(new ArticleId(Integer.parseInt(m.group(1))));
    }

    @Override
    public int compareTo(ArticleId o) {
        return Integer.compare(number, o.number);
    }

    @Override
    public String toString() {
        return "Q" + number;
    }
}
