package io.kbsh.rules;

import io.kbsh.model.article.ArticleBrief;
import io.kbsh.model.article.ArticleStore;
import io.kbsh.model.env.Environment;
import io.kbsh.model.fact.Facts;
import io.kbsh.model.finding.Finding;
import java.util.List;

/**
 * A check that recognises an article's situation in an environment. Plugins list implementations in
 * {@code META-INF/services/io.kbsh.rules.ArticleCheck}; they need a public no-argument constructor.
 *
 * <p>Checks are pure: they read the environment (and the collected INI copies it points to), the facts
 * probes produced and the article store, and return findings. They never run probes themselves; a
 * finding lists the probes ({@link Finding#probes()}) that would confirm or sharpen it, and the shell runs
 * them only when asked ({@code diagnose}, {@code check --probe}) and evaluates again with their facts.
 *
 * <p>Being pure, a check may be evaluated on several threads at once: beside other checks, and beside itself
 * for another environment. Keep no state of one evaluation in fields.
 *
 * @since 2.0
 */
public interface ArticleCheck {

    /** The article this check encodes: id, title, the products and versions it applies to. */
    ArticleBrief article();

    /**
     * Findings for {@code environment}; empty when the article does not apply.
     *
     * @param facts what probes found so far (possibly none)
     * @param knowledge the article store; its {@code fixedIn} wins over the plugin's own fix facts
     */
    List<Finding> evaluate(Environment environment, Facts facts, ArticleStore knowledge);
}
