package io.kbsh.shell.collect;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an event log as NT 4.0's and Windows 2000's Event Viewer save it ("Save As": text, tab-separated,
 * or comma-delimited text): one record a line, the columns date, time, source, type, category, event, user,
 * computer, description. The description is the rest of the line (it may hold the separator itself; in
 * comma-delimited files it may be quoted, with {@code ""} for a quote), and a line that does not start with
 * a date continues the description of the record before it. A heading line of column names is skipped.
 *
 * <p>Text is ANSI (Windows-1252) unless the file starts with a UTF-16LE or UTF-8 byte order mark (Windows
 * 2000 can save Unicode). Dates are read in the order {@link DateOrder} gives, with {@code /}, {@code .} or
 * {@code -} between the numbers and two-digit years as 1970-2069; times as {@code 10:22:31 PM} or
 * {@code 22:22:31}.
 */
public final class EventLogExport {

    /** The largest export read: a full NT 4.0 log of the default 512 KB size exports to a few megabytes. */
    public static final long MAX_BYTES = 64L << 20;

    private static final Pattern DATE = Pattern.compile("(\\d{1,4})[/.\\-](\\d{1,2})[/.\\-](\\d{1,4})\\.?");
    private static final Pattern TIME = Pattern.compile("(\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s*([AaPp]\\.?[Mm]\\.?)?");
    private static final List<String> TYPES =
            List.of("error", "warning", "information", "success audit", "failure audit");

    private final Path file;
    private final DateOrder order;

    private EventLogExport(Path file, DateOrder order) {
        this.file = file;
        this.order = order;
    }

