package io.kbsh.model.article;

import io.kbsh.model.product.Product;
import io.kbsh.model.product.Products;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A KnowledgeBase article as one of the archive's renderings carries it. A field that rendering does not
 * carry is absent (empty), never guessed: only the plain text has the {@link #category}, and a page built
 * from a plugin's {@link ArticleBrief} has little more than the title.
 *
 * @param title           the title as printed, area tag included ({@code XCON: Can't Connect …})
 * @param areaTag         the title's area tag ({@code XCON}, {@code XFOR}, {@code XADM}, …)
 * @param category        the plain text's category ({@code exchange}, {@code crossnet}) without brackets
 * @param product         the {@code PRODUCT} field
 * @param productVersions the {@code PROD/VER} field, by platform
 * @param headerOverflow  header values that wrapped into the body and fit no empty header field
 * @param cites           the articles this one names, in order of first mention, itself excluded
 *
 * @since 2.0
 */
public record Article(
        ArticleId id,
        String title,
        Optional<String> areaTag,
        Optional<String> category,
        Optional<LocalDate> date,
        Optional<String> product,
        List<VersionSet> productVersions,
        Optional<String> operatingSystem,
        List<String> keywords,
        List<AppliesTo> appliesTo,
        List<String> technology,
        Optional<String> issueType,
        Optional<String> solutionType,
        List<Section> sections,
        List<ArticleId> cites,
        Optional<String> headerOverflow,
        Rendering rendering) {

    public Article {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(areaTag, "areaTag");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(operatingSystem, "operatingSystem");
        Objects.requireNonNull(issueType, "issueType");
        Objects.requireNonNull(solutionType, "solutionType");
        Objects.requireNonNull(headerOverflow, "headerOverflow");
        Objects.requireNonNull(rendering, "rendering");
        productVersions = List.copyOf(productVersions);
        keywords = List.copyOf(keywords);
        appliesTo = List.copyOf(appliesTo);
        technology = List.copyOf(technology);
        sections = List.copyOf(sections);
        cites = List.copyOf(cites);
    }

    /** The whole body text, sections joined with their headings, for full-text search and display. */
    public String bodyText() {
        StringBuilder b = new StringBuilder();
        for (Section s : sections) {
            s.heading().ifPresent(h -> b.append(h).append('\n'));
            b.append(s.text()).append("\n\n");
        }
        return b.toString().strip();
    }

    /** The canonical product ids this article applies to, from the applies-to list and the PRODUCT field. */
    public List<String> productIds() {
        List<String> ids = new ArrayList<>();
        for (AppliesTo a : appliesTo) {
            a.productId().filter(p -> !ids.contains(p)).ifPresent(ids::add);
        }
        product.flatMap(Products::resolve)
                .map(Product::id)
                .filter(p -> !ids.contains(p))
                .ifPresent(ids::add);
        return ids;
    }

    private static final Pattern AREA_TAG = Pattern.compile("^([A-Z][A-Z0-9]{1,7}): ");

    /** The area tag a title starts with ({@code XCON: …} gives {@code XCON}); empty when it has none. */
    public static Optional<String> areaTagOf(String title) {
        Matcher m = AREA_TAG.matcher(title);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** A minimal article from what a plugin writes about it, before the archive is imported. */
    public static Article fromBrief(ArticleBrief brief) {
        List<AppliesTo> applies = new ArrayList<>();
        for (String line : brief.appliesTo()) {
            applies.add(AppliesTo.parse(line));
        }
        return new Article(
                brief.id(),
                brief.title(),
                areaTagOf(brief.title()),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                List.of(),
                Optional.empty(),
                List.of(),
                applies,
                List.of(),
                Optional.empty(),
                Optional.empty(),
                List.of(Section.titled("SUMMARY", brief.summary())),
                List.of(),
                Optional.empty(),
                Rendering.BRIEF);
    }
}
