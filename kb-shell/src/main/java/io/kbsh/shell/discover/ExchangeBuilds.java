package io.kbsh.shell.discover;

import io.kbsh.model.article.ArticleId;
import io.kbsh.model.version.ReleaseLevel;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The build numbers of each Exchange release and service pack, by component ({@code ims}, {@code mta},
 * {@code server}), as the committed {@code exchange-builds.tsv} holds them (generated from the archive by
 * {@link BuildTableGenerator}). Maps a build to its level <em>by range</em>: a build at or above a pack's
 * first build and below the next pack's is that pack (higher builds are its hotfixes), never by exact match,
 * because the store, the MTA and the IMS of one pack carry different builds. A component the table has no
 * row for at some level (the IMS has none for 5.5 SP4) takes the server's build for it.
 */
public final class ExchangeBuilds {

    /** One row of the table. */
    public record Row(String component, String release, int servicePack, int build, int minor, ArticleId article) {}

    /** What a build maps to: the level, the build it was matched by, whether it is a hotfix above it, the article. */
    public record Match(ReleaseLevel level, int packBuild, boolean hotfix, ArticleId article) {
        /** {@code 5.5 SP1}, or {@code 5.5 SP1 (a later build: a hotfix)}. */
        public String describe() {
            return level + (hotfix ? " (a later build than the pack's " + packBuild + ": a hotfix of it)" : "");
        }
    }

    private static final String RESOURCE = "exchange-builds.tsv";
    private static final ExchangeBuilds BUNDLED = load();

    private final List<Row> rows;

    ExchangeBuilds(List<Row> rows) {
        this.rows = List.copyOf(rows);
    }

    /** The table committed with kbsh. */
    public static ExchangeBuilds bundled() {
        return BUNDLED;
    }

    public List<Row> rows() {
        return rows;
    }

    private static ExchangeBuilds load() {
        try (InputStream in = ExchangeBuilds.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return parse(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ExchangeBuilds parse(Reader text) throws IOException {
        List<Row> rows = new ArrayList<>();
        BufferedReader r = new BufferedReader(text);
        String line;
        int n = 0;
        while ((line = r.readLine()) != null) {
            n++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            if (f.length != 5) {
                throw new IOException(RESOURCE + ":" + n + ": expected 5 tab-separated fields");
            }
            String[] build = f[3].split("\\.");
            rows.add(new Row(
                    f[0],
                    f[1],
                    f[2].equals("RTM") ? 0 : Integer.parseInt(f[2].substring(2)),
                    Integer.parseInt(build[0]),
                    build.length > 1 ? Integer.parseInt(build[1]) : 0,
                    ArticleId.parse(f[4])));
        }
        return new ExchangeBuilds(rows);
    }

    /**
     * The level of {@code component}'s {@code build} on {@code release} (e.g. {@code ims}, {@code 5.5}, 2232);
     * empty when the table has no level that low (a pre-release build) or does not know the release.
     */
    public Optional<Match> level(String component, String release, int build) {
        TreeSet<Integer> packs = new TreeSet<>();
        rows.stream().filter(r -> r.release().equals(release)).forEach(r -> packs.add(r.servicePack()));
        Match found = null;
        for (int sp : packs) {
            Optional<Row> first = firstBuild(component, release, sp).or(() -> firstBuild("server", release, sp));
            if (first.isPresent() && first.get().build() <= build) {
                found = new Match(
                        new ReleaseLevel(release, sp),
                        first.get().build(),
                        build > first.get().build(),
                        first.get().article());
            }
        }
        // A higher pack's hotfix flag is decided against that pack's build only.
        return Optional.ofNullable(found);
    }

    /** The lowest build the articles give for {@code component} at a level: where its range starts. */
    private Optional<Row> firstBuild(String component, String release, int servicePack) {
        return rows.stream()
                .filter(r -> r.component().equals(component)
                        && r.release().equals(release)
                        && r.servicePack() == servicePack)
                .min(Comparator.comparingInt(Row::build).thenComparingInt(Row::minor));
    }
}
