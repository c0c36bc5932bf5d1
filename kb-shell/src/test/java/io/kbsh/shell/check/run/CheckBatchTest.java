package io.kbsh.shell.check.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kbsh.model.article.ArticleBrief;
import io.kbsh.model.article.ArticleId;
import io.kbsh.model.article.ArticleStore;
import io.kbsh.model.env.Environment;
import io.kbsh.model.fact.Facts;
import io.kbsh.model.finding.Finding;
import io.kbsh.model.finding.ObjectRef;
import io.kbsh.model.finding.Severity;
import io.kbsh.rules.ArticleCheck;
import io.kbsh.shell.check.waiver.Waivers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The run's workers: side by side, over many environments, and what happens when one is stuck or cancelled. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CheckBatchTest {

    static final Waivers NONE = Waivers.none();

    /** A check for article {@code id} whose body is {@code body}. */
    static ArticleCheck check(int id, Body body) {
        ArticleBrief brief = new ArticleBrief(new ArticleId(id), "test article " + id, List.of(), "test");
        return new ArticleCheck() {
            @Override
            public ArticleBrief article() {
                return brief;
            }

            @Override
            public List<Finding> evaluate(Environment env, Facts facts, ArticleStore knowledge) {
                try {
                    return body.evaluate(env);
                } catch (InterruptedException e) {
                    throw new IllegalStateException("interrupted", e);
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        };
    }

    interface Body {
        List<Finding> evaluate(Environment env) throws Exception;
    }

    static List<Finding> found(int article, Environment env) {
        return List.of(Finding.builder(new ArticleId(article), Severity.WARNING, "seen in " + env.organisation())
                .affects(new ObjectRef("site", env.organisation()))
                .build());
    }

    static List<PluginCheck> plugin(ArticleCheck... checks) {
        return java.util.Arrays.stream(checks)
                .map(c -> PluginCheck.of("test-plugin", c))
                .toList();
    }

    static List<String> lines(CheckReport r) {
        List<String> out = new ArrayList<>();
        r.outcomes()
                .forEach(o -> out.add(o.finding().article() + " " + o.finding().summary()));
        r.failures().forEach(f -> out.add(f.describe()));
        return out;
    }

    @Test
    void aRunOverManyEnvironmentsReportsEachAsItsOwnRunWould() {
        List<Environment> envs = new ArrayList<>();
        // More than CheckRunner makes reports for on one thread: the reports made in parallel keep their order.
        for (int i = 0; i < 300; i++) {
            envs.add(Environment.builder().organisation("org" + i).build());
        }
        List<PluginCheck> checks = plugin(
                check(2001, env -> found(2001, env)),
                check(2002, env -> {
                    if (env.organisation().endsWith("7")) {
                        throw new IllegalStateException("boom in " + env.organisation());
                    }
                    return List.of();
                }),
                check(2003, env -> env.organisation().length() % 2 == 0 ? found(2003, env) : List.of()));
        CheckRunner runner = new CheckRunner(Duration.ofSeconds(10), 2);

        List<CheckReport> together =
                runner.run(checks, envs, Facts.none(), ArticleStore.empty(), NONE, CheckRunnerTest.TODAY);

        assertEquals(envs.size(), together.size());
        for (int i = 0; i < envs.size(); i++) {
            CheckReport alone =
                    runner.run(checks, envs.get(i), Facts.none(), ArticleStore.empty(), NONE, CheckRunnerTest.TODAY);
            assertEquals(lines(alone), lines(together.get(i)), "environment " + i);
            assertEquals(List.of("Q2001", "Q2002", "Q2003"), together.get(i).articlesChecked());
        }
        assertEquals(
                "Q2002 (plugin test-plugin): IllegalStateException boom in org17",
                together.get(17).failures().get(0).describe());
    }

    @Test
    void checksRunSideBySideOnAsManyWorkersAsAsked() {
        // Each check waits for the other: they both answer only if they run at the same time.
        CyclicBarrier both = new CyclicBarrier(2);
        Body meet = env -> {
            both.await(30, TimeUnit.SECONDS);
            return found(2011, env);
        };
        List<PluginCheck> checks = plugin(check(2011, meet), check(2012, meet));
        Environment env = Environment.builder().organisation("side").build();

        CheckReport r = new CheckRunner(Duration.ofSeconds(40), 2)
                .run(checks, env, Facts.none(), ArticleStore.empty(), NONE, CheckRunnerTest.TODAY);

        assertEquals(List.of(), r.failures());
        assertEquals(2, r.outcomes().size());
    }

    @Test
    void aStuckCheckIsLeftBehindAndTheRestOfItsEnvironmentIsRunByAnotherWorker() {
        AtomicBoolean release = new AtomicBoolean();
        Body stuckOnOrg3 = env -> {
            while (env.organisation().equals("org3") && !release.get()) {
                Thread.interrupted(); // ignores interruption
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
            }
            return List.of();
        };
        List<PluginCheck> checks = plugin(check(2021, stuckOnOrg3), check(2022, env -> found(2022, env)));
        List<Environment> envs = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            envs.add(Environment.builder().organisation("org" + i).build());
        }
        try {
            List<CheckReport> reports = new CheckRunner(Duration.ofMillis(200), 2)
                    .run(checks, envs, Facts.none(), ArticleStore.empty(), NONE, CheckRunnerTest.TODAY);

            for (int i = 0; i < envs.size(); i++) {
                CheckReport r = reports.get(i);
                assertEquals(
                        List.of("Q2022 seen in org" + i),
                        r.outcomes().stream()
                                .map(o -> o.finding().article() + " "
                                        + o.finding().summary())
                                .toList(),
                        "the second check of org" + i + " ran");
                if (i == 3) {
                    CheckFailure f = r.failures().get(0);
                    assertEquals(CheckFailure.Kind.TIMED_OUT, f.kind());
                    assertTrue(
                            f.message()
                                    .matches("timed out after 0\\.2 s; it ignores interruption, so its thread"
                                            + " 'kbsh-check-\\d+' is left running \\(a daemon: it ends with kbsh\\)"),
                            f.message());
                } else {
                    assertEquals(List.of(), r.failures(), "org" + i);
                }
            }
        } finally {
            release.set(true);
        }
    }

    @Test
    void anInterruptCancelsEveryRunningCheckAndTheRestAreNotRun() throws Exception {
        CountDownLatch started = new CountDownLatch(2);
        Body sleeper = env -> {
            started.countDown();
            Thread.sleep(TimeUnit.MINUTES.toMillis(5));
            return List.of();
        };
        List<PluginCheck> checks =
                plugin(check(2031, sleeper), check(2032, sleeper), check(2033, env -> found(2033, env)));
        Environment env = Environment.builder().organisation("cancelled").build();
        AtomicReference<CheckReport> report = new AtomicReference<>();
        Thread caller = new Thread(() -> report.set(new CheckRunner(Duration.ofMinutes(10), 2)
                .run(checks, env, Facts.none(), ArticleStore.empty(), NONE, CheckRunnerTest.TODAY)));
        caller.start();
        assertTrue(started.await(30, TimeUnit.SECONDS), "both sleepers started");

        caller.interrupt();
        caller.join(TimeUnit.SECONDS.toMillis(30));

        CheckReport r = report.get();
        assertTrue(r.cancelled());
        assertEquals(
                List.of(
                        "Q2031 (plugin test-plugin): cancelled (interrupted); it stopped when interrupted",
                        "Q2032 (plugin test-plugin): cancelled (interrupted); it stopped when interrupted",
                        "Q2033 (plugin test-plugin): not run: cancelled (interrupted)"),
                r.failures().stream().map(CheckFailure::describe).toList());
        assertEquals(List.of(), r.outcomes());
    }
}
