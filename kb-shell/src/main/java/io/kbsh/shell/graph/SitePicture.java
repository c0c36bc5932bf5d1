package io.kbsh.shell.graph;

import io.kbsh.model.env.Environment;
import io.kbsh.shell.report.Templates;
import java.util.Locale;
import java.util.Map;

/** {@code env graph}: the picture of an environment, without findings, in one of three formats. */
public final class SitePicture {

    public enum Format {
        SVG,
        DOT,
        MERMAID;

        public static Format parse(String text) {
            try {
                return valueOf(text.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + text + "' is no graph format: svg, dot or mermaid");
            }
        }
    }

    private SitePicture() {}

    public static String render(Environment env, Format format) {
        SiteGraph graph = SiteGraphBuilder.build(env);
        return switch (format) {
            case DOT -> GraphText.dot(graph);
            case MERMAID -> GraphText.mermaid(graph);
            case SVG -> svg(GraphPicture.of(GraphLayout.layout(graph), GraphPicture.unmarked()), true);
        };
    }

    /** The SVG of a picture; {@code standalone} adds the styles a file of its own needs. */
    public static String svg(GraphPicture picture, boolean standalone) {
        return Templates.render("graph.jte", Map.of("picture", picture, "standalone", standalone));
    }
}
