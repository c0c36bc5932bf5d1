package io.kbsh.model.version;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A product release line and a service-pack level within it, e.g. Exchange Server {@code 5.5 SP1}.
 *
 * <p>Service packs are cumulative within a release line only: {@code 4.0 SP5} says nothing about
 * {@code 5.0}, so levels of different lines are not ordered ({@link #atLeast} answers false).
 *
 * @since 2.0
 */
public record ReleaseLevel(String release, int servicePack) {

    private static final Pattern FORM = Pattern.compile(
            "(\\d{1,2}\\.\\d{1,2})(?:\\s*(?:SP|SERVICE\\s+PACK)\\s*(\\d{1,2})[A-Z]?)?", Pattern.CASE_INSENSITIVE);

    public ReleaseLevel {
        Objects.requireNonNull(release, "release");
        if (!release.matches("\\d{1,2}\\.\\d{1,2}")) {
            throw new IllegalArgumentException("release line must look like 5.5: '" + release + "'");
        }
        if (servicePack < 0 || servicePack > 99) {
            throw new IllegalArgumentException("service pack out of range: " + servicePack);
        }
    }

    /** Parses {@code 5.5}, {@code 5.5 SP1}, {@code 5.5sp1} or {@code 5.0 Service Pack 2}. */
    public static ReleaseLevel parse(String text) {
        Matcher m = FORM.matcher(Objects.requireNonNull(text, "text").trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a release level (e.g. 5.5 or 5.5 SP1): '" + text + "'");
        }
        return new ReleaseLevel(m.group(1), m.group(2) == null ? 0 : Integer.parseInt(m.group(2)));
    }

    /** True when both are in one release line and this level has {@code other}'s service pack or a later one. */
    public boolean atLeast(ReleaseLevel other) {
        return release.equals(other.release) && servicePack >= other.servicePack;
    }

    public boolean sameLine(ReleaseLevel other) {
        return release.equals(other.release);
    }

    @Override
    public String toString() {
        return servicePack == 0 ? release : release + " SP" + servicePack;
    }

    /** Lower-case form for matching, e.g. {@code 5.5 sp1}. */
    public String key() {
        return toString().toLowerCase(Locale.ROOT);
    }
}
