package io.kbsh.model.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * IP literals and networks as environment files write them, IPv4 and IPv6 alike: an address ({@code 10.1.2.3},
 * {@code fd00::25}, {@code [fd00::25]}), a network by prefix ({@code 10.0.0.0/8}, {@code fd00::/64}) or an IPv4
 * network by mask ({@code 10.0.0.0/255.0.0.0}, as the Windows dialogs of the articles' time write it). Text is
 * only ever parsed, never looked up: what is not a literal is a name, and a name is in no network.
 *
 * <p>Thread safety: stateless; instances of {@link Network} are immutable.
 */
public final class IpNetworks {

    private static final Pattern IPV4 =
            Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    /** The characters of an IPv6 literal (an embedded IPv4 tail included); no zone id, no letter beyond hex. */
    private static final Pattern IPV6_TEXT = Pattern.compile("[0-9A-Fa-f:.]+");

    private IpNetworks() {}

    /** An address and how many of its leading bits a member shares; a single address is its own full-length network. */
    public static final class Network {
        private final byte[] address;
        private final int prefix;

        private Network(byte[] address, int prefix) {
            this.address = address;
            this.prefix = prefix;
        }

        /** The number of leading bits that decide membership: 0 to 32 for IPv4, 0 to 128 for IPv6. */
        public int prefix() {
            return prefix;
        }

        /** True for an IPv6 network. */
        public boolean ipv6() {
            return address.length == 16;
        }

        /** True when {@code other} (an address) is of the same family and shares the first {@link #prefix} bits. */
        public boolean contains(byte[] other) {
            if (other.length != address.length) {
                return false;
            }
            for (int i = 0; i < prefix; i++) {
                int bit = 0x80 >>> (i % 8);
                if ((other[i / 8] & bit) != (address[i / 8] & bit)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Network n && n.prefix == prefix && Arrays.equals(n.address, address);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(address) + prefix;
        }
    }

    /**
     * The bytes of {@code text} when it is an IP literal: 4 for IPv4, 16 for IPv6 (brackets allowed), and 4 for an
     * IPv4-mapped IPv6 address ({@code ::ffff:10.1.2.3}), which is the IPv4 address it maps.
     */
    public static Optional<byte[]> literal(String text) {
        String t = text.trim();
        if (IPV4.matcher(t).matches()) {
            return parse(t);
        }
        if (t.length() > 2 && t.startsWith("[") && t.endsWith("]")) {
            t = t.substring(1, t.length() - 1);
        }
        // Two colons at least, and nothing but hex digits, colons and dots: the JDK then parses an IPv6
        // literal (or refuses it) and never asks DNS, which a first letter beyond 'f' would make it do.
        if (t.indexOf(':') < 0
                || t.indexOf(':') == t.lastIndexOf(':')
                || !IPV6_TEXT.matcher(t).matches()) {
            return Optional.empty();
        }
        return parse(t);
    }

    private static Optional<byte[]> parse(String literal) {
        try {
            return Optional.of(InetAddress.getByName(literal).getAddress());
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** The network {@code text} writes (address, address/prefix, IPv4 address/mask), or why it is none. */
    public static Optional<Network> network(String text) {
        return parseNetwork(text).network;
    }

    /** Why {@code text} is not a network, in words that name the forms; empty when it is one. */
    public static Optional<String> problem(String text) {
        return parseNetwork(text).problem;
    }

    /** True when {@code address} is an IP literal inside the network {@code network}; false for names. */
    public static boolean contains(String network, String address) {
        Optional<byte[]> a = literal(address);
        Optional<Network> n = network(network);
        return a.isPresent() && n.isPresent() && n.get().contains(a.get());
    }

    private record Parsed(Optional<Network> network, Optional<String> problem) {
        static Parsed ok(Network n) {
            return new Parsed(Optional.of(n), Optional.empty());
        }

        static Parsed bad(String why) {
            return new Parsed(Optional.empty(), Optional.of(why));
        }
    }

    private static Parsed parseNetwork(String text) {
        String t = text.trim();
        int slash = t.indexOf('/');
        Optional<byte[]> base = literal(slash < 0 ? t : t.substring(0, slash));
        if (base.isEmpty()) {
            return Parsed.bad("'" + (slash < 0 ? t : t.substring(0, slash)) + "' is not an IPv4 or IPv6 address");
        }
        int bits = base.get().length * 8;
        if (slash < 0) {
            return Parsed.ok(new Network(base.get(), bits));
        }
        String length = t.substring(slash + 1);
        if (length.matches("\\d{1,3}")) {
            int prefix = Integer.parseInt(length);
            if (prefix > bits) {
                return Parsed.bad(
                        "an " + (bits == 32 ? "IPv4" : "IPv6") + " prefix is 0 to " + bits + ", got /" + prefix);
            }
            return Parsed.ok(new Network(base.get(), prefix));
        }
        Optional<byte[]> mask = IPV4.matcher(length).matches() ? literal(length) : Optional.empty();
        if (mask.isEmpty() || bits != 32) {
            return Parsed.bad(
                    "after '/' comes a prefix length, or for IPv4 a mask such as 255.255.255.0: '" + length + "'");
        }
        int value = ((mask.get()[0] & 0xff) << 24)
                | ((mask.get()[1] & 0xff) << 16)
                | ((mask.get()[2] & 0xff) << 8)
                | (mask.get()[3] & 0xff);
        int prefix = Integer.bitCount(value);
        // A mask is leading ones only: 255.0.255.0 names no network.
        if (prefix != Integer.numberOfLeadingZeros(~value)) {
            return Parsed.bad("the mask " + length + " is not leading ones followed by zeros");
        }
        return Parsed.ok(new Network(base.get(), prefix));
    }
}
