package io.kbsh.shell.report;

import io.kbsh.shell.graph.GraphPicture;
import java.util.List;
import java.util.Optional;

/** Everything the HTML report template shows, read from a saved (or just made) JSON report. */
public record ReportView(
        String title,
        String generated,
        String kbsh,
        List<String> plugins,
        List<String> rulePacks,
        Optional<String> environmentFile,
        List<Count> counts,
        Optional<GraphPicture> picture,
        List<FindingView> findings,
        List<ObjectView> objects,
        List<String> failures,
        List<String> probes,
        List<String> articlesChecked,
        List<String> articlesWithoutFindings) {

    /** A number with a word, e.g. 2 error; {@code css} names the state it is drawn in. */
    public record Count(String label, int count, String css) {}

    /** A link to an object's section. */
    public record Ref(String text, String anchor) {}

    public record DiffLine(String css, String text) {}

    public record ActionView(String kind, String text, List<DiffLine> diff) {}

    public record WaiverView(String justification, String expires, boolean expired) {}

    /**
     * @param anchor a stable id, from the article and the objects, so a ticket can link to the finding
     * @param articleText the article's text (the archive's, or the plugin's brief) and where it came from
     */
    public record FindingView(
            String anchor,
            String article,
            String title,
            String severity,
            String stateCss,
            String status,
            String plugin,
            String summary,
            List<Ref> affected,
            List<String> evidence,
            Optional<String> fix,
            List<ActionView> actions,
            List<String> verification,
            Optional<WaiverView> waiver,
            Optional<String> articleText,
            String articleSource) {}

    /** One environment object and the findings on it, the target of a click on its shape. */
    public record ObjectView(String anchor, String text, String stateCss, String stateWord, List<Ref> findings) {}
}
