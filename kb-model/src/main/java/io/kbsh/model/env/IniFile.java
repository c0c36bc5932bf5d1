package io.kbsh.model.env;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * An INI file of a server: where it lives on the server (a Windows path, kept as data) and, optionally, a
 * copy collected from the server. In JSON the copy is relative to the environment file; after loading it
 * is resolved.
 *
 * @param serverPath the Windows path on the server, e.g. {@code C:\Mspclnt\Mspclnt.ini}
 * @param localCopy the collected copy, when there is one
 * @since 2.0
 */
public record IniFile(String serverPath, Optional<Path> localCopy) {

    public IniFile {
        Objects.requireNonNull(serverPath, "serverPath");
        Objects.requireNonNull(localCopy, "localCopy");
    }

    /** A file known on the server, with no collected copy. */
    public IniFile(String serverPath) {
        this(serverPath, Optional.empty());
    }

    /** A file and its collected copy. */
    public IniFile(String serverPath, Path localCopy) {
        this(serverPath, Optional.of(localCopy));
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

    IniFile resolvedAgainst(Path base) {
        return localCopy.isEmpty() || base == null
                ? this
                : new IniFile(serverPath, base.resolve(localCopy.get()).normalize());
    }
}
