package io.kbsh.shell.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kbsh.model.command.CommandContext;
import io.kbsh.shell.exec.ShellContext;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Optional;

/**
 * {@code --json} output, one formatting for every command: a document that starts with its
 * {@code schema} name ({@code kbsh.NAME}) and {@code schemaVersion}, indented by two spaces, every
 * character outside ASCII written as a {@code \\uXXXX} escape (so the document passes the output layer's
 * escaping unchanged and stays valid JSON on any terminal), never wrapped, one newline at the end.
 * Schemas are documented in docs/json.md; within a version fields are only ever added.
 */
public final class JsonOutput {

    /** The mapper every {@code --json} document is written with. */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
            .build();

    private JsonOutput() {}

    /** A new document of schema {@code kbsh.NAME}, version {@code version}. */
    public static ObjectNode document(String name, int version) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schema", "kbsh." + name);
        root.put("schemaVersion", version);
        return root;
    }

    public static String write(ObjectNode document) {
        try {
            return MAPPER.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Prints {@code document} to the command's output, unwrapped. */
    public static void print(CommandContext context, ObjectNode document) {
        String text = write(document) + "\n";
        if (context instanceof ShellContext shell) {
            context.out().flush();
            shell.printVerbatim(text);
        } else {
            context.out().print(text);
            context.out().flush();
        }
    }

    /** {@code value}, or JSON null when it is empty. */
    public static void put(ObjectNode node, String field, Optional<?> value) {
        if (value.isPresent()) {
            node.put(field, value.get().toString());
        } else {
            node.putNull(field);
        }
    }

    public static ArrayNode strings(ObjectNode node, String field, Collection<?> values) {
        ArrayNode array = node.putArray(field);
        values.forEach(v -> array.add(v.toString()));
        return array;
    }
}
