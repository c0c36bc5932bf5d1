package io.kbsh.shell.troubleshoot;

import io.kbsh.model.article.ArticleId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A step-by-step troubleshooting procedure written from an article ({@code docs/procedures.md}): the
 * values it needs (addresses, ports), and steps that either ask a person a yes/no question or run a probe
 * for them; every branch goes on to another step or ends in a finding that names the articles to read.
 *
 * @param source where it was read from, for messages ({@code Q319881.json}, a file a person gave)
 */
public record Procedure(
        ArticleId article,
        String title,
        String summary,
        List<Input> inputs,
        String start,
        Map<String, Step> steps,
        String source) {

    public Procedure {
        Objects.requireNonNull(article, "article");
        inputs = List.copyOf(inputs);
        steps = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(steps));
    }

    /** A value the procedure's probes need, asked once ({@code proxy-external}: the proxy's public address). */
    public record Input(String name, String question, Optional<String> defaultValue) {}

    /** One step: a question or a probe. */
    public sealed interface Step permits Question, ProbeStep {
        String id();

        /** The step's number as the article counts it, for the transcript. */
        int number();
    }

    /** A yes/no question put to the person; {@code see} names the articles that explain how to find out. */
    public record Question(String id, int number, String text, List<ArticleId> see, Next yes, Next no)
            implements Step {}

    /**
     * A probe run for the person: {@code probe} ({@code smtp}, {@code tcp}) against {@code host}:{@code port}
     * (templates over the inputs); it passes when it connects and, when {@code greeting} is given, the greeting
     * matches it. {@code other} is where a connection whose greeting does not match goes (another service
     * answers), {@code fail} where no connection goes.
     */
    public record ProbeStep(
            String id,
            int number,
            String text,
            String probe,
            String host,
            String port,
            Optional<java.util.regex.Pattern> greeting,
            Next pass,
            Next other,
            Next fail)
            implements Step {}

    /** Where a branch leads: the next step, or the end with a finding. */
    public sealed interface Next permits GoTo, Finding {}

    public record GoTo(String step) implements Next {}

    /** The end of a branch: what was found (a template over the inputs and the last probe's evidence) and what to read. */
    public record Finding(String summary, List<ArticleId> see) implements Next {
        public Finding {
            see = List.copyOf(see);
        }
    }
}
