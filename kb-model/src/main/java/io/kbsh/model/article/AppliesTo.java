package io.kbsh.model.article;

import io.kbsh.model.product.Product;
import io.kbsh.model.product.Products;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of an article's "applies to" list: the product as written, its canonical id when the product
 * vocabulary knows it, the versions named and the service pack where one is given
 * ({@code Microsoft Exchange Server, version 5.5 SP1}).
 *
 * @since 2.0
 */
public record AppliesTo(String product, Optional<String> productId, List<String> versions, OptionalInt servicePack) {

    private static final Pattern WITH_VERSIONS =
            Pattern.compile("^(.*?),?\\s+versions?\\s+(.+)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern VERSION = Pattern.compile(
            "(\\d+(?:\\.\\d+)*[a-z]?x?)(?:\\s*(?:SP|Service Pack)\\s*(\\d{1,2})[a-z]?)?", Pattern.CASE_INSENSITIVE);

    public AppliesTo {
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(servicePack, "servicePack");
        versions = List.copyOf(versions);
    }

    /** Reads one list line ({@code - Microsoft Exchange Server, versions 4.0, 5.0}); never fails. */
    public static AppliesTo parse(String line) {
        String text = line.strip();
        if (text.startsWith("-")) {
            text = text.substring(1).strip();
        }
        String name = text;
        List<String> versions = new ArrayList<>();
        OptionalInt sp = OptionalInt.empty();
        Matcher m = WITH_VERSIONS.matcher(text);
        if (m.matches()) {
            name = m.group(1).strip();
            Matcher v = VERSION.matcher(m.group(2));
            while (v.find()) {
                versions.add(v.group(1));
                if (v.group(2) != null) {
                    sp = OptionalInt.of(Integer.parseInt(v.group(2)));
                }
            }
        }
        return new AppliesTo(name, Products.resolve(name).map(Product::id), versions, sp);
    }
}
