package io.kbsh.shell.env;

import io.kbsh.model.env.Environment;
import io.kbsh.model.env.IniFile;
import io.kbsh.model.env.Server;
import io.kbsh.model.internal.DataFiles;
import io.kbsh.model.internal.Limits;
import io.kbsh.shell.json.JsonInputException;
import io.kbsh.shell.json.StrictJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads an environment file: JSON bound strictly, then checked for impossible values (a port of 70000,
 * Exchange "9.9", a connector on a server that does not exist). Every problem is reported as a
 * {@link JsonInputException} naming file, line, column and field path. Collected INI copies are resolved
 * against the file's directory and must stay inside it (or inside a folder the user names): a copy is
 * written by {@code fix apply}, so an environment file must not be able to point it at any file on the
 * machine. The file itself must be a regular file of at most {@link Limits#ENVIRONMENT_BYTES}.
 */
public final class EnvironmentReader {

    private EnvironmentReader() {
    }

    public static Environment read(Path file) throws IOException, JsonInputException {
        return read(file, List.of());
    }

    /**
     * Reads {@code file}; its collected copies may be inside its own folder or inside one of
     * {@code copyFolders}, and any other is refused at its {@code localCopy} field.
     */
    public static Environment read(Path file, List<Path> copyFolders) throws IOException, JsonInputException {
        Path absolute = file.toAbsolutePath().normalize();
        byte[] content = DataFiles.read(absolute, Limits.ENVIRONMENT_BYTES, "an environment file");
        Path base = absolute.getParent();
        Environment env = parse(content, file.toString(), base);
        List<Path> roots = copyRoots(absolute, copyFolders);
        for (int i = 0; i < env.servers().size(); i++) {
            Server server = env.servers().get(i);
            for (int j = 0; j < server.iniFiles().size(); j++) {
                IniFile ini = server.iniFiles().get(j);
                Optional<String> problem = ini.copy().isPresent() ? outside(ini.copy().get(), roots) : Optional.empty();
                if (problem.isPresent()) {
                    throw StrictJson.problemAt(content, file.toString(),
                            "servers[" + i + "].iniFiles[" + j + "].localCopy", problem.get());
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
                + (roots.size() > 1 ? " or " + String.join(", ", roots.subList(1, roots.size()).stream()
                        .map(Path::toString).toList()) : " (or a folder named with env load --copies DIR)");
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
    public static Environment parse(byte[] json, String source, Path base) throws JsonInputException {
        Environment env = StrictJson.read(json, source, Environment.class);
        var problem = EnvironmentValidator.firstProblem(env);
        if (problem.isPresent()) {
            throw StrictJson.problemAt(json, source, problem.get().path(), problem.get().message());
        }
        return base == null ? env : env.resolvedAgainst(base);
    }
}
