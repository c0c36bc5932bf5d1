package io.kbsh.model.env;

import java.time.LocalDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * An event-log entry collected from a server (an Event Viewer export, or typed in): what Event Viewer
 * shows in its columns. The time is the server's local time, as the export gives it. In JSON, under
 * {@code collected[].events}: {@code {"time": "2000-03-14T09:12:44", "log": "Application", "source":
 * "MSExchangeMTA", "type": "error", "category": "Interface", "event": 9301, "computer": "EXCH1",
 * "description": "..."}}.
 *
 * @param time local date and time
 * @param log the log (Application, System, Security) when known
 * @param source the event source, e.g. {@code MSExchangeMTA}
 * @param type error, warning, information, audit success or failure
 * @param category the category as shown ({@code None} is kept)
 * @param event the event id (0 to 65535)
 * @param user the user column when it names one
 * @param computer the computer column
 * @param description the description text
 * @param provenance the file (and line) it was collected from
 * @since 2.1
 */
public record EventLogEntry(
        LocalDateTime time,
        Optional<String> log,
        String source,
        Type type,
        Optional<String> category,
        int event,
        Optional<String> user,
        Optional<String> computer,
        String description,
        Optional<Provenance> provenance) {

    /**
     * An event's type as Event Viewer shows it.
     *
     * @since 2.1
     */
    public enum Type {
        ERROR,
        WARNING,
        INFORMATION,
        AUDIT_SUCCESS,
        AUDIT_FAILURE
    }

    public EventLogEntry {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(computer, "computer");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(provenance, "provenance");
        if (event < 0 || event > 65535) {
            throw new IllegalArgumentException("an event id is 0 to 65535, got " + event);
        }
    }

    /** True when this is event {@code id} of {@code eventSource} (source names compare without case). */
    public boolean is(String eventSource, int id) {
        return event == id && source.equalsIgnoreCase(eventSource);
    }

    /** One line for people: {@code 2000-03-14T09:12:44 MSExchangeMTA error 9301}. */
    public String describe() {
        return time + " " + source + " "
                + type.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " " + event;
    }
}
