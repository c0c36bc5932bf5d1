package io.kbsh.model.finding;

import java.util.List;
import java.util.Objects;

/**
 * An object of the environment a finding is about, written {@code kind:id}, e.g. {@code server:EXCH1},
 * {@code connector:x400-branch}, {@code proxy:px1}, {@code domain:example.com}.
 *
 * @since 2.0
 */
public record ObjectRef(String kind, String id) {

    /**
     * The kinds of objects an environment holds. Waivers and {@code --object} are typed by people; a kind
     * outside this list (say {@code srv:EXCH1}) would silently match nothing, so it is refused.
     */
    public static final List<String> KINDS = List.of("server", "connector", "proxy", "domain", "site", "firewall");

    public ObjectRef {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        if (!KINDS.contains(kind)) {
            throw new IllegalArgumentException(
                    "unknown object kind '" + kind + "' (kinds: " + String.join(", ", KINDS) + ")");
        }
        if (id.isBlank()) {
            throw new IllegalArgumentException("an object needs an id after '" + kind + ":'");
        }
    }

    public static ObjectRef server(String id) {
        return new ObjectRef("server", id);
    }

    public static ObjectRef connector(String id) {
        return new ObjectRef("connector", id);
    }

    public static ObjectRef proxy(String id) {
        return new ObjectRef("proxy", id);
    }

    public static ObjectRef domain(String name) {
        return new ObjectRef("domain", name);
    }

    /** Parses {@code kind:id}. */
    public static ObjectRef parse(String text) {
        int colon = text.indexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new IllegalArgumentException("an object is written kind:id, e.g. server:EXCH1; got '" + text + "'");
        }
        return new ObjectRef(
                text.substring(0, colon).trim(), text.substring(colon + 1).trim());
    }

    @Override
    public String toString() {
        return kind + ":" + id;
    }
}
