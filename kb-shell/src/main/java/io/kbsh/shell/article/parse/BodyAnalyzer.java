package io.kbsh.shell.article.parse;

import io.kbsh.model.article.AppliesTo;
import io.kbsh.model.article.Article;
import io.kbsh.model.article.ArticleId;
import io.kbsh.model.article.Section;
import io.kbsh.model.article.VersionSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a {@link Draft} into an {@link Article}: recovers header values that wrapped into the body, reads
 * the applies-to box, the trailer fields, the underlined sections and the cited article ids. Every
 * rendering's body is the plain text's body, so all renderings go through here.
 */
final class BodyAnalyzer {

    private static final Pattern TRAILER_FIELD = Pattern.compile("^([A-Z][A-Za-z/ ]{0,24}?)\\s*:(?:\\s+(.*)|\\s*)$");
    private static final Set<String> TRAILER_NAMES = Set.of(
            "keywords", "technology", "version", "issue type", "solution type", "hardware", "component", "platform");
    private static final Pattern CITATION = Pattern.compile("(?<![A-Za-z0-9])Q(\\d{5,6})(?![0-9])");
    private static final Pattern VERSION_TOKEN = Pattern.compile("\\d+(?:\\.\\d+)*[a-z]{0,3}");
    private static final Pattern PLATFORM_VERSIONS =
            Pattern.compile("[A-Za-z][A-Za-z0-9 /-]*:\\s*[0-9][0-9.,a-zA-Z ]*");
    private static final Pattern OS_LINE = Pattern.compile("[A-Z][A-Z0-9 /.-]*(?:\\|\\s*[A-Z][A-Z0-9 /.-]*)*");
    private static final Pattern KEYWORD_TOKEN = Pattern.compile("[A-Za-z][A-Za-z0-9._-]*");
    /** A lower-case word as sentences have them; names and versions are capitalised or hold digits. */
    private static final Pattern PROSE_WORD = Pattern.compile("[a-z][a-z'\u2019]*[.,;:!?)]?");

    private static final int PROSE_WORDS = 3;
    private static final String APPLIES_TO = "The information in this article applies to";

    private BodyAnalyzer() {}

    static Article analyze(Draft d) throws ArticleParseException {
        if (d.id == null) {
            throw d.error(1, "no article id");
        }
        if (d.title == null || d.title.isBlank()) {
            throw d.error(2, "no title");
        }
        if (d.date == null) {
            throw d.error(1, "no date");
        }
        List<String> body = new ArrayList<>(d.body.size());
        if (d.cleaned) {
            body.addAll(d.body);
        } else {
            for (String line : d.body) {
                body.add(clean(line));
            }
        }
        cutDisclaimer(body);
        trimBlank(body);
        if (!body.isEmpty() && body.get(0).length() >= 20 && isRule(body.get(0), '=')) {
            body.remove(0);
            trimBlank(body);
        }

        Map<String, String> trailer = new LinkedHashMap<>();
        int trailerAt = findTrailer(body);
        if (trailerAt >= 0) {
            readTrailer(body.subList(trailerAt + 1, body.size()), trailer);
            body.subList(trailerAt, body.size()).clear();
            trimBlank(body);
        }

        String productVersions = d.productVersions.strip();
        String operatingSystem = d.operatingSystem.strip();
        String keywords = d.keywords.strip();
        List<String> overflow = new ArrayList<>();
        if (productVersions.isEmpty() || operatingSystem.isEmpty() || keywords.isEmpty()) {
            int end = overflowEnd(body);
            for (String line : body.subList(0, end)) {
                String v = line.strip();
                if (v.isEmpty()) {
                    continue;
                }
                if (isVersionLine(v) && productVersions.isEmpty()) {
                    productVersions = v;
                } else if (isOsLine(v) && operatingSystem.isEmpty()) {
                    operatingSystem = v;
                } else if (isKeywordLine(v)) {
                    keywords = mergeWords(keywords, v);
                } else {
                    overflow.add(v);
                }
            }
            body.subList(0, end).clear();
            trimBlank(body);
        }

        List<AppliesTo> appliesTo = readAppliesTo(body);
        if (body.stream().allMatch(String::isBlank)) {
            throw d.error(d.bodyFirstLine, "the article body is empty");
        }
        List<Section> sections = sections(body);
        List<ArticleId> cites = citations(body, d.id);

        return new Article(
                d.id,
                d.title.strip(),
                Article.areaTagOf(d.title.strip()),
                Optional.ofNullable(d.category),
                Optional.of(d.date),
                nonEmpty(d.product),
                versionSets(productVersions),
                nonEmpty(operatingSystem),
                words(keywords),
                appliesTo,
                words(trailer.getOrDefault("technology", "")),
                nonEmpty(trailer.get("issue type")),
                nonEmpty(trailer.get("solution type")),
                sections,
                cites,
                overflow.isEmpty() ? Optional.empty() : Optional.of(String.join("\n", overflow)),
                d.rendering);
    }

