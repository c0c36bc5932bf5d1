package io.kbsh.shell.ini;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import io.kbsh.model.command.ShellCommand;

/** Wires the {@code ini} commands and services into the shell. */
public final class IniModule extends AbstractModule {

    @Override
    protected void configure() {
        Multibinder.newSetBinder(binder(), ShellCommand.class).addBinding().to(IniCommand.class);
    }
}
