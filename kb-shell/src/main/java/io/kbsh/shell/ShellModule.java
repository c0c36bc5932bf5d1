package io.kbsh.shell;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.name.Names;
import io.kbsh.model.command.ShellCommand;
import io.kbsh.shell.article.ArticleModule;
import io.kbsh.shell.builtin.ExitCommand;
import io.kbsh.shell.builtin.HelpCommand;
import io.kbsh.shell.builtin.PluginsCommand;
import io.kbsh.shell.builtin.VersionCommand;
import io.kbsh.shell.builtin.WhichCommand;
import io.kbsh.shell.check.CheckModule;
import io.kbsh.shell.exec.CommandRegistry;
import io.kbsh.shell.ini.IniModule;
import io.kbsh.shell.net.ProbeModule;
import io.kbsh.shell.plugin.Contributions;
import io.kbsh.shell.plugin.PluginSet;
import java.nio.file.Path;
import java.util.Set;

/**
 * The shell's object graph. Plugins never see Guice: what they contribute arrives through the
 * {@link PluginSet}, and the built-in commands of each area are bound in that area's module.
 */
final class ShellModule extends AbstractModule {

    private final PluginSet plugins;
    private final Path home;
    private final ShellResources resources;

    ShellModule(PluginSet plugins, Path home, ShellResources resources) {
        this.plugins = plugins;
        this.home = home;
        this.resources = resources;
    }

    @Override
    protected void configure() {
        bind(PluginSet.class).toInstance(plugins);
        bind(ShellResources.class).toInstance(resources);
        bind(Contributions.class).toInstance(plugins);
        bind(Path.class).annotatedWith(Names.named("kbsh.home")).toInstance(home);

        Multibinder<ShellCommand> commands = Multibinder.newSetBinder(binder(), ShellCommand.class);
        commands.addBinding().to(HelpCommand.class);
        commands.addBinding().toInstance(new VersionCommand());
        commands.addBinding().toInstance(ExitCommand.exit());
        commands.addBinding().toInstance(ExitCommand.quit());
        commands.addBinding().to(PluginsCommand.class);
        commands.addBinding().to(WhichCommand.class);
        commands.addBinding().to(io.kbsh.shell.rules.RulesCommand.class);

        install(new IniModule());
        install(new ProbeModule());
        install(new ArticleModule());
        install(new CheckModule());
        install(new io.kbsh.shell.troubleshoot.TroubleshootModule());
    }

    /** Built-in commands first, then the plugins'; a plugin whose command name is taken is refused. */
    @Provides
    @Singleton
    CommandRegistry commandRegistry(Set<ShellCommand> builtins, PluginSet plugins) {
        return CommandRegistry.build(builtins, plugins);
    }
}
