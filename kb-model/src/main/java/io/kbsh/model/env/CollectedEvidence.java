package io.kbsh.model.env;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What was collected from one computer (a server or a proxy, by id): registry values and event-log
 * entries. {@code env collect} fills it from a folder of exports, each value and entry with its file in
 * its provenance; it can also be written by hand. In JSON, under {@code collected}: {@code {"from":
 * "EXCH1", "registry": [...], "events": [...]}}.
 *
 * @param from the id of the server or proxy the evidence was collected from
 * @param registry registry values
 * @param events event-log entries
 * @since 2.1
 */
public record CollectedEvidence(String from, List<RegistryValue> registry, List<EventLogEntry> events) {

    public CollectedEvidence {
        Objects.requireNonNull(from, "from");
        registry = List.copyOf(registry);
        events = List.copyOf(events);
    }

    /** The collected value {@code name} of {@code key} (without case; {@code HKLM\} allowed), if any. */
    public java.util.Optional<RegistryValue> registryValue(String key, String name) {
        for (RegistryValue v : registry) {
            if (v.is(key, name)) {
                return java.util.Optional.of(v);
            }
        }
        return java.util.Optional.empty();
    }

    /** The entries of event {@code id} from {@code source}, in collected order. */
    public List<EventLogEntry> events(String source, int id) {
        List<EventLogEntry> found = new ArrayList<>();
        for (EventLogEntry e : events) {
            if (e.is(source, id)) {
                found.add(e);
            }
        }
        return found;
    }
}