    /** Reads {@code file}, a regular file of at most {@link #MAX_BYTES}. */
    public static List<ExportedEvent> read(Path file, DateOrder order) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new CollectException(file, 0, "not a regular file");
        }
        long size = Files.size(file);
        if (size > MAX_BYTES) {
            throw new CollectException(
                    file, 0, size + " bytes, more than the " + MAX_BYTES + " an event-log export may have");
        }
        return parse(file, Files.readAllBytes(file), order);
    }

    /** Parses the bytes of an export; {@code file} names it in errors. */
    public static List<ExportedEvent> parse(Path file, byte[] bytes, DateOrder order) throws CollectException {
        return new EventLogExport(file, order).parse(decode(bytes));
    }

    /** True when {@code bytes} look like an event-log export: their first record line has the nine columns. */
    public static boolean looksLikeExport(byte[] bytes) {
        for (String line : decode(bytes).split("\r\n|\r|\n", 20)) {
            if (line.isBlank() || isHeading(line)) {
                continue;
            }
            List<String> fields = fields(line);
            return fields.size() >= 9
                    && DATE.matcher(fields.get(0).strip()).matches()
                    && TIME.matcher(fields.get(1).strip()).matches()
                    && fields.get(5).strip().matches("\\d{1,10}");
        }
        return false;
    }

    private List<ExportedEvent> parse(String text) throws CollectException {
        String[] lines = text.split("\r\n|\r|\n", -1);
        List<Raw> raws = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int number = i + 1;
            if (raws.isEmpty() && (line.isBlank() || isHeading(line))) {
                continue;
            }
            List<String> fields = fields(line);
            boolean record =
                    fields.size() >= 9 && DATE.matcher(fields.get(0).strip()).matches();
            if (!record) {
                if (raws.isEmpty()) {
                    throw new CollectException(
                            file,
                            number,
                            "not an Event Viewer export: a record has nine columns"
                                    + " (date, time, source, type, category, event, user, computer, description)");
                }
                if (!line.isBlank()) {
                    raws.get(raws.size() - 1).more.append('\n').append(line.strip());
                }
                continue;
            }
            raws.add(new Raw(number, fields));
        }
        DateOrder effective = order == DateOrder.AUTO ? decide(raws) : order;
        List<ExportedEvent> events = new ArrayList<>(raws.size());
        for (Raw raw : raws) {
            events.add(raw.toEvent(effective));
        }
        return events;
    }

    /** The order that fits every date of the file, month first when several do. */
    private DateOrder decide(List<Raw> raws) throws CollectException {
        boolean dayFirst = false;
        boolean monthFirst = false;
        boolean yearFirst = false;
        for (Raw raw : raws) {
            Matcher m = DATE.matcher(raw.fields.get(0).strip());
            if (!m.matches()) {
                continue;
            }
            if (m.group(1).length() == 4) {
                yearFirst = true;
            } else if (Integer.parseInt(m.group(1)) > 12) {
                dayFirst = true;
            } else if (Integer.parseInt(m.group(2)) > 12) {
                monthFirst = true;
            }
        }
        if (dayFirst && monthFirst) {
            throw new CollectException(
                    file,
                    raws.get(0).line,
                    "the dates fit neither day/month nor month/day order"
                            + " throughout; name the order (--date-order mdy|dmy|ymd)");
        }
        return yearFirst ? DateOrder.YMD : dayFirst ? DateOrder.DMY : DateOrder.MDY;
    }

    private final class Raw {
        final int line;
        final List<String> fields;
        final StringBuilder more = new StringBuilder();

        Raw(int line, List<String> fields) {
            this.line = line;
            this.fields = fields;
        }

        ExportedEvent toEvent(DateOrder dates) throws CollectException {
            LocalDate date = date(fields.get(0).strip(), dates);
            LocalTime time = time(fields.get(1).strip());
            String type = fields.get(3).strip();
            if (!TYPES.contains(type.toLowerCase(Locale.ROOT))) {
                throw new CollectException(
                        file,
                        line,
                        "'" + type + "' is not an event type (Error, Warning,"
                                + " Information, Success Audit, Failure Audit)");
            }
            String id = fields.get(5).strip();
            int eventId;
            try {
                eventId = Integer.parseInt(id);
            } catch (NumberFormatException e) {
                throw new CollectException(file, line, "event id '" + id + "' is not a number");
            }
            String description = String.join(separatorOf(fields), fields.subList(8, fields.size()))
                            .strip()
                    + more;
            return new ExportedEvent(
                    line,
                    LocalDateTime.of(date, time),
                    fields.get(2).strip(),
                    type,
                    fields.get(4).strip(),
                    eventId,
                    fields.get(6).strip(),
                    fields.get(7).strip(),
                    description);
        }

        private String separatorOf(List<String> f) {
            return f instanceof Fields fs ? fs.separator : ",";
        }

        private LocalDate date(String text, DateOrder dates) throws CollectException {
            Matcher m = DATE.matcher(text);
            if (!m.matches()) {
                throw new CollectException(file, line, "'" + text + "' is not a date");
            }
            int a = Integer.parseInt(m.group(1));
            int b = Integer.parseInt(m.group(2));
            int c = Integer.parseInt(m.group(3));
            try {
                return switch (dates) {
                    case YMD -> LocalDate.of(year(a, m.group(1)), b, c);
                    case DMY -> LocalDate.of(year(c, m.group(3)), b, a);
                    default -> LocalDate.of(year(c, m.group(3)), a, b);
                };
            } catch (DateTimeException e) {
                throw new CollectException(
                        file,
                        line,
                        "'" + text + "' is not a date in " + dates.name().toLowerCase(Locale.ROOT) + " order");
            }
        }

        private LocalTime time(String text) throws CollectException {
            Matcher m = TIME.matcher(text);
            if (!m.matches()) {
                throw new CollectException(file, line, "'" + text + "' is not a time");
            }
            int hour = Integer.parseInt(m.group(1));
            int minute = Integer.parseInt(m.group(2));
            int second = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
            if (m.group(4) != null) {
                if (hour < 1 || hour > 12) {
                    throw new CollectException(file, line, "'" + text + "' is not a 12-hour time");
                }
                boolean pm = Character.toLowerCase(m.group(4).charAt(0)) == 'p';
                hour = hour % 12 + (pm ? 12 : 0);
            }
            try {
                return LocalTime.of(hour, minute, second);
            } catch (DateTimeException e) {
                throw new CollectException(file, line, "'" + text + "' is not a time");
            }
        }
    }

    private static int year(int value, String digits) {
        if (digits.length() == 4) {
            return value;
        }
        return value >= 70 ? 1900 + value : 2000 + value;
    }

    private static boolean isHeading(String line) {
        String lower = line.strip().toLowerCase(Locale.ROOT);
        return lower.startsWith("date") && lower.contains("source") && lower.contains("event");
    }

    /** The columns of one line: tab-separated when it has tabs, otherwise comma-separated with quotes. */
    private static List<String> fields(String line) {
        if (line.indexOf('\t') >= 0) {
            Fields fields = new Fields("\t");
            fields.addAll(List.of(line.split("\t", -1)));
            return fields;
        }
        Fields fields = new Fields(",");
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.toString().isBlank() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
                field.setLength(0);
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }

    /** Columns that remember what separated them, so a description holding the separator is rejoined. */
    private static final class Fields extends ArrayList<String> {
        private static final long serialVersionUID = 1L;
        final String separator;

        Fields(String separator) {
            this.separator = separator;
        }
    }

    private static String decode(byte[] bytes) {
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
        }
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        }
        return new String(bytes, Charset.forName("windows-1252"));
    }
}
