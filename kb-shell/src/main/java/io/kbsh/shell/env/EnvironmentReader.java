package io.kbsh.shell.env;

import io.kbsh.model.env.Environment;
import io.kbsh.model.env.IniFile;
import io.kbsh.model.env.Server;
import io.kbsh.model.internal.DataFiles;
import io.kbsh.model.internal.Limits;
import io.kbsh.shell.json.JsonFields;
import io.kbsh.shell.json.JsonInputException;
import io.kbsh.shell.json.JsonTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads an environment file of schema version 1 or 2: JSON read into a located tree, bound strictly
 * (unknown fields, wrong types, {@code null} in lists and fields of the other schema version are errors;
 * fields that loaded plugins declared are accepted on their objects), then checked for impossible values
 * (a port of 70000, Exchange "9.9", a connector on a server that does not exist). Every problem is one
 * {@link JsonInputException} naming file, line, column and field path. Collected INI copies are resolved
 * against the file's directory and must stay inside it (or inside a folder the user names): a copy is
 * written by {@code fix apply}, so an environment file must not be able to point it at any file on the
 * machine. The file itself must be a regular file of at most {@link Limits#ENVIRONMENT_BYTES}.
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class EnvironmentReader {

    private static final EnvironmentReader PLAIN = new EnvironmentReader(ExtensionRegistry.empty());

    private final ExtensionRegistry extensions;

    /** A reader that accepts the fields in {@code extensions} besides the schema's own. */
    public EnvironmentReader(ExtensionRegistry extensions) {
        this.extensions = Objects.requireNonNull(extensions, "extensions");
    }

    /** The fields this reader accepts besides the schema's. */
    public ExtensionRegistry extensions() {
        return extensions;
    }

    /** Reads {@code file} with no plugin fields. */
    public static Environment read(Path file) throws IOException, JsonInputException {
        return PLAIN.load(file, List.of());
    }

    /**
     * Reads {@code file} with no plugin fields; its collected copies may be inside its own folder or inside
     * one of {@code copyFolders}, and any other is refused at its {@code localCopy} field.
     */
    public static Environment read(Path file, List<Path> copyFolders) throws IOException, JsonInputException {
        return PLAIN.load(file, copyFolders);
    }

    /** Parses {@code json} with no plugin fields; {@code source} names it in errors, {@code base} resolves INI copies (may be null). */
    public static Environment parse(byte[] json, String source, Path base) throws JsonInputException {
        return PLAIN.bind(json, source, base);
    }

    /**
     * Reads {@code file}; its collected copies may be inside its own folder or inside one of
     * {@code copyFolders}, and any other is refused at its {@code localCopy} field.
     */
    public Environment load(Path file, List<Path> copyFolders) throws IOException, JsonInputException {
        Path absolute = file.toAbsolutePath().normalize();
        byte[] content = DataFiles.read(absolute, Limits.ENVIRONMENT_BYTES, "an environment file");
        Environment env = bind(content, file.toString(), absolute.getParent());
        List<Path> roots = copyRoots(absolute, copyFolders);
        for (int i = 0; i < env.servers().size(); i++) {
            Server server = env.servers().get(i);
            for (int j = 0; j < server.iniFiles().size(); j++) {
                IniFile ini = server.iniFiles().get(j);
                Optional<String> problem =
                        ini.localCopy().isPresent() ? outside(ini.localCopy().get(), roots) : Optional.empty();
                if (problem.isPresent()) {
                    String path = "servers[" + i + "].iniFiles[" + j + "].localCopy";
                    JsonTree.Node at = JsonTree.at(JsonTree.parse(content, file.toString()), path);
                    throw new JsonInputException(file.toString(), at.line(), at.column(), path, problem.get());
                }
            }
        }
        return env;
    }

    /** The folders collected copies of {@code environmentFile} may be in: its own, then {@code copyFolders}. */
    public static List<Path> copyRoots(Path environmentFile, List<Path> copyFolders) {
        List<Path> roots = new ArrayList<>();
        roots.add(environmentFile.toAbsolutePath().normalize().getParent());
        copyFolders.forEach(f -> roots.add(f.toAbsolutePath().normalize()));
        return List.copyOf(roots);
    }

    /**
     * Why {@code copy} may not be used as a collected copy, or empty when it lies inside one of
     * {@code roots}: by its path, and, when it exists, by where its symbolic links lead.
     */
    public static Optional<String> outside(Path copy, List<Path> roots) throws IOException {
        Path normal = copy.toAbsolutePath().normalize();
        String allowed = "collected copies must be inside " + roots.get(0)
                + (roots.size() > 1
                        ? " or "
                                + String.join(
                                        ", ",
                                        roots.subList(1, roots.size()).stream()
                                                .map(Path::toString)
                                                .toList())
                        : " (or a folder named with env load --copies DIR)");
        if (roots.stream().noneMatch(normal::startsWith)) {
            return Optional.of(normal + " is outside the environment's folder; " + allowed);
        }
        if (Files.exists(normal)) {
            Path real = normal.toRealPath();
            boolean inside = false;
            for (Path root : roots) {
                inside |= Files.exists(root) && real.startsWith(root.toRealPath());
            }
            if (!inside) {
                return Optional.of(normal + " leads to " + real + " through a symbolic link; " + allowed);
            }
        }
        return Optional.empty();
    }

    /** Parses {@code json}; {@code source} names it in errors, {@code base} resolves INI copies (may be null). */
    public Environment bind(byte[] json, String source, Path base) throws JsonInputException {
        JsonTree.Node root = JsonTree.parse(json, source);
        Environment env = new EnvironmentBinder(source, extensions).bind(root);
        var problem = EnvironmentValidator.firstProblem(env);
        if (problem.isPresent()) {
            JsonTree.Node at = JsonTree.at(root, problem.get().path());
            throw new JsonInputException(
                    source,
                    at.line(),
                    at.column(),
                    problem.get().path(),
                    problem.get().message());
        }
        return base == null ? env : env.resolvedAgainst(base);
    }

    /** The JSON spelling of an enum constant in environment files ({@code pass-through}). */
    public static String jsonName(Enum<?> constant) {
        return JsonFields.jsonName(constant);
    }
}
