package io.kbsh.shell.check;

import com.google.inject.AbstractModule;

/** Wires the {@code check} commands and services into the shell. */
public final class CheckModule extends AbstractModule {

    @Override
    protected void configure() {
    }
}
