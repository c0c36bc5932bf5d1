package io.kbsh.shell.ini;

import com.google.inject.AbstractModule;

/** Wires the {@code ini} commands and services into the shell. */
public final class IniModule extends AbstractModule {

    @Override
    protected void configure() {
    }
}
