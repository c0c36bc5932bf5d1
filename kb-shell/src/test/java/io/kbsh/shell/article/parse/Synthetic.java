package io.kbsh.shell.article.parse;

import java.nio.charset.StandardCharsets;

/** Small articles written for the tests, in the layout of each rendering (text in kbsh's own words). */
public final class Synthetic {
    private Synthetic() {}

    public static final String TEXT = String.join(
            "\r\n",
            "DOCUMENT:Q900001  03-MAR-1999  [exchange]",
            "TITLE   :XFOR: Sample Gateway Drops Test Messages",
            "PRODUCT :Microsoft Exchange",
            "PROD/VER:winnt:5.5",
            "OPER/SYS:",
            "KEYWORDS:exc55",
            "",
            "======================================================================",
            "-------------------------------------------------------------------------------",
            "The information in this article applies to:",
            "",
            " - Microsoft Exchange Server, version 5.5 SP1",
            "-------------------------------------------------------------------------------",
            "",
            "SYMPTOMS",
            "========",
            "",
            "The sample gateway drops test messages. See Q900002 for the background.",
            "",
            "MORE INFORMATION",
            "================",
            "",
            "Related articles:",
            "",
            "   Q900003 XFOR: Another Sample Article",
            "",
            "ARTICLE-ID: Q900004",
            "",
            "======================================================================",
            "Keywords          : exc55",
            "Technology        : kbExchangeSearch kbExchange550",
            "Version           : winnt:5.5",
            "Issue type        : kbbug",
            "Solution Type     : kbfix",
            "",
            "=============================================================================",
            "",
            "THE INFORMATION PROVIDED IN THE MICROSOFT KNOWLEDGE BASE IS",
            "PROVIDED \"AS IS\".",
            "",
            "Copyright Microsoft Corporation 1999.");

    static byte[] textBytes() {
        return TEXT.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The same article as the Markdown generator writes it: one leading space less per body line. */
    public static String markdown() {
        StringBuilder b = new StringBuilder(
                "---\nlayout: page\ntitle: \"Q900001: XFOR: Sample Gateway Drops Test Messages\"\n"
                        + "permalink: /kb/900/Q900001/\n---\n\n## Q900001: XFOR: Sample Gateway Drops Test Messages\n\n{% raw %}\n\n");
        b.append(
                "\tArticle: Q900001\n\tProduct(s): Microsoft Exchange\n\tVersion(s): winnt:5.5\n\tOperating System(s): \n"
                        + "\tKeyword(s): exc55\n\tLast Modified: 03-MAR-1999\n\t\n");
        String[] lines = TEXT.split("\r\n");
        for (int i = 8; i < lines.length && !lines[i].startsWith("THE INFORMATION"); i++) {
            String line = lines[i].startsWith(" ") ? lines[i].substring(1) : lines[i];
            b.append('\t').append(line).append('\n');
        }
        return b.append("\n{% endraw %}\n").toString();
    }

    public static String html() {
        String md = markdown();
        String pre = md.substring(md.indexOf("\tArticle:"), md.indexOf("{% endraw %}"))
                .replace("\n\t", "\n")
                .substring(1)
                .replace("&", "&amp;")
                .replace("<", "&lt;");
        return "<!DOCTYPE html>\n<html><head><title>Q900001: XFOR: Sample Gateway Drops Test Messages | KnowledgeBase Archive"
                + "</title></head><body><h2>Q900001: XFOR: Sample Gateway Drops Test Messages</h2>\n"
                + "<pre class=\"highlight\"><code><span class=\"n\">" + pre.replaceFirst("\n", "</span>\n<span>")
                + "</span></code></pre></body></html>";
    }
}
