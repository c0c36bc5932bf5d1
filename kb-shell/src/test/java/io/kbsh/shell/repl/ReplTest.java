package io.kbsh.shell.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kbsh.model.article.ArticleBrief;
import io.kbsh.model.article.ArticleId;
import io.kbsh.model.article.ArticleStore;
import io.kbsh.model.command.CommandContext;
import io.kbsh.model.command.ShellCommand;
import io.kbsh.model.env.Environment;
import io.kbsh.model.env.Server;
import io.kbsh.model.fact.Facts;
import io.kbsh.model.finding.Finding;
import io.kbsh.model.version.ReleaseLevel;
import io.kbsh.rules.ArticleCheck;
import io.kbsh.shell.builtin.ExitCommand;
import io.kbsh.shell.builtin.VersionCommand;
import io.kbsh.shell.check.CheckCommand;
import io.kbsh.shell.check.CheckEngine;
import io.kbsh.shell.check.CheckSession;
import io.kbsh.shell.exec.CommandRegistry;
import io.kbsh.shell.exec.ShellContext;
import io.kbsh.shell.plugin.Contribution;
import io.kbsh.shell.plugin.Contributions;
import io.kbsh.shell.plugin.PluginSet;
import java.io.ByteArrayOutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.ExternalTerminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The REPL on a terminal whose keyboard is this test: Ctrl-C, Ctrl-D, history, exit. */
class ReplTest {

    @TempDir
    Path home;

    private final CountDownLatch blocking = new CountDownLatch(1);

    /** Blocks until interrupted, as a long probe or import would. */
    private final class BlockCommand implements ShellCommand {
        public String name() {
            return "block";
        }

        public String description() {
            return "wait until interrupted";
        }

        public String usage() {
            return "block";
        }

        public int run(CommandContext context, List<String> arguments) {
            blocking.countDown();
            try {
                Thread.sleep(TimeUnit.MINUTES.toMillis(5));
                return 0;
            } catch (InterruptedException e) {
                throw new IllegalStateException("stopped", e);
            }
        }
    }

    private record Session(
            PipedOutputStream keyboard, ByteArrayOutputStream screen, CompletableFuture<Integer> status) {
        /** Waits until the screen shows {@code text} {@code count} times. */
        void await(String text, int count) throws Exception {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (screen.toString(StandardCharsets.UTF_8).split(java.util.regex.Pattern.quote(text), -1).length - 1
                    < count) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("'" + text + "' not shown " + count + " time(s) in: " + screen);
                }
                java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
            }
        }

        void type(String keys) throws Exception {
            keyboard.write(keys.getBytes(StandardCharsets.UTF_8));
            keyboard.flush();
        }
    }

    private Session start(ShellCommand... more) throws Exception {
        PipedOutputStream keyboard = new PipedOutputStream();
        PipedInputStream in = new PipedInputStream(keyboard, 4096);
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        Terminal terminal = new ExternalTerminal("test", "xterm", in, screen, StandardCharsets.UTF_8);
        terminal.setSize(new Size(200, 50));
        List<ShellCommand> commands =
                new java.util.ArrayList<>(List.of(new BlockCommand(), new VersionCommand(), ExitCommand.exit()));
        commands.addAll(List.of(more));
        CommandRegistry registry = CommandRegistry.build(commands, PluginSet.empty());
        CompletableFuture<Integer> status = CompletableFuture.supplyAsync(() -> {
            try (terminal) {
                return Repl.run(
                        terminal, registry, home, Optional.empty(), io -> new ShellContext(io, home, home, false));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        return new Session(keyboard, screen, status);
    }

    @Test
    void ctrlCInterruptsTheRunningCommandAndTheShellGoesOn() throws Exception {
        Session s = start();
        s.type("block\r");
        assertTrue(blocking.await(30, TimeUnit.SECONDS), "the command started");
        s.type("\u0003");
        s.type("version\r");
        s.type("exit 3\r");

        assertEquals(3, s.status().get(30, TimeUnit.SECONDS));
        String screen = s.screen().toString(StandardCharsets.UTF_8);
        assertTrue(screen.contains("block: interrupted"), screen);
        assertTrue(screen.indexOf("kbsh dev (API") > screen.indexOf("block: interrupted"), screen);
    }

    @Test
    void ctrlCAbandonsTheLineBeingTypedAndCtrlDLeaves() throws Exception {
        Session s = start();
        s.await(Repl.PROMPT, 1);
        s.type("exit 9");
        // The terminal raises Ctrl-C as soon as the key arrives: let the line reader take the text first.
        // (The argument hint is drawn after "exit ", so the 9 comes on its own in the stream.)
        s.await("9", 1);
        s.type("\u0003");
        // After Ctrl-C the shell prompts afresh; only then is the next key for a new line.
        s.await(Repl.PROMPT, 2);
        s.type("version\r");
        s.await("kbsh dev (API", 1);
        s.type("\u0004");

        assertEquals(0, s.status().get(30, TimeUnit.SECONDS), "the abandoned 'exit 9' never ran");
        assertTrue(s.screen().toString(StandardCharsets.UTF_8).contains("kbsh dev (API"));
        List<String> history = Files.readAllLines(home.resolve("history"));
        assertTrue(history.get(history.size() - 1).endsWith(":version"), history.toString());
    }

    @Test
    void ctrlCCancelsACheckInAnEndlessLoopThatIgnoresInterruptionAndThePromptComesBack() throws Exception {
        CountDownLatch looping = new CountDownLatch(1);
        AtomicBoolean release = new AtomicBoolean();
        ArticleCheck endless = new ArticleCheck() {
            public ArticleBrief article() {
                return new ArticleBrief(new ArticleId(1009), "endless", List.of(), "never returns");
            }

            public List<Finding> evaluate(Environment environment, Facts facts, ArticleStore knowledge) {
                looping.countDown();
                while (!release.get()) {
                    Thread.interrupted();
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
                }
                return List.of();
            }
        };
        Contributions contributions = new Contributions() {
            @Override
            public <T> List<Contribution<T>> of(Class<T> spi) {
                return spi == ArticleCheck.class
                        ? List.of(new Contribution<>(Optional.empty(), spi.cast(endless)))
                        : List.of();
            }
        };
        CheckSession session = new CheckSession();
        session.load(
                home.resolve("env.json"),
                Environment.builder()
                        .organisation("t")
                        .server(Server.builder("S1", ReleaseLevel.parse("5.5")).build())
                        .build());
        Session s = start(new CheckCommand(session, new CheckEngine(contributions)));
        try {
            s.type("check\r");
            assertTrue(looping.await(30, TimeUnit.SECONDS), "the check started");
            s.type("\u0003");
            s.await("check failed: Q1009 (plugin builtin): cancelled (interrupted); it ignores interruption", 1);
            s.type("version\r");
            s.type("exit 3\r");

            assertEquals(3, s.status().get(30, TimeUnit.SECONDS), "the shell went on after the cancelled check");
            String screen = s.screen().toString(StandardCharsets.UTF_8);
            assertTrue(screen.indexOf("kbsh dev (API") > screen.indexOf("check failed: Q1009"), screen);
        } finally {
            release.set(true);
        }
    }
}
