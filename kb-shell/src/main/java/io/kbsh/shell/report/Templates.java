package io.kbsh.shell.report;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.Map;

/**
 * The HTML and SVG templates under {@code src/main/jte}, compiled to Java by jte-maven-plugin when kbsh is
 * built: {@code ${…}} escapes for the place it stands in (text, attribute, script), so text from an
 * environment or an article can never become markup. Thread-safe.
 */
public final class Templates {

    private static final TemplateEngine ENGINE =
            TemplateEngine.createPrecompiled(null, ContentType.Html, null, "io.kbsh.shell.report.templates");

    private Templates() {}

    /** Renders {@code template} (e.g. {@code graph.jte}) with {@code params}. */
    public static String render(String template, Map<String, Object> params) {
        StringOutput out = new StringOutput();
        ENGINE.render(template, params, out);
        return out.toString();
    }
}
