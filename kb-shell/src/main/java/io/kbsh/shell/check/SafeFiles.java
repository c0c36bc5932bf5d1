package io.kbsh.shell.check;

import io.kbsh.ini.file.AtomicFileWriter;
import io.kbsh.ini.file.Backups;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Writes the files the check commands produce (JUnit XML, waivers) atomically, keeping a backup of the old one. */
final class SafeFiles {

    private SafeFiles() {
    }

    /** Writes {@code data} to {@code file}; returns the backup made of the previous content, if there was one. */
    static Optional<Path> write(Path file, byte[] data) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        AtomicFileWriter writer = new AtomicFileWriter();
        Optional<Path> backup = Optional.empty();
        if (Files.exists(file)) {
            backup = Optional.of(Backups.next(file));
            writer.write(backup.get(), Files.readAllBytes(file));
        }
        writer.write(file, data);
        return backup;
    }
}
