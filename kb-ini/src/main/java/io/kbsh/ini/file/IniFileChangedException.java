package io.kbsh.ini.file;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The file no longer holds what the plan was made from; nothing was written.
 *
 * @since 2.0
 */
public final class IniFileChangedException extends IOException {

    private static final long serialVersionUID = 1L;

    public IniFileChangedException(Path file) {
        super(file + " changed since it was read; nothing was written (plan again and review the new diff)");
    }
}
