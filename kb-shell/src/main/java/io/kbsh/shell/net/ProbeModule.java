package io.kbsh.shell.net;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import io.kbsh.model.command.ShellCommand;

/** Wires the {@code net} commands and services into the shell. */
public final class ProbeModule extends AbstractModule {

    @Override
    protected void configure() {
        Multibinder.newSetBinder(binder(), ShellCommand.class).addBinding().to(ProbeCommand.class);
    }
}
