package io.kbsh.shell.troubleshoot;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import io.kbsh.model.command.ShellCommand;

/** Wires the {@code troubleshoot} command into the shell. */
public final class TroubleshootModule extends AbstractModule {

    @Override
    protected void configure() {
        Multibinder.newSetBinder(binder(), ShellCommand.class).addBinding().to(TroubleshootCommand.class);
    }
}
