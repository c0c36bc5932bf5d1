/**
 * The article model as checks and commands see it: {@link io.kbsh.model.article.Article} (id, title,
 * applies-to, sections, cited articles), fix levels, and {@link io.kbsh.model.article.ArticleStore}, the
 * store a shell or library user asks (find, search, cited-by, fix levels, open bugs). The parsers that make
 * articles are the application's, not API.
 *
 * @since 2.0
 */
package io.kbsh.model.article;
