package io.kbsh.shell.env;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kbsh.model.env.FieldType;
import io.kbsh.model.env.ObjectKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The JSON Schema (draft 2020-12) of environment files, versions 1 and 2: the file the distribution ships
 * in {@code schema/environment.schema.json}, and the same with the fields loaded plugins declare added to
 * the version 2 objects of their kind ({@code env schema}). The reader is the authority; a test holds the
 * schema to it on every example and on bad files.
 */
public final class EnvironmentSchema {

    /** The schema as a class-path resource (the distribution's copy is made from it). */
    public static final String RESOURCE = "environment.schema.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The version 2 definition of each kind of object in the schema's {@code $defs}. */
    private static final Map<ObjectKind, String> DEFINITION = Map.ofEntries(
            Map.entry(ObjectKind.ENVIRONMENT, "v2"),
            Map.entry(ObjectKind.SITE, "site"),
            Map.entry(ObjectKind.SERVER, "server"),
            Map.entry(ObjectKind.CONNECTOR, "connector"),
            Map.entry(ObjectKind.PROXY, "proxy"),
            Map.entry(ObjectKind.PUBLICATION, "publication"),
            Map.entry(ObjectKind.FIREWALL, "firewall"),
            Map.entry(ObjectKind.DNS_DOMAIN, "domain"),
            Map.entry(ObjectKind.DNS_SERVER, "dnsServer"),
            Map.entry(ObjectKind.WINDOWS_DOMAIN, "windowsDomain"),
            Map.entry(ObjectKind.MAIL_HOST, "mailHost"));

    private EnvironmentSchema() {}

    /** The schema as shipped: the schema's own fields only. */
    public static byte[] bytes() {
        try (InputStream in = EnvironmentSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from kb-shell's class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The schema with the declared fields of {@code extensions} on their objects. */
    public static byte[] withFields(ExtensionRegistry extensions) {
        try {
            ObjectNode schema = (ObjectNode) JSON.readTree(bytes());
            for (ExtensionRegistry.Declared d : extensions.all()) {
                ObjectNode properties = (ObjectNode) schema.path("$defs")
                        .path(DEFINITION.get(d.field().on()))
                        .path("properties");
                ObjectNode field = properties.putObject(d.field().name());
                field.put("description", d.field().description() + " (plugin " + d.owner() + ")");
                type(field, d.field().type());
            }
            byte[] json = JSON.writeValueAsBytes(schema);
            byte[] withEnd = java.util.Arrays.copyOf(json, json.length + 1);
            withEnd[json.length] = '\n';
            return withEnd;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void type(ObjectNode field, FieldType type) {
        switch (type) {
            case STRING -> field.put("type", "string");
            case INTEGER -> field.put("type", "integer");
            case BOOLEAN -> field.put("type", "boolean");
            case STRING_LIST -> field.put("type", "array").putObject("items").put("type", "string");
            case INTEGER_LIST -> field.put("type", "array").putObject("items").put("type", "integer");
        }
    }

    static JsonNode tree() throws IOException {
        return JSON.readTree(bytes());
    }
}
