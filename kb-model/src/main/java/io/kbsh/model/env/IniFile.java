package io.kbsh.model.env;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * An INI file of a server: where it lives on the server (a Windows path, kept as data) and, optionally, a
 * copy collected from the server. In JSON the copy is relative to the environment file; after loading it
 * is resolved.
 *
 * @since 2.0
 */
public record IniFile(@JsonProperty(required = true) String serverPath, Path localCopy) {

    public IniFile {
        Objects.requireNonNull(serverPath, "serverPath");
    }

    /** The file name part of the server path, e.g. {@code Mspclnt.ini}. */
    public String fileName() {
        int cut = Math.max(serverPath.lastIndexOf('\\'), serverPath.lastIndexOf('/'));
        return serverPath.substring(cut + 1);
    }

    /** The server directory, without the trailing backslash. */
    public String serverDirectory() {
        int cut = Math.max(serverPath.lastIndexOf('\\'), serverPath.lastIndexOf('/'));
        return cut < 0 ? "" : serverPath.substring(0, cut);
    }

    /**
     * True when the file's name is {@code name}, compared the way Windows compares file names: character by
     * character after upper-casing each one (no locale, no expansions such as ß to SS).
     */
    public boolean named(String name) {
        String own = fileName();
        if (own.length() != name.length()) {
            return false;
        }
        for (int i = 0; i < own.length(); i++) {
            if (Character.toUpperCase(own.charAt(i)) != Character.toUpperCase(name.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    public Optional<Path> copy() {
        return Optional.ofNullable(localCopy);
    }

    IniFile resolvedAgainst(Path base) {
        return localCopy == null || base == null ? this : new IniFile(serverPath, base.resolve(localCopy).normalize());
    }
}
