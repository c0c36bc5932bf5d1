/**
 * The product vocabulary: canonical product ids and the names articles use for them ({@link
 * io.kbsh.model.product.Products}).
 *
 * @since 2.0
 */
package io.kbsh.model.product;
