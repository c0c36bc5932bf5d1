package io.kbsh.shell.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kbsh.model.command.CommandContext;
import io.kbsh.model.env.Connector;
import io.kbsh.model.env.ConnectorType;
import io.kbsh.model.env.Environment;
import io.kbsh.model.env.Server;
import io.kbsh.model.plugin.ApiVersion;
import io.kbsh.model.version.ReleaseLevel;
import io.kbsh.shell.plugin.PluginLoader;
import io.kbsh.shell.plugin.PluginSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.Mockito;

/** Tab after {@code rules explain ARTICLE} offers the objects the rule is evaluated for, from the loaded environment. */
class RulesCompletionTest {

    @TempDir
    Path dir;

    private static String rule(String article, String kind) {
        return "article: " + article + "\ntitle: t\nsummary: s\nfor: " + kind
                + "\noutcomes:\n  - severity: info\n    summary: s\n";
    }

    @Test
    void explainOffersTheObjectsOfTheRulesKind() throws Exception {
        Path pack = Files.createDirectories(dir.resolve("plugins/completion"));
        Files.writeString(pack.resolve("kbsh-pack.yaml"), "id: completion\nname: C\nversion: 1.0.0\nformat: 1\n");
        Files.writeString(pack.resolve("Q900040.yaml"), rule("Q900040", "server"));
        Files.writeString(pack.resolve("Q900041.yaml"), rule("Q900041", "connector"));
        PluginSet plugins = new PluginLoader(ApiVersion.current()).load(List.of(dir.resolve("plugins")));
        assertEquals(List.of(), plugins.failures());
        RulesCommand rules = new RulesCommand(plugins);

        Environment env = Environment.builder()
                .server(Server.builder("EX1", ReleaseLevel.parse("5.5")).build())
                .server(Server.builder("EX2", ReleaseLevel.parse("5.5")).build())
                .connector(Connector.builder("x400", ConnectorType.X400, "EX1").build())
                .build();
        // The one seam: what the shell's session has loaded.
        CommandContext context = Mockito.mock(CommandContext.class);
        Mockito.when(context.environment()).thenReturn(Optional.of(env));

        assertEquals(List.of("server:EX1", "server:EX2"), rules.candidates(context, List.of("explain", "Q900040")));
        assertEquals(List.of("connector:x400"), rules.candidates(context, List.of("explain", "q900041")));
        assertEquals(List.of(), rules.candidates(context, List.of("explain", "Q123456")), "no rule for it");
        assertEquals(List.of(), rules.candidates(context, List.of("show", "Q900040")), "show takes no object");

        CommandContext none = Mockito.mock(CommandContext.class);
        Mockito.when(none.environment()).thenReturn(Optional.empty());
        assertEquals(List.of(), rules.candidates(none, List.of("explain", "Q900040")), "no environment loaded");
    }
}
