package io.kbsh.model.env;

/**
 * A TCP or UDP port or an inclusive range of ports. In JSON a number ({@code 25}) or a string
 * ({@code "137-139"}, {@code "1024-65535"}).
 *
 * @param first the first port
 * @param last the last port (equal to {@code first} for one port)
 * @since 2.1
 */
public record PortRange(int first, int last) {

    public PortRange {
        if (first < 1 || last > 65535 || first > last) {
            throw new IllegalArgumentException(
                    "a port range is 1-65535 with the first not above the last, got " + first + "-" + last);
        }
    }

    public static PortRange of(int port) {
        return new PortRange(port, port);
    }

    /** Parses {@code 25} or {@code 137-139}. */
    public static PortRange parse(String text) {
        String t = text.trim();
        int dash = t.indexOf('-');
        try {
            return dash < 0
                    ? of(Integer.parseInt(t))
                    : new PortRange(
                            Integer.parseInt(t.substring(0, dash).trim()),
                            Integer.parseInt(t.substring(dash + 1).trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a port or a range such as 137-139: '" + text + "'", e);
        }
    }

    public boolean contains(int port) {
        return port >= first && port <= last;
    }

    @Override
    public String toString() {
        return first == last ? Integer.toString(first) : first + "-" + last;
    }
}
