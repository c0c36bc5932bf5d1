package io.kbsh.model.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IpNetworksTest {

    @Test
    void literalsOfBothFamiliesAreParsedAndNamesNever() {
        assertEquals(4, IpNetworks.literal("10.1.2.3").orElseThrow().length);
        for (String v6 : List.of("fd00::25", "[fd00::25]", "::1", "fd00::", "2001:0DB8:0:0:0:0:0:1")) {
            assertEquals(16, IpNetworks.literal(v6).orElseThrow().length, v6);
        }
        // An IPv4-mapped address is the IPv4 address it maps, as the JDK reads it: in the IPv4 networks.
        assertEquals(4, IpNetworks.literal("::ffff:10.1.2.3").orElseThrow().length);
        assertTrue(IpNetworks.contains("10.0.0.0/8", "::ffff:10.1.2.3"));
        // Names, partial addresses and letters beyond hex are no literals (and must never reach a DNS look-up).
        for (String no :
                List.of("mail.example", "10.1.2", "10.1.2.256", "010.1.2.3", "zz::1", "fd00", "a:b", "[]", "::g")) {
            assertEquals(Optional.empty(), IpNetworks.literal(no), no);
        }
    }

    @Test
    void networksByPrefixAndByMaskHoldTheirAddresses() {
        assertTrue(IpNetworks.contains("fd00::/64", "fd00::1:2"));
        assertTrue(IpNetworks.contains("fd00::/64", "fd00:0:0:0:ffff:ffff:ffff:ffff"));
        assertFalse(IpNetworks.contains("fd00::/64", "fd00:0:0:1::"));
        assertTrue(IpNetworks.contains("fe80::/10", "febf::1"));
        assertFalse(IpNetworks.contains("fe80::/10", "fec0::1"));
        assertTrue(IpNetworks.contains("::/0", "2001:db8::1"), "every IPv6 address");
        assertFalse(IpNetworks.contains("::/0", "10.0.0.1"), "but no IPv4 one");
        assertFalse(IpNetworks.contains("0.0.0.0/0", "::1"));
        assertTrue(IpNetworks.contains("10.1.0.0/16", "10.1.255.255"));
        assertFalse(IpNetworks.contains("10.1.0.0/16", "10.2.0.0"));
        assertTrue(IpNetworks.contains("10.1.0.0/255.255.0.0", "10.1.9.9"));
        assertFalse(IpNetworks.contains("10.1.0.0/255.255.0.0", "10.2.9.9"));
        assertEquals(
                16, IpNetworks.network("10.1.0.0/255.255.0.0").orElseThrow().prefix());
        assertEquals(
                32, IpNetworks.network("10.1.0.0/255.255.255.255").orElseThrow().prefix());
        assertEquals(0, IpNetworks.network("0.0.0.0/0.0.0.0").orElseThrow().prefix());
        assertTrue(IpNetworks.contains("::1", "0:0:0:0:0:0:0:1"), "a single address, however spelt");
        assertTrue(IpNetworks.network("[fd00::]/8").orElseThrow().ipv6());
        assertFalse(IpNetworks.contains("mail.example", "mail.example"), "names are in no network");
        assertFalse(IpNetworks.contains("10.0.0.0/8", "mail.example"));
    }

    @Test
    void whatIsNoNetworkSaysWhy() {
        assertEquals(Optional.empty(), IpNetworks.problem("fd00::/64"));
        assertTrue(IpNetworks.problem("fd00::/129").orElseThrow().contains("IPv6 prefix is 0 to 128"));
        assertTrue(IpNetworks.problem("10.0.0.0/33").orElseThrow().contains("IPv4 prefix is 0 to 32"));
        assertTrue(IpNetworks.problem("10.0.0.0/255.0.255.0").orElseThrow().contains("leading ones"));
        assertTrue(IpNetworks.problem("fd00::/255.0.0.0").orElseThrow().contains("prefix length"));
        assertTrue(IpNetworks.problem("10.0.0.0/x").orElseThrow().contains("prefix length"));
        assertTrue(IpNetworks.problem("host.example/24").orElseThrow().contains("not an IPv4 or IPv6 address"));
    }
}
