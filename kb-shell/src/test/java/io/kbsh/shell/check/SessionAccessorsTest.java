package io.kbsh.shell.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kbsh.model.article.ArticleStore;
import io.kbsh.model.command.CommandContext;
import io.kbsh.model.command.CommandException;
import io.kbsh.model.env.Environment;
import io.kbsh.model.fact.EndpointFact;
import io.kbsh.model.fact.ProbeStatus;
import io.kbsh.model.finding.Waiver;
import io.kbsh.shell.env.EnvironmentReader;
import io.kbsh.shell.exec.ShellContext;
import io.kbsh.shell.exec.StreamIo;
import io.kbsh.shell.plugin.PluginSet;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The session through {@link CommandContext}'s typed accessors, as the shell gives it to plugin commands. */
class SessionAccessorsTest {

    @TempDir
    Path home;

    @Test
    void aCommandReadsTheSessionAndAddsFactsTheNextCheckSees() throws Exception {
        CheckSession session = new CheckSession();
        Path file = Path.of("../examples/site-healthy.json");
        Environment env = EnvironmentReader.read(file);
        session.load(file, env);
        Files.writeString(home.resolve("waivers.json"), """
                {"schemaVersion": 1, "waivers": [
                  {"article": "Q254909", "object": "server:AWWEST", "justification": "fixed by hand", "expires": "2099-12-31"}]}
                """);
        ArticleStore store = ArticleStore.empty();
        ShellSession shell = new ShellSession(session, new CheckEngine(PluginSet.empty()), () -> store);
        CommandContext context = new ShellContext(
                new StreamIo(new ByteArrayOutputStream(), new ByteArrayOutputStream(), StandardCharsets.UTF_8),
                home,
                home,
                false,
                shell);

        assertSame(env, context.environment().orElseThrow());
        assertEquals(
                List.of(new Waiver("Q254909", "server:AWWEST", "fixed by hand", LocalDate.of(2099, 12, 31))),
                context.waivers());
        assertSame(store, context.articles());
        assertTrue(context.facts().isEmpty());

        EndpointFact seen = new EndpointFact(
                "smtp",
                "awwest.adventure-works.example",
                25,
                ProbeStatus.OK,
                "greeting",
                Duration.ofMillis(12),
                Map.of(),
                Instant.parse("2026-12-01T22:00:00Z"));
        context.addFacts(List.of(seen));
        assertTrue(session.facts().all().contains(seen), "the session keeps what the command added");
        assertTrue(context.facts().all().contains(seen));

        Files.writeString(
                home.resolve("waivers.json"), "{\"schemaVersion\": 1, \"waivers\": [\n{\"article\": \"Q1\"}]}");
        CommandException broken = assertThrows(CommandException.class, context::waivers);
        assertTrue(broken.getMessage().contains("waivers.json:2:"), broken.getMessage());
    }

    @Test
    void withoutASessionTheAccessorsAreEmptyAndAddingIsRefused() throws Exception {
        CommandContext bare = new ShellContext(
                new StreamIo(new ByteArrayOutputStream(), new ByteArrayOutputStream(), StandardCharsets.UTF_8),
                home,
                home,
                false);
        assertTrue(bare.environment().isEmpty());
        assertTrue(bare.waivers().isEmpty());
        assertThrows(CommandException.class, () -> bare.addFacts(List.of()));
    }
}
