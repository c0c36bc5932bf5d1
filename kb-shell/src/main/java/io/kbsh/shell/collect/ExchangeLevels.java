package io.kbsh.shell.collect;

import io.kbsh.shell.discover.ExchangeBuilds;
import java.util.List;
import java.util.Optional;

/**
 * The Exchange level of a build number alone, as the registry's {@code Exchange\Setup NewestBuild} gives it
 * (no release beside it, unlike a greeting's {@code 5.5.2232.0}): the build table of {@code env discover},
 * by range. The releases' build ranges do not overlap (4.0 is 837 to 996, 5.0 1457 to 1460, 5.5 from 1960),
 * so the highest release whose first build the number reaches is the one.
 */
public final class ExchangeLevels {

    private static final List<String> RELEASES = List.of("4.0", "5.0", "5.5");

    private ExchangeLevels() {}

    /** The level of server build {@code build}; empty below the first build of 4.0. */
    public static Optional<CollectedFolder.BuildMatch> ofBuild(int build) {
        CollectedFolder.BuildMatch found = null;
        for (String release : RELEASES) {
            Optional<ExchangeBuilds.Match> m = ExchangeBuilds.bundled().level("server", release, build);
            if (m.isPresent()) {
                found = new CollectedFolder.BuildMatch(m.get().level(), m.get().article());
            }
        }
        return Optional.ofNullable(found);
    }
}
