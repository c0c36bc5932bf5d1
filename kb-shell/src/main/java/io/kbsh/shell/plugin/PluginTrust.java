package io.kbsh.shell.plugin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Optional;
import java.util.Set;

/**
 * The plugins directory is a trust boundary, as ssh's StrictModes treats {@code ~/.ssh}: a plugin runs with
 * the user's rights, so a directory or JAR that someone else could have written is refused — and so is one
 * below a directory someone else could write to (they could swap it), up to the root. A directory that is
 * writable by others but owned by root and sticky ({@code /tmp}) is fine: nobody can replace what is in
 * it. A symbolic link is followed: what counts is its target (and the target's directories), and a refusal
 * says which target it checked. On file systems without POSIX attributes (Windows) the check is skipped.
 *
 * <p>Thread safety: immutable.
 */
final class PluginTrust {

    private final String currentUser;

    /** {@code currentUser} is a seam for tests: kbsh's tests run as root, who may own everything. */
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
        if (attributes.isSymbolicLink()) {
            Path target;
            try {
                target = path.toRealPath();
            } catch (NoSuchFileException e) {
                return Optional.of(
                        "refused: it is a link to " + Files.readSymbolicLink(path) + ", which does not exist");
            }
            Optional<String> why = modes(
                    target, Files.readAttributes(target, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS), false);
            if (why.isEmpty()) {
                why = ancestors(target);
            }
            return why.map(w -> "refused: it is a link to " + target + ", and " + w);
        }
        Optional<String> why = modes(path, attributes, false);
        if (why.isEmpty()) {
            why = ancestors(path.toRealPath());
        }
        return why.map(w -> "refused: " + w);
    }

    /** The first directory above {@code real} (a path without links) that someone else could write to. */
    private Optional<String> ancestors(Path real) throws IOException {
        for (Path dir = real.getParent(); dir != null; dir = dir.getParent()) {
            Optional<String> why =
                    modes(dir, Files.readAttributes(dir, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS), true);
            if (why.isPresent()) {
                return why;
            }
        }
        return Optional.empty();
    }

    private Optional<String> modes(Path path, PosixFileAttributes attributes, boolean parent) {
        String kind = (parent ? "its parent " : "the ")
                + (attributes.isDirectory() ? "directory" : "file")
                + (parent ? " " + path : "");
        Set<PosixFilePermission> permissions = attributes.permissions();
        String owner = attributes.owner().getName();
        boolean groupWrite = permissions.contains(PosixFilePermission.GROUP_WRITE);
        boolean otherWrite = permissions.contains(PosixFilePermission.OTHERS_WRITE);
        if ((groupWrite || otherWrite) && !(parent && owner.equals("root") && sticky(path))) {
            return Optional.of(
                    kind + " is writable by " + (otherWrite ? "others" : "its group") + " (chmod go-w " + path + ")");
        }
        if (!owner.equals(currentUser) && !owner.equals("root")) {
            return Optional.of(kind + " is owned by " + owner + ", not by " + currentUser + " or root");
        }
        return Optional.empty();
    }

    /** The sticky bit, which java.nio does not expose: read through the "unix" attribute view where there is one. */
    private static boolean sticky(Path dir) {
        try {
            Object mode = Files.getAttribute(dir, "unix:mode", LinkOption.NOFOLLOW_LINKS);
            return mode instanceof Integer m && (m & 01000) != 0;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false;
        }
    }
}
