package io.kbsh.model.command;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * "Did you mean": the known word closest to a mistyped one, as git, the AWS CLI and zsh suggest. Closeness
 * is the optimal-string-alignment edit distance (insertions, deletions, substitutions and swaps of two
 * neighbours each count one), ignoring case; a word is suggested only when it is near enough to be a
 * slip of the keyboard (at most one edit for short words, two or a third of the word's length for longer
 * ones), or when the typed word is the start of exactly one known word.
 *
 * @since 2.1
 */
public final class Suggestions {

    private Suggestions() {}

    /** The known word {@code typed} was most likely meant to be; empty when none is close. */
    public static Optional<String> closest(String typed, Collection<String> known) {
        String t = typed.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String onlyPrefixed = null;
        int prefixed = 0;
        for (String candidate : known) {
            String c = candidate.toLowerCase(Locale.ROOT);
            if (c.equals(t)) {
                return Optional.empty();
            }
            if (!t.isEmpty() && c.startsWith(t)) {
                prefixed++;
                onlyPrefixed = candidate;
            }
            int d = distance(t, c);
            if (d < bestDistance) {
                bestDistance = d;
                best = candidate;
            }
        }
        if (best != null && bestDistance <= allowed(t)) {
            return Optional.of(best);
        }
        return prefixed == 1 && t.length() >= 2 ? Optional.ofNullable(onlyPrefixed) : Optional.empty();
    }

    /** {@code " (did you mean X?)"} for a message, or the empty string when nothing is close. */
    public static String didYouMean(String typed, Collection<String> known) {
        return closest(typed, known).map(s -> " (did you mean " + s + "?)").orElse("");
    }

    private static int allowed(String typed) {
        int n = typed.length();
        return n <= 2 ? 0 : n <= 4 ? 1 : Math.max(2, n / 3);
    }

    /** Optimal string alignment distance between {@code a} and {@code b}. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
            }
        }
        return d[a.length()][b.length()];
    }
}
