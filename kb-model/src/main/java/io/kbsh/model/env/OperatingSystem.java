package io.kbsh.model.env;

import io.kbsh.model.version.ReleaseLevel;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The operating system of a server: Windows NT 3.51 or 4.0, or Windows 2000 (internally version 5.0), with
 * its service pack. In JSON a string: {@code "Windows NT 4.0 SP6"}, {@code "Windows 2000 SP2"}.
 *
 * @param family Windows NT or Windows 2000
 * @param level the version and service pack ({@code 4.0 SP6}; Windows 2000 is {@code 5.0})
 * @since 2.1
 */
public record OperatingSystem(Family family, ReleaseLevel level) {

    /**
     * The operating systems Exchange Server 4.0 to 5.5 and Proxy Server run on.
     *
     * @since 2.1
     */
    // lastServicePack is a Map.of, which cannot change; the checker sees only the interface type.
    @SuppressWarnings("ImmutableEnumChecker")
    public enum Family {
        WINDOWS_NT("Windows NT", Map.of("3.51", 5, "4.0", 6)),
        WINDOWS_2000("Windows 2000", Map.of("5.0", 4));

        private final String label;
        private final Map<String, Integer> lastServicePack;

        Family(String label, Map<String, Integer> lastServicePack) {
            this.label = label;
            this.lastServicePack = lastServicePack;
        }

        public String label() {
            return label;
        }

        /** The versions of this family and the last service pack of each ({@code 4.0} to 6). */
        public Map<String, Integer> lastServicePack() {
            return lastServicePack;
        }
    }

    private static final Pattern NT = Pattern.compile("(?i)windows\\s+nt\\s+(.+)");
    private static final Pattern W2K = Pattern.compile("(?i)windows\\s+2000(?:\\s+(.*))?");

    public OperatingSystem {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(level, "level");
        Integer last = family.lastServicePack().get(level.release());
        if (last == null) {
            throw new IllegalArgumentException(family.label() + " has no version " + level.release() + " (known: "
                    + String.join(
                            ", ",
                            family.lastServicePack().keySet().stream().sorted().toList()) + ")");
        }
        if (level.servicePack() > last) {
            throw new IllegalArgumentException(family.label() + " " + level.release() + " has no service pack "
                    + level.servicePack() + " (the last is SP" + last + ")");
        }
    }

    /** Windows NT at a level such as {@code 4.0 SP6}. */
    public static OperatingSystem windowsNt(ReleaseLevel level) {
        return new OperatingSystem(Family.WINDOWS_NT, level);
    }

    /**
     * Parses {@code Windows NT 4.0 SP6}, {@code Windows NT 3.51}, {@code Windows 2000 SP4} or {@code Windows
     * 2000 Service Pack 1} (any case).
     *
     * @throws IllegalArgumentException when the text names no such system
     */
    public static OperatingSystem parse(String text) {
        String t = Objects.requireNonNull(text, "text").trim();
        Matcher nt = NT.matcher(t);
        if (nt.matches()) {
            return new OperatingSystem(Family.WINDOWS_NT, ReleaseLevel.parse(nt.group(1)));
        }
        Matcher w2k = W2K.matcher(t);
        if (w2k.matches()) {
            String pack = w2k.group(1) == null ? "" : " " + w2k.group(1);
            return new OperatingSystem(Family.WINDOWS_2000, ReleaseLevel.parse("5.0" + pack));
        }
        throw new IllegalArgumentException(
                "not an operating system such as 'Windows NT 4.0 SP6' or 'Windows 2000 SP2': '" + text + "'");
    }

    public boolean isWindowsNt() {
        return family == Family.WINDOWS_NT;
    }

    /** {@code Windows NT 4.0 SP6}, {@code Windows 2000 SP2}: the form {@link #parse} reads. */
    @Override
    public String toString() {
        if (family == Family.WINDOWS_2000) {
            return level.servicePack() == 0 ? family.label() : family.label() + " SP" + level.servicePack();
        }
        return family.label() + " " + level;
    }

    /** Lower-case form for matching. */
    public String key() {
        return toString().toLowerCase(Locale.ROOT);
    }
}
