package io.kbsh.shell.env;

import io.kbsh.model.env.Environment;
import io.kbsh.shell.json.JsonInputException;
import io.kbsh.shell.json.StrictJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads an environment file: JSON bound strictly, then checked for impossible values (a port of 70000,
 * Exchange "9.9", a connector on a server that does not exist). Every problem is reported as a
 * {@link JsonInputException} naming file, line, column and field path. Collected INI copies are resolved
 * against the file's directory.
 */
public final class EnvironmentReader {

    private EnvironmentReader() {
    }

    public static Environment read(Path file) throws IOException, JsonInputException {
        Path absolute = file.toAbsolutePath().normalize();
        byte[] content = Files.readAllBytes(absolute);
        Path base = absolute.getParent();
        return parse(content, file.toString(), base);
    }

    /** Parses {@code json}; {@code source} names it in errors, {@code base} resolves INI copies (may be null). */
    public static Environment parse(byte[] json, String source, Path base) throws JsonInputException {
        Environment env = StrictJson.read(json, source, Environment.class);
        var problem = EnvironmentValidator.firstProblem(env);
        if (problem.isPresent()) {
            throw StrictJson.problemAt(json, source, problem.get().path(), problem.get().message());
        }
        return base == null ? env : env.resolvedAgainst(base);
    }
}
