package io.kbsh.shell.net;

import com.google.inject.AbstractModule;

/** Wires the {@code net} commands and services into the shell. */
public final class ProbeModule extends AbstractModule {

    @Override
    protected void configure() {
    }
}
