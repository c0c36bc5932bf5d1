package io.kbsh.shell.env;

import io.kbsh.model.env.ExtensionField;
import io.kbsh.model.env.ObjectKind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The fields plugins add to environment objects, with the plugin that declared each. A field the schema
 * already has on that kind of object, or one another plugin declared, is refused with one line naming
 * both. Immutable: {@link #with} returns a new registry, so a reader in use never sees a change.
 */
public final class ExtensionRegistry {

    /** A declared field and who declared it. */
    public record Declared(ExtensionField field, String owner) {}

    private static final ExtensionRegistry EMPTY = new ExtensionRegistry(new EnumMap<>(ObjectKind.class));

    private final Map<ObjectKind, Map<String, Declared>> byKind;

    private ExtensionRegistry(Map<ObjectKind, Map<String, Declared>> byKind) {
        this.byKind = byKind;
    }

    /** No plugin fields. */
    public static ExtensionRegistry empty() {
        return EMPTY;
    }

    /**
     * This registry with {@code fields} declared by {@code owner} (a plugin name).
     *
     * @throws IllegalArgumentException naming the field and both owners when a field is taken
     */
    public ExtensionRegistry with(String owner, Collection<ExtensionField> fields) {
        Map<ObjectKind, Map<String, Declared>> next = new EnumMap<>(ObjectKind.class);
        byKind.forEach((k, v) -> next.put(k, new LinkedHashMap<>(v)));
        for (ExtensionField f : fields) {
            if (EnvironmentBinder.coreFields(f.on()).contains(f.name())) {
                throw new IllegalArgumentException("plugin " + owner + " declares the field " + f.path()
                        + ", which the environment schema already has");
            }
            Map<String, Declared> ofKind = next.computeIfAbsent(f.on(), k -> new LinkedHashMap<>());
            Declared taken = ofKind.get(f.name());
            if (taken != null) {
                throw new IllegalArgumentException("plugin " + owner + " declares the field " + f.path()
                        + ", which plugin " + taken.owner() + " declared already");
            }
            ofKind.put(f.name(), new Declared(f, owner));
        }
        return new ExtensionRegistry(next);
    }

    /** The declared field {@code name} on objects of {@code kind}. */
    public Optional<Declared> field(ObjectKind kind, String name) {
        return Optional.ofNullable(byKind.getOrDefault(kind, Map.of()).get(name));
    }

    /** The names declared on {@code kind}. */
    public Set<String> names(ObjectKind kind) {
        return byKind.getOrDefault(kind, Map.of()).keySet();
    }

    /** Every declared field, by kind then declaration order. */
    public List<Declared> all() {
        List<Declared> all = new ArrayList<>();
        for (ObjectKind k : ObjectKind.values()) {
            all.addAll(byKind.getOrDefault(k, Map.of()).values());
        }
        return all;
    }
}
