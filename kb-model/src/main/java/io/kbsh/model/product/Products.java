package io.kbsh.model.product;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The product vocabulary: canonical ids and the names the KB archive writes for them. Names are matched
 * case-insensitively, with or without a leading {@code Microsoft}, and the longest alias that starts a
 * name wins ({@code Microsoft Exchange Server, version 5.5} is {@code exchange}, {@code Microsoft
 * Exchange Client} is {@code exchange-client}).
 *
 * <p>Thread safety: a static, immutable table; safe from any thread.
 *
 * @since 2.0
 */
public final class Products {

    private static final Map<String, Product> BY_ID = new LinkedHashMap<>();
    /** Aliases in lower case, longest first, so that a more specific name wins over its prefix. */
    private static final List<Map.Entry<String, Product>> ALIASES = new ArrayList<>();

    static {
        add("exchange", "Microsoft Exchange Server", "Exchange Server", "Exchange", "MS Exchange");
        add(
                "exchange-client",
                "Microsoft Exchange Client",
                "Exchange Client",
                "Exchange Windows Client",
                "Exchange Macintosh Client",
                "Exchange DOS Client");
        add("outlook", "Microsoft Outlook", "Outlook", "Outlook Web Access");
        add("proxy", "Microsoft Proxy Server", "Proxy Server", "Proxy", "WinSock Proxy Client", "Catapult");
        add(
                "winnt",
                "Microsoft Windows NT",
                "Windows NT Server",
                "Windows NT Workstation",
                "Windows NT Server, Enterprise Edition",
                "Windows NT",
                "WinNT",
                "Windows for Workgroups and Windows NT Networking Issues");
        add(
                "winnt-tse",
                "Windows NT Server 4.0, Terminal Server Edition",
                "Terminal Server Edition",
                "Windows NT Terminal Server");
        add("win2000", "Microsoft Windows 2000", "Windows 2000");
        add("win95", "Microsoft Windows 95", "Windows 95", "Windows 95.x Retail Product");
        add("win98", "Microsoft Windows 98", "Windows 98");
        add("windows", "Microsoft Windows", "Windows", "Windows for Workgroups");
        add("msdos", "Microsoft MS-DOS", "MS-DOS");
        add(
                "iis",
                "Microsoft Internet Information Server",
                "Internet Information Server",
                "Internet Information Services",
                "IIS");
        add("sms", "Microsoft Systems Management Server", "Systems Management Server", "SMS");
        add("sna", "Microsoft SNA Server", "SNA Server");
        add("sqlserver", "Microsoft SQL Server", "SQL Server");
        add("mail", "Microsoft Mail", "Mail for PC Networks", "Mail For PC Networks", "MS Mail", "Mail");
        add("schedplus", "Microsoft Schedule+", "Schedule+", "Schedule+ for Windows");
        add("word", "Microsoft Word", "Word", "Word 97 for Windows", "Word for Windows");
        add("excel", "Microsoft Excel", "Excel");
        add("access", "Microsoft Access", "Access");
        add("office", "Microsoft Office", "Office");
        add("visualbasic", "Microsoft Visual Basic", "Visual Basic", "Visual Basic for Windows");
        add("visualc", "Microsoft Visual C++", "Visual C++", "C Compiler", "C/C++");
        add("sourcesafe", "Microsoft Visual SourceSafe", "Visual SourceSafe", "SourceSafe");
        add("odbc", "Open Database Connectivity (ODBC)", "ODBC", "Open Database Connectivity");
        add("ie", "Microsoft Internet Explorer", "Internet Explorer");
        add("frontpage", "Microsoft FrontPage", "FrontPage");
        add("foxpro", "Microsoft FoxPro", "FoxPro", "Visual FoxPro");
        add("site-server", "Microsoft Site Server", "Site Server");
        add("mts", "Microsoft Transaction Server", "Transaction Server");
        ALIASES.sort(Comparator.comparingInt(
                        (Map.Entry<String, Product> e) -> e.getKey().length())
                .reversed());
    }

    private Products() {}

    private static void add(String id, String name, String... aliases) {
        List<String> all = new ArrayList<>(List.of(aliases));
        all.add(0, name);
        Product product = new Product(id, name, all);
        BY_ID.put(id, product);
        for (String alias : all) {
            ALIASES.add(Map.entry(normal(alias), product));
        }
    }

    public static Collection<Product> all() {
        return BY_ID.values();
    }

    public static Optional<Product> byId(String id) {
        return Optional.ofNullable(BY_ID.get(id.toLowerCase(Locale.ROOT)));
    }

    /**
     * The product a name the archive writes stands for: an id, an alias, or a text that starts with an
     * alias (such as {@code Microsoft Exchange Server, version 5.5}).
     */
    public static Optional<Product> resolve(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        Product exact = BY_ID.get(name.trim().toLowerCase(Locale.ROOT));
        if (exact != null) {
            return Optional.of(exact);
        }
        String text = normal(name);
        for (Map.Entry<String, Product> alias : ALIASES) {
            String a = alias.getKey();
            if (text.startsWith(a)
                    && (text.length() == a.length() || !Character.isLetterOrDigit(text.charAt(a.length())))) {
                return Optional.of(alias.getValue());
            }
        }
        return Optional.empty();
    }

    /** The product named first in {@code text} (e.g. a title); at one position the longest alias wins. */
    public static Optional<Product> mentionedIn(String text) {
        String t = " " + text.toLowerCase(Locale.ROOT).replace("microsoft ", "") + " ";
        Product best = null;
        int bestAt = Integer.MAX_VALUE;
        for (Map.Entry<String, Product> alias : ALIASES) {
            String a = alias.getKey();
            if (a.length() < 3) {
                continue;
            }
            int at = t.indexOf(a);
            while (at >= 0 && at < bestAt) {
                boolean startOk = !Character.isLetterOrDigit(t.charAt(at - 1));
                boolean endOk = !Character.isLetterOrDigit(t.charAt(at + a.length()));
                if (startOk && endOk) {
                    best = alias.getValue();
                    bestAt = at;
                    break;
                }
                at = t.indexOf(a, at + 1);
            }
        }
        return Optional.ofNullable(best);
    }

    private static String normal(String name) {
        String t = name.trim().toLowerCase(Locale.ROOT);
        return t.startsWith("microsoft ") ? t.substring("microsoft ".length()) : t;
    }
}
