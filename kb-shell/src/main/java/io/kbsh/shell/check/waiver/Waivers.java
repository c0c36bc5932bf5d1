package io.kbsh.shell.check.waiver;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import io.kbsh.model.finding.Finding;
import io.kbsh.model.finding.Waiver;
import io.kbsh.model.internal.DataFiles;
import io.kbsh.model.internal.Limits;
import io.kbsh.shell.json.JsonFields;
import io.kbsh.shell.json.JsonInputException;
import io.kbsh.shell.json.JsonTree;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A waiver file: {@code {"schemaVersion": 1, "waivers": [{"article": "Q254909", "object": "server:EXCH1",
 * "justification": "...", "expires": "2027-03-31"}]}}.
 */
public record Waivers(int schemaVersion, List<Waiver> waivers) {

    public static final int SCHEMA_VERSION = 1;

    // Dates as written in the file (2027-03-31); Waiver, an API record, carries no databind annotation for it.
    private static final ObjectMapper WRITER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .addModule(new SimpleModule("kbsh-dates").addSerializer(LocalDate.class, ToStringSerializer.instance))
            .build();

    public Waivers {
        waivers = waivers == null ? List.of() : List.copyOf(waivers);
    }

    public static Waivers none() {
        return new Waivers(SCHEMA_VERSION, List.of());
    }

    /** Reads {@code file}: a regular file of at most {@link Limits#WAIVER_BYTES}. */
    public static Waivers read(Path file) throws IOException, JsonInputException {
        return parse(DataFiles.read(file, Limits.WAIVER_BYTES, "a waiver file"), file.toString());
    }

    /** Parses a waiver file's {@code content}; {@code source} names it in errors. */
    public static Waivers parse(byte[] content, String source) throws JsonInputException {
        JsonFields root = JsonFields.of(JsonTree.parse(content, source), source);
        JsonTree.Node version =
                root.node("schemaVersion").orElseThrow(() -> root.problem("missing required field 'schemaVersion'"));
        if (root.toInt(version) != SCHEMA_VERSION) {
            throw JsonFields.problem(
                    source,
                    version,
                    "unsupported schema version " + root.toInt(version) + " (this kbsh reads version " + SCHEMA_VERSION
                            + ")");
        }
        List<Waiver> waivers = root.objects("waivers", Waivers::waiver);
        root.refuseUnknown();
        return new Waivers(SCHEMA_VERSION, waivers);
    }

    private static Waiver waiver(JsonFields f) throws JsonInputException {
        String article = f.string("article");
        String object = f.string("object");
        String justification = f.string("justification");
        LocalDate expires = f.parsed("expires", LocalDate::parse, "a date such as 2026-12-31");
        f.refuseUnknown();
        try {
            return new Waiver(article, object, justification, expires);
        } catch (IllegalArgumentException e) {
            throw f.problem(e.getMessage());
        }
    }

    /** Reads {@code file}, or no waivers when it does not exist. */
    public static Waivers readIfPresent(Path file) throws IOException, JsonInputException {
        return Files.exists(file) ? read(file) : none();
    }

    public Waivers plus(Waiver waiver) {
        List<Waiver> all = new ArrayList<>(waivers);
        all.removeIf(w -> w.article().equals(waiver.article()) && w.object().equals(waiver.object()));
        all.add(waiver);
        return new Waivers(SCHEMA_VERSION, all);
    }

    /** The waiver that covers {@code finding} (any expiry), preferring one that is still active on {@code today}. */
    public Optional<Waiver> covering(Finding finding, LocalDate today) {
        Waiver expired = null;
        for (Waiver w : waivers) {
            if (w.covers(finding)) {
                if (!w.expiredOn(today)) {
                    return Optional.of(w);
                }
                expired = w;
            }
        }
        return Optional.ofNullable(expired);
    }

    /** The file's JSON text; the caller writes it (the shell does so atomically, keeping a backup). */
    public byte[] toJson() {
        try {
            return WRITER.writeValueAsBytes(this);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
