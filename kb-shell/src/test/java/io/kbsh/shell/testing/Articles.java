package io.kbsh.shell.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Small KB articles written by the tests themselves, in the archive's plain-text layout
 * ({@code txt/NNN/QNNNNNN.TXT}), for an index that is real but needs no shared data.
 */
public final class Articles {

    private final Path root;

    private Articles(Path root) {
        this.root = root;
    }

    /** An archive directory at {@code root}. */
    public static Articles in(Path root) {
        return new Articles(root);
    }

    /** The archive's directory, to give {@code import}. */
    public Path root() {
        return root;
    }

    /** Writes article {@code q} about {@code product} {@code version} with {@code body} as its text. */
    public Articles write(int q, String title, String product, String version, String body) throws IOException {
        String text = "DOCUMENT:Q" + q + "  02-MAY-1999  [test]\r\n"
                + "TITLE   :" + title + "\r\n"
                + "PRODUCT :" + product + "\r\n"
                + "PROD/VER:" + version + "\r\n"
                + "OPER/SYS:\r\n"
                + "KEYWORDS:\r\n"
                + "\r\n"
                + "======================================================================\r\n"
                + body.replace("\n", "\r\n") + "\r\n";
        Path file = root.resolve(String.format("txt/%03d/Q%d.TXT", q / 1000, q));
        Files.createDirectories(file.getParent());
        Files.write(file, text.getBytes(StandardCharsets.ISO_8859_1));
        return this;
    }

    /** An article of {@code lines} numbered lines, taller than any test terminal. */
    public Articles writeLong(int q, String title, int lines) throws IOException {
        StringBuilder body = new StringBuilder("SYMPTOMS\n========\n\n");
        for (int i = 1; i <= lines; i++) {
            body.append("Line ").append(i).append(" of a long article about connector queues.\n");
        }
        return write(q, title, "Microsoft Exchange", "5.5", body.toString());
    }

    /** Two Exchange Server 5.5 bugs (Q900001, Q900002) and the fix lists of 5.5 SP3 and SP4, one bug each. */
    public Articles writeExchangeFixLists() throws IOException {
        return write(900001, "XCON: MTA stops on a long X.400 address", "Microsoft Exchange", "5.5", "The MTA stops.\n")
                .write(900002, "XFOR: IMS drops a header", "Microsoft Exchange", "5.5", "A header is lost.\n")
                .write(
                        900010,
                        "XGEN: List of Bugs Fixed in Exchange Server 5.5 Service Pack 3",
                        "Microsoft Exchange",
                        ":5.5 SP3",
                        "MORE INFORMATION\n================\n\nSERVICE PACK 3\n\n"
                                + "   Q900001 XCON: MTA stops on a long X.400 address\n")
                .write(
                        900011,
                        "XGEN: List of Bugs Fixed in Exchange Server 5.5 Service Pack 4",
                        "Microsoft Exchange",
                        ":5.5 SP4",
                        "MORE INFORMATION\n================\n\nSERVICE PACK 4\n\n"
                                + "   Q900002 XFOR: IMS drops a header\n");
    }
}
