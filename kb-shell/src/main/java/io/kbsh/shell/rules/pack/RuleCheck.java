package io.kbsh.shell.rules.pack;

import io.kbsh.model.article.ArticleBrief;
import io.kbsh.model.article.ArticleStore;
import io.kbsh.model.env.Environment;
import io.kbsh.model.fact.Facts;
import io.kbsh.model.finding.Finding;
import io.kbsh.rules.ArticleCheck;
import io.kbsh.shell.rules.eval.CompiledRule;
import java.util.List;

/** A rule as a check beside the Java plugins' checks: the same runner, reports and waivers. */
public final class RuleCheck implements ArticleCheck {

    private final LazyRule rule;

    public RuleCheck(LazyRule rule) {
        this.rule = rule;
    }

    public RuleCheck(CompiledRule rule) {
        this(LazyRule.of(rule));
    }

    public LazyRule rule() {
        return rule;
    }

    @Override
    public ArticleBrief article() {
        return rule.brief();
    }

    @Override
    public List<Finding> evaluate(Environment environment, Facts facts, ArticleStore knowledge) {
        return rule.compiled().evaluate(environment, facts, knowledge);
    }

    @Override
    public String toString() {
        return "rule " + rule.article() + " (" + rule.source() + ")";
    }
}