    /** Keywords that wrapped out of a filled KEYWORDS field are keywords all the same: added, once each. */
    private static String mergeWords(String field, String more) {
        if (field.isEmpty()) {
            return more;
        }
        List<String> words = new ArrayList<>(List.of(field.split("\\s+")));
        for (String w : more.split("\\s+")) {
            if (!words.contains(w)) {
                words.add(w);
            }
        }
        return String.join(" ", words);
    }

    /** Control characters other than tab are stray bytes in the archive; they carry nothing. */
    static String clean(String line) {
        int n = line.length();
        int i = 0;
        while (i < n) {
            char c = line.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7F) {
                break;
            }
            i++;
        }
        if (i == n) {
            return stripTrailing(line);
        }
        StringBuilder b = new StringBuilder(n);
        for (int j = 0; j < n; j++) {
            char c = line.charAt(j);
            if (!((c < 0x20 && c != '\t') || c == 0x7F)) {
                b.append(c);
            }
        }
        return stripTrailing(b.toString());
    }

    private static String stripTrailing(String s) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\t')) {
            end--;
        }
        return end == s.length() ? s : s.substring(0, end);
    }

    private static void cutDisclaimer(List<String> body) {
        for (int i = body.size() - 1; i >= 0; i--) {
            String s = body.get(i).strip();
            if (s.startsWith("THE INFORMATION PROVIDED IN THE MICROSOFT KNOWLEDGE BASE")) {
                body.subList(i, body.size()).clear();
                trimBlank(body);
                if (!body.isEmpty() && isRule(body.get(body.size() - 1), '=')) {
                    body.remove(body.size() - 1);
                }
                return;
            }
        }
        for (int i = body.size() - 1; i >= Math.max(0, body.size() - 3); i--) {
            if (body.get(i).strip().startsWith("Copyright Microsoft Corporation")) {
                body.subList(i, body.size()).clear();
                return;
            }
        }
    }

    static void trimBlank(List<String> lines) {
        int end = lines.size();
        while (end > 0 && lines.get(end - 1).isBlank()) {
            end--;
        }
        lines.subList(end, lines.size()).clear();
        int start = 0;
        while (start < lines.size() && lines.get(start).isBlank()) {
            start++;
        }
        lines.subList(0, start).clear();
    }

    static boolean isRule(String line, char c) {
        int n = line.length();
        if (n < 3) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (line.charAt(i) != c) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAnyRule(String line) {
        String s = line.strip();
        return isRule(s, '=') || isRule(s, '-');
    }

    /** The index of the {@code =} line that opens the trailer, or -1: searched from the end, so that a last
     *  body line exactly as long as that rule is not mistaken for a heading underlined by it. */
    private static int findTrailer(List<String> body) {
        for (int i = body.size() - 2; i >= 0; i--) {
            if (body.get(i).length() >= 20 && isRule(body.get(i), '=') && isTrailerField(body.get(i + 1))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isTrailerField(String line) {
        Matcher m = TRAILER_FIELD.matcher(line);
        return m.matches() && TRAILER_NAMES.contains(m.group(1).strip().toLowerCase(Locale.ROOT));
    }

    private static void readTrailer(List<String> lines, Map<String, String> into) {
        String last = null;
        for (String line : lines) {
            if (line.length() >= 20 && isRule(line, '=')) {
                break;
            }
            Matcher m = TRAILER_FIELD.matcher(line);
            if (m.matches() && line.indexOf(':') >= 0 && !line.startsWith(" ")) {
                last = m.group(1).strip().toLowerCase(Locale.ROOT);
                into.put(last, m.group(2) == null ? "" : m.group(2).strip());
            } else if (last != null && !line.isBlank()) {
                into.put(last, (into.get(last) + " " + line.strip()).strip());
            }
        }
    }

    /**
     * Where header values that wrapped into the body end: before the applies-to box when its dashed rule
     * comes within the first lines, otherwise after the leading lines that look like header values.
     */
    private static int overflowEnd(List<String> body) {
        int limit = Math.min(body.size(), 12);
        for (int i = 0; i < limit; i++) {
            String s = body.get(i).strip();
            if (isRule(s, '-') || s.startsWith(APPLIES_TO)) {
                return proseBefore(body, i) ? 0 : i;
            }
            if (i + 1 < body.size() && !s.isEmpty() && isAnyRule(body.get(i + 1))) {
                return proseBefore(body, i) ? 0 : i;
            }
        }
        int end = 0;
        for (int i = 0; i < limit; i++) {
            String s = body.get(i).strip();
            if (s.isEmpty()) {
                continue;
            }
            if (!(isVersionLine(s) || isOsLine(s) || isKeywordLine(s))) {
                break;
            }
            end = i + 1;
        }
        return end;
    }

    /**
     * Whether the lines before {@code end} hold a sentence. Wrapped header values are lists of versions,
     * systems, keywords or file names; an opening note, registry warning or banner written as prose
     * (Q117420, Q148367, Q119353) is the article's own text and stays in the body.
     */
    private static boolean proseBefore(List<String> body, int end) {
        for (String line : body.subList(0, end)) {
            String s = line.strip();
            if (s.startsWith("**")) {
                return true;
            }
            if (isVersionLine(s) || isOsLine(s) || isKeywordLine(s)) {
                continue;
            }
            int words = 0;
            for (String token : s.split("\\s+")) {
                if (PROSE_WORD.matcher(token).matches()) {
                    words++;
                }
            }
            if (words >= PROSE_WORDS) {
                return true;
            }
        }
        return false;
    }

    static boolean isVersionLine(String s) {
        boolean digit = false;
        for (String part : s.split("[|;]")) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            if (PLATFORM_VERSIONS.matcher(p).matches()) {
                digit = true;
                continue;
            }
            for (String token : p.split("[\\s,]+")) {
                if (!VERSION_TOKEN.matcher(token).matches()) {
                    return false;
                }
                digit = true;
            }
        }
        return digit;
    }

    static boolean isOsLine(String s) {
        return s.length() <= 60
                && OS_LINE.matcher(s).matches()
                && s.chars().anyMatch(Character::isLetter)
                && !s.matches(".*\\d\\.\\d.*");
    }

    static boolean isKeywordLine(String s) {
        boolean kb = false;
        for (String token : s.split("\\s+")) {
            if (!KEYWORD_TOKEN.matcher(token).matches()
                    || token.chars().anyMatch(Character::isUpperCase) && !token.regionMatches(true, 0, "kb", 0, 2)) {
                return false;
            }
            kb |= token.regionMatches(true, 0, "kb", 0, 2);
        }
        return kb;
    }

    /** Reads and removes the applies-to box ({@code -----} rule, the sentence, the items, the closing rule). */
    private static List<AppliesTo> readAppliesTo(List<String> body) {
        int limit = Math.min(body.size(), 15);
        int sentence = -1;
        for (int i = 0; i < limit; i++) {
            if (body.get(i).strip().startsWith(APPLIES_TO)) {
                sentence = i;
                break;
            }
        }
        if (sentence < 0) {
            return List.of();
        }
        int start = sentence > 0 && isRule(body.get(sentence - 1).strip(), '-') ? sentence - 1 : sentence;
        List<String> items = new ArrayList<>();
        int i = sentence + 1;
        for (; i < body.size(); i++) {
            String line = body.get(i);
            String s = line.strip();
            if (isRule(s, '-')) {
                i++;
                break;
            }
            if (s.isEmpty()) {
                if (!items.isEmpty()
                        && (i + 1 >= body.size() || !body.get(i + 1).strip().startsWith("-"))) {
                    break;
                }
                continue;
            }
            if (s.startsWith("- ") || s.equals("-")) {
                items.add(s);
            } else if (!items.isEmpty() && line.startsWith(" ")) {
                items.set(items.size() - 1, items.get(items.size() - 1) + " " + s);
            } else {
                break;
            }
        }
        body.subList(start, i).clear();
        trimBlank(body);
        List<AppliesTo> result = new ArrayList<>(items.size());
        for (String item : items) {
            result.add(AppliesTo.parse(item));
        }
        return result;
    }

    private static boolean isHeadingAt(List<String> body, int i) {
        if (i + 1 >= body.size() || !startsWithRuleChar(body.get(i + 1))) {
            return false;
        }
        String line = body.get(i);
        String h = line.strip();
        if (h.isEmpty() || h.length() > 80 || h.startsWith("-") || isAnyRule(h) || i + 1 >= body.size()) {
            return false;
        }
        String under = body.get(i + 1).strip();
        if (!(isRule(under, '=') || isRule(under, '-')) || body.get(i + 1).startsWith(" ")) {
            return false;
        }
        if (under.length() * 2 < h.length() && under.length() < 20) {
            return false;
        }
        return i == 0 || body.get(i - 1).isBlank() || isAnyRule(body.get(i - 1));
    }

    /** A cheap first look: an underline starts with {@code =} or {@code -} in its first column. */
    private static boolean startsWithRuleChar(String line) {
        return !line.isEmpty() && (line.charAt(0) == '=' || line.charAt(0) == '-');
    }

    private static List<Section> sections(List<String> body) {
        List<Section> sections = new ArrayList<>();
        String heading = null;
        int start = 0;
        for (int i = 0; i < body.size(); i++) {
            if (isHeadingAt(body, i)) {
                int end = i;
                if (end > start && isAnyRule(body.get(end - 1))) {
                    end--;
                }
                addSection(sections, heading, body.subList(start, end));
                heading = body.get(i).strip();
                start = i + 2;
                i++;
            }
        }
        addSection(sections, heading, body.subList(start, body.size()));
        return sections;
    }

    private static void addSection(List<Section> sections, String heading, List<String> lines) {
        List<String> text = new ArrayList<>(lines);
        trimBlank(text);
        if (heading == null && text.isEmpty()) {
            return;
        }
        String joined = String.join("\n", text);
        sections.add(heading == null ? Section.untitled(joined) : Section.titled(heading, joined));
    }

    private static List<ArticleId> citations(List<String> body, ArticleId self) {
        Set<ArticleId> ids = new LinkedHashSet<>();
        for (String line : body) {
            if (line.indexOf('Q') < 0) {
                continue;
            }
            Matcher m = CITATION.matcher(line);
            while (m.find()) {
                int n = Integer.parseInt(m.group(1));
                if (n > 0 && n != self.number()) {
                    ids.add(new ArticleId(n));
                }
            }
        }
        return List.copyOf(ids);
    }

    private static Optional<String> nonEmpty(String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s.strip());
    }

    /** Words of a keyword-like field; the Programmer's Library articles separate them with {@code |}. */
    private static List<String> words(String s) {
        if (s == null || s.isBlank()) {
            return List.of();
        }
        List<String> words = new ArrayList<>();
        for (String w : s.split("[\\s|]+")) {
            if (!w.isEmpty()) {
                words.add(w);
            }
        }
        return words;
    }

    /** {@code winnt:4.0,5.0}, {@code :3.6,3.7} (the double-colon form) or {@code MS-DOS:5.1; OS/2:5.1}. */
    static List<VersionSet> versionSets(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        List<VersionSet> sets = new ArrayList<>();
        for (String group : value.split("[;|]")) {
            String g = group.strip();
            if (g.isEmpty()) {
                continue;
            }
            int colon = g.lastIndexOf(':');
            String platform = colon > 0 ? g.substring(0, colon).strip() : "";
            String versions = colon >= 0 ? g.substring(colon + 1) : g;
            List<String> list = new ArrayList<>();
            for (String v : versions.split("[,\\s]+")) {
                if (!v.isBlank()) {
                    list.add(v.strip());
                }
            }
            sets.add(new VersionSet(platform.isEmpty() ? Optional.empty() : Optional.of(platform), list));
        }
        return sets;
    }
}
