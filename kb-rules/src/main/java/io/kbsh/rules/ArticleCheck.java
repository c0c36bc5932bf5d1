package io.kbsh.rules;

import io.kbsh.model.article.ArticleBrief;

/** A check that recognises an article's situation in an environment. (SPI; grows here.) */
public interface ArticleCheck {

    /** The article this check encodes. */
    ArticleBrief article();
}
