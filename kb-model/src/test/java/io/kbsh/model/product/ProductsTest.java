package io.kbsh.model.product;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProductsTest {

    private static Optional<String> id(Optional<Product> p) {
        return p.map(Product::id);
    }

    @Test
    void theArchivesNamesResolveToOneId() {
        assertEquals(Optional.of("exchange"), id(Products.resolve("Microsoft Exchange")));
        assertEquals(Optional.of("exchange"), id(Products.resolve("Microsoft Exchange Server, version 5.5")));
        assertEquals(Optional.of("exchange-client"), id(Products.resolve("Microsoft Exchange Client")));
        assertEquals(Optional.of("proxy"), id(Products.resolve("Microsoft Proxy Server version 1.0")));
        assertEquals(Optional.of("winnt"), id(Products.resolve("winnt")));
        assertEquals(
                Optional.empty(), id(Products.resolve("Exchanger Deluxe")), "a prefix must end at a word boundary");
    }

    @Test
    void theFirstProductNamedInATitleWins() {
        assertEquals(
                Optional.of("exchange"),
                id(Products.mentionedIn("XGEN: Exchange Server 5.5 Post-SP4 Outlook Web Access Fixes")));
        assertEquals(
                Optional.of("winnt"), id(Products.mentionedIn("List of Bugs Fixed in Windows NT 4.0 and TSE SP4")));
        assertEquals(Optional.empty(), id(Products.mentionedIn("Nothing to see")));
    }
}
