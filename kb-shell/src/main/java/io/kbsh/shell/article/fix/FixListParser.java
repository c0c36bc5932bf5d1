package io.kbsh.shell.article.fix;

import io.kbsh.model.article.AppliesTo;
import io.kbsh.model.article.Article;
import io.kbsh.model.article.ArticleId;
import io.kbsh.model.article.FixLevel;
import io.kbsh.model.article.Section;
import io.kbsh.model.product.Product;
import io.kbsh.model.product.Products;
import io.kbsh.model.version.ReleaseLevel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the archive's fix-list articles: lists of the bugs a service pack fixed ("List of Bugs Fixed in
 * Exchange Server 5.5 Service Pack 1", a service pack's README) and post-service-pack hotfix lists
 * ("Exchange Server 5.5 Post-SP3 Information Store Fixes", "… 2.0 SP4 HRP").
 *
 * <p>How the archive lays them out: the title names the product, the release line and the pack or packs;
 * the bugs are indented list lines {@code Qnnnnnn[:] TAG: title}. A list that covers several packs
 * ({@code SP 3, 4, 5}) has one part per pack, opened by a short line naming it ({@code Service Pack 5});
 * a single-pack list may still carry such lines. List lines that name other fix lists (the "see also"
 * references in a summary) are not bugs.
 */
public final class FixListParser {

    private static final Pattern FIX_LIST_TITLE = Pattern.compile(
            "(?i)(bugs?\\s+fixed|fixed\\s+(bugs|problems)|fix\\s*list|list\\s+of\\s+fixes|fixes\\s+in|readme)");
    private static final Pattern HOTFIX_TITLE =
            Pattern.compile("(?i)\\bpost-.*?(?:SP|service\\s+pack\\s*)(\\d{1,2})[a-z]?\\b");
    private static final Pattern HOTFIX_WORDS = Pattern.compile("(?i)\\b(fixes|hotfixes|rollup)\\b");
    /** A hotfix rollup named after the pack it follows ("SMS 2.0 SP4 HRP"): installed on top of that pack. */
    private static final Pattern ROLLUP_TITLE = Pattern.compile("(?i)\\b(HRP|hotfix\\s+rollup)\\b");

    private static final Pattern PACKS = Pattern.compile(
            "(?i)\\b(?:SP|service\\s+pack|SR)[\\s-]*(\\d{1,2})[a-z]?((?:\\s*(?:,|/|and|,\\s*and)\\s*\\d{1,2}[a-z]?\\b)*)");
    private static final Pattern RELEASE = Pattern.compile("(?<![\\d.])(\\d{1,2}\\.\\d{1,2})(?![\\d.])");
    private static final Pattern LIST_LINE = Pattern.compile("^\\s*\\|?\\s*Q(\\d{4,7}):?\\s*\\|?\\s+(\\S.*)$");
    private static final Pattern MARKER =
            Pattern.compile("(?i)^[A-Za-z0-9 .+/]*?\\b(?:SP|service\\s+pack)\\s*(\\d{1,2})[a-z]?\\s*:?$");
    private static final Pattern OTHER_LIST = Pattern.compile(
            "(?i)(list of bugs|bugs fixed|fix list|readme|service pack \\d+ \\(part|how to obtain|service pack \\d+[a-z]? available)");

    private FixListParser() {}

    /** True when the title says the article is a fix list (of a pack, or of post-pack hotfixes). */
    public static boolean isFixList(Article article) {
        return kindOf(article.title()).isPresent();
    }

    private static Optional<FixLevel.Kind> kindOf(String title) {
        if (HOTFIX_TITLE.matcher(title).find() && HOTFIX_WORDS.matcher(title).find()
                || ROLLUP_TITLE.matcher(title).find() && PACKS.matcher(title).find()) {
            return Optional.of(FixLevel.Kind.HOTFIX);
        }
        if (FIX_LIST_TITLE.matcher(title).find() && PACKS.matcher(title).find()) {
            return Optional.of(FixLevel.Kind.SERVICE_PACK);
        }
        return Optional.empty();
    }

