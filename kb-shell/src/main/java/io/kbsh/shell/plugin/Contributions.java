package io.kbsh.shell.plugin;

import java.util.List;

/**
 * Everything the loaded plugins (and the application class path) contribute, by SPI type: commands,
 * checks, INI writers, probes.
 */
public interface Contributions {

    <T> List<Contribution<T>> of(Class<T> spi);
}
