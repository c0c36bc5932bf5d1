package io.kbsh.ini.file;

import io.kbsh.ini.internal.WriteLock;
import java.nio.file.Path;

/** Run in a separate JVM by tests: holds the write lock of {@code args[0]}, says so, and keeps it until its input ends. */
public final class LockHolder {

    private LockHolder() {}

    public static void main(String[] args) throws Exception {
        try (WriteLock lock = WriteLock.tryAcquire(Path.of(args[0]))) {
            System.out.println("locked");
            System.out.flush();
            while (System.in.read() >= 0) {
                // Hold the lock until the test closes our input (or dies, which closes it too).
            }
        }
    }
}
