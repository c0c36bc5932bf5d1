package io.kbsh.shell.collect;

import java.time.LocalDateTime;
import java.util.Objects;

/**
 * One record of an Event Viewer export, with the columns NT 4.0's and Windows 2000's Event Viewer save:
 * when (local time of the server, as the export shows it), source, type, category, event id, user,
 * computer and description.
 *
 * @param line the 1-based line of the export the record starts on
 * @param type as the export names it: {@code Error}, {@code Warning}, {@code Information},
 *     {@code Success Audit} or {@code Failure Audit}
 * @param category {@code None} when the source gives none, as Event Viewer writes it
 * @param user {@code N/A} when no user applies, as Event Viewer writes it
 */
public record ExportedEvent(
        int line,
        LocalDateTime time,
        String source,
        String type,
        String category,
        int eventId,
        String user,
        String computer,
        String description) {

    public ExportedEvent {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(computer, "computer");
        Objects.requireNonNull(description, "description");
    }
}
