package io.kbsh.shell.article.parse;

import io.kbsh.model.article.ArticleId;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Article ids as the renderings write them. */
final class Ids {
    private Ids() {}

    static ArticleId parse(Draft d, String text, int line) throws ArticleParseException {
        return ArticleId.tryParse(text).orElseThrow(() -> d.error(line, "not an article id: '" + text + "'"));
    }
}

/** Dates as the archive writes them: {@code 02-OCT-1999}. */
final class Dates {
    private static final DateTimeFormatter FORMAT = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .appendPattern("d-MMM-uuuu")
            .toFormatter(Locale.ENGLISH);

    private Dates() {}

    static LocalDate parse(Draft d, String text, int line) throws ArticleParseException {
        try {
            return LocalDate.parse(text.strip(), FORMAT);
        } catch (DateTimeParseException e) {
            throw d.error(line, "not a date (DD-MON-YYYY): '" + text.strip() + "'");
        }
    }
}
