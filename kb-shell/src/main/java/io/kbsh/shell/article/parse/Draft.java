package io.kbsh.shell.article.parse;

import io.kbsh.model.article.ArticleId;
import io.kbsh.model.article.Rendering;
import java.time.LocalDate;
import java.util.List;

/**
 * What a rendering parser read before the body is analysed: the header values as written (empty when the
 * rendering has the field but it is blank, null when the rendering does not carry it) and the body lines
 * in the plain text's form, with one leading space per line removed as the Markdown generator did.
 */
final class Draft {
    final String source;
    final Rendering rendering;
    ArticleId id;
    String title;
    String category;
    LocalDate date;
    String product = "";
    String productVersions = "";
    String operatingSystem = "";
    String keywords = "";
    List<String> body = List.of();
    /** True when the body lines are already free of control characters and trailing blanks. */
    boolean cleaned;
    /** The 1-based line number of {@code body.get(0)} in the file, for error messages. */
    int bodyFirstLine;

    Draft(String source, Rendering rendering) {
        this.source = source;
        this.rendering = rendering;
    }

    ArticleParseException error(int line, String reason) {
        return new ArticleParseException(source, line, reason);
    }
}
