/**
 * The check SPI: {@link io.kbsh.rules.ArticleCheck}, what a plugin implements to recognise the situation of
 * one article in an environment, and {@link io.kbsh.rules.FixLevels}, evaluation of fix levels per release
 * line. Running checks and reporting are the application's.
 *
 * @since 2.0
 */
package io.kbsh.rules;
