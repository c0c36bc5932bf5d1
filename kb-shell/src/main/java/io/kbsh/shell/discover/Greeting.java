package io.kbsh.shell.discover;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a greeting says about the product behind it. Exchange's IMS, POP3, IMAP4 and NNTP greetings carry
 * the release and build ({@code Microsoft Exchange Internet Mail Service 5.5.2232.0}, {@code Microsoft
 * Exchange POP3 server version 5.5.2448.8}); Exchange 4.0's Internet Mail Connector names itself without a
 * version. Anything else is the service the probe spoke, with no product or version made up.
 *
 * @param exchange  true when the greeting is Exchange's
 * @param product   the product as the greeting names it, e.g. {@code Microsoft Exchange Internet Mail Service}
 * @param release   {@code 4.0}, {@code 5.0} or {@code 5.5}, when known
 * @param build     the build, when the greeting carries it
 * @param component the build table's component for it: {@code ims} for SMTP, {@code server} for the store's
 *                  protocols
 */
public record Greeting(
        boolean exchange, Optional<String> product, Optional<String> release, OptionalInt build, String component) {

    private static final Pattern VERSIONED = Pattern.compile(
            "(Microsoft Exchange[A-Za-z0-9 ]*?)\\s*(?:[Vv]ersion\\s+)?\\(?(\\d\\.\\d)\\.(\\d{3,4})\\.(\\d{1,5})");
    private static final Pattern IMC =
            Pattern.compile("Microsoft Exchange Internet Mail Connector", Pattern.CASE_INSENSITIVE);

    /** Reads the greeting {@code line} a {@code protocol} probe ({@code smtp}, {@code pop3}, …) saw. */
    public static Greeting read(String protocol, String line) {
        String component = protocol.toLowerCase(Locale.ROOT).equals("smtp") ? "ims" : "server";
        Matcher m = VERSIONED.matcher(line);
        if (m.find()) {
            return new Greeting(
                    true,
                    Optional.of(m.group(1).trim()),
                    Optional.of(m.group(2)),
                    OptionalInt.of(Integer.parseInt(m.group(3))),
                    component);
        }
        if (IMC.matcher(line).find()) {
            // Only Exchange 4.0 has an Internet Mail Connector; its greeting carries no build.
            return new Greeting(
                    true,
                    Optional.of("Microsoft Exchange Internet Mail Connector"),
                    Optional.of("4.0"),
                    OptionalInt.empty(),
                    component);
        }
        if (line.contains("Microsoft Exchange")) {
            return new Greeting(
                    true, Optional.of("Microsoft Exchange"), Optional.empty(), OptionalInt.empty(), component);
        }
        return new Greeting(false, Optional.empty(), Optional.empty(), OptionalInt.empty(), component);
    }
}
