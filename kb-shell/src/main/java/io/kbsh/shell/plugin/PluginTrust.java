package io.kbsh.shell.plugin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Optional;
import java.util.Set;

/**
 * The plugins directory is a trust boundary, as ssh's StrictModes treats {@code ~/.ssh}: a plugin runs with
 * the user's rights, so a directory or JAR that someone else could have written is refused. On file systems
 * without POSIX attributes (Windows) the check is skipped.
 */
final class PluginTrust {

    private final String currentUser;

    PluginTrust(String currentUser) {
        this.currentUser = currentUser;
    }

    static PluginTrust forCurrentUser() {
        return new PluginTrust(System.getProperty("user.name"));
    }

    /** Why {@code path} must not be trusted, or empty when it may be. */
    Optional<String> distrust(Path path) throws IOException {
        PosixFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (UnsupportedOperationException e) {
            return Optional.empty();
        }
        String kind = attributes.isDirectory() ? "directory" : "file";
        Set<PosixFilePermission> permissions = attributes.permissions();
        if (permissions.contains(PosixFilePermission.GROUP_WRITE) || permissions.contains(PosixFilePermission.OTHERS_WRITE)) {
            return Optional.of("refused: the " + kind + " is writable by "
                    + (permissions.contains(PosixFilePermission.OTHERS_WRITE) ? "others" : "its group")
                    + " (chmod go-w " + path + ")");
        }
        String owner = attributes.owner().getName();
        if (!owner.equals(currentUser) && !owner.equals("root")) {
            return Optional.of("refused: the " + kind + " is owned by " + owner + ", not by " + currentUser + " or root");
        }
        return Optional.empty();
    }
}
