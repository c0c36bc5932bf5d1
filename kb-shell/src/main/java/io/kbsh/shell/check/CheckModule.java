package io.kbsh.shell.check;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import io.kbsh.model.command.ShellCommand;

/** Wires the {@code env}, {@code check}, {@code diagnose}, {@code fix} and {@code waive} commands into the shell. */
public final class CheckModule extends AbstractModule {

    @Override
    protected void configure() {
        Multibinder<ShellCommand> commands = Multibinder.newSetBinder(binder(), ShellCommand.class);
        commands.addBinding().to(EnvCommand.class);
        commands.addBinding().to(CheckCommand.class);
        commands.addBinding().to(DiagnoseCommand.class);
        commands.addBinding().to(FixCommand.class);
        commands.addBinding().to(WaiveCommand.class);
        commands.addBinding().to(ReportCommand.class);
    }
}
