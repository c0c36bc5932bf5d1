/**
 * Release levels (release line plus service pack) and their order: {@link
 * io.kbsh.model.version.ReleaseLevel}.
 *
 * @since 2.0
 */
package io.kbsh.model.version;
