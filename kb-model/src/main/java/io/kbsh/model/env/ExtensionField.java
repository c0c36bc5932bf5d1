package io.kbsh.model.env;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A field a plugin adds to one kind of environment object, e.g. {@code proxies[].services} as a list of
 * strings. The strict reader accepts a declared field on objects of its kind (in schema version 2 files)
 * and still refuses any other unknown field; the value is read with its type and reaches checks through
 * the object's {@link Extensions}.
 *
 * @param on the kind of object that carries the field
 * @param name the JSON member name: a lower-case letter, then letters and digits ({@code relayTestHost})
 * @param type the JSON type of the value
 * @param description one line for {@code env fields} and the generated schema
 * @since 2.1
 */
public record ExtensionField(ObjectKind on, String name, FieldType type, String description) {

    private static final Pattern NAME = Pattern.compile("[a-z][A-Za-z0-9]{0,63}");

    public ExtensionField {
        Objects.requireNonNull(on, "on");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(description, "description");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "a field name is a lower-case letter, then letters and digits: '" + name + "'");
        }
    }

    /** Where the field sits, for people: {@code proxies[].services}. */
    public String path() {
        return on == ObjectKind.ENVIRONMENT ? name : on.list() + "[]." + name;
    }
}
