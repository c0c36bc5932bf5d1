package io.kbsh.shell.rules.eval;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The kinds of object a rule is evaluated for ({@code for:}), the list of the environment file that holds
 * them, the field that names each, and the related values a rule sees beside the object itself.
 */
public enum ObjectKinds {
    SERVER(
            "server",
            "servers",
            "id",
            "server",
            List.of(
                    "site",
                    "connectors",
                    "firewalls",
                    "publications",
                    "proxy",
                    "registry",
                    "events",
                    "ini",
                    "probes",
                    "lookups")),
    CONNECTOR(
            "connector",
            "connectors",
            "id",
            "connector",
            List.of("server", "proxies", "firewalls", "domains", "registry", "events", "probes", "lookups")),
    PROXY(
            "proxy",
            "proxies",
            "id",
            "proxy",
            List.of("clients", "publications", "registry", "events", "probes", "lookups")),
    DOMAIN("domain", "domains", "name", "domain", List.of("mx", "lookups")),
    SITE("site", "sites", "id", "site", List.of("servers", "lookups")),
    FIREWALL("firewall", "firewalls", "id", "firewall", List.of("protects", "lookups"));

    private final String kind;
    private final String list;
    private final String idField;
    private final String schemaDef;
    private final List<String> related;

    ObjectKinds(String kind, String list, String idField, String schemaDef, List<String> related) {
        this.kind = kind;
        this.list = list;
        this.idField = idField;
        this.schemaDef = schemaDef;
        this.related = related;
    }

    /** The word of {@code for:} and of {@code kind:id}, e.g. {@code server}. */
    public String kind() {
        return kind;
    }

    /** The environment file's list, e.g. {@code servers}. */
    public String list() {
        return list;
    }

    public String idField() {
        return idField;
    }

    /** The definition of this kind in the environment's JSON Schema. */
    String schemaDef() {
        return schemaDef;
    }

    /** The names a rule sees beside its object and {@code env}, in the order docs/rules.md lists them. */
    public List<String> related() {
        return related;
    }

    public String id(Map<String, Object> object) {
        Object id = object.get(idField);
        return id == null ? "" : id.toString();
    }

    public static Optional<ObjectKinds> of(String word) {
        for (ObjectKinds k : values()) {
            if (k.kind.equals(word)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    public static List<String> words() {
        return java.util.Arrays.stream(values()).map(ObjectKinds::kind).toList();
    }
}