    /** The bug → level pairs {@code article} lists; empty when it is not a fix list. */
    public static List<FixListing> listings(Article article) {
        String title = article.title();
        Optional<FixLevel.Kind> kind = kindOf(title);
        if (kind.isEmpty()) {
            return List.of();
        }
        Optional<Product> product = Products.mentionedIn(title)
                .or(() -> article.productIds().stream().findFirst().flatMap(Products::byId));
        Optional<String> release = releaseOf(title, article, product);
        if (product.isEmpty() || release.isEmpty()) {
            return List.of();
        }
        List<Integer> packs;
        if (kind.get() == FixLevel.Kind.HOTFIX) {
            Matcher m = HOTFIX_TITLE.matcher(title);
            packs = List.of(
                    m.find() ? Integer.parseInt(m.group(1)) : packsIn(title).get(0));
        } else {
            packs = packsIn(title);
        }
        FixLevel.Kind k = kind.get();
        // A summary usually points to the other lists and the bugs follow it; some READMEs are all summary.
        List<FixListing> result = read(article, product.get(), release.get(), k, packs, true);
        return result.isEmpty() ? read(article, product.get(), release.get(), k, packs, false) : result;
    }

    private static List<FixListing> read(
            Article article,
            Product product,
            String release,
            FixLevel.Kind kind,
            List<Integer> packs,
            boolean skipSummary) {
        Integer current = packs.size() == 1 ? packs.get(0) : null;
        List<FixListing> result = new ArrayList<>();
        for (Section section : article.sections()) {
            if (skipSummary
                    && section.heading()
                            .filter(h -> h.equalsIgnoreCase("SUMMARY"))
                            .isPresent()) {
                continue;
            }
            if (packs.size() > 1 && section.heading().isPresent()) {
                current = markedPack(section.heading().get(), packs, current);
            }
            for (String line : section.text().split("\n")) {
                Matcher list = LIST_LINE.matcher(line);
                if (!list.matches()) {
                    if (packs.size() > 1) {
                        current = markedPack(line, packs, current);
                    }
                    continue;
                }
                if (current == null || OTHER_LIST.matcher(list.group(2)).find()) {
                    continue;
                }
                ArticleId bug = new ArticleId(Integer.parseInt(list.group(1)));
                if (!bug.equals(article.id())) {
                    result.add(new FixListing(
                            bug, new FixLevel(product.id(), new ReleaseLevel(release, current), kind, article.id())));
                }
            }
        }
        return result;
    }

    private static Integer markedPack(String line, List<Integer> packs, Integer current) {
        String s = line.strip();
        if (s.length() > 50 || s.startsWith("-")) {
            return current;
        }
        Matcher m = MARKER.matcher(s);
        if (m.matches()) {
            int n = Integer.parseInt(m.group(1));
            if (packs.contains(n)) {
                return n;
            }
        }
        return current;
    }

    static List<Integer> packsIn(String title) {
        List<Integer> packs = new ArrayList<>();
        Matcher m = PACKS.matcher(title);
        if (m.find()) {
            packs.add(Integer.parseInt(m.group(1)));
            Matcher more = Pattern.compile("\\d{1,2}").matcher(m.group(2));
            while (more.find()) {
                int n = Integer.parseInt(more.group());
                if (!packs.contains(n)) {
                    packs.add(n);
                }
            }
        }
        return packs;
    }

    private static Optional<String> releaseOf(String title, Article article, Optional<Product> product) {
        Matcher m = RELEASE.matcher(title);
        if (m.find()) {
            return Optional.of(m.group(1));
        }
        Optional<String> any = Optional.empty();
        for (AppliesTo a : article.appliesTo()) {
            if (a.versions().isEmpty() || !RELEASE.matcher(a.versions().get(0)).matches()) {
                continue;
            }
            if (a.productId().equals(product.map(Product::id))) {
                return Optional.of(a.versions().get(0));
            }
            any = any.or(() -> Optional.of(a.versions().get(0)));
        }
        return any;
    }
}
