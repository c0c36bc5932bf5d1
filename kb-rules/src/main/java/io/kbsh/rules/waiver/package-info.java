/**
 * A waiver: an accepted finding that checks still see but reports set apart ({@link
 * io.kbsh.rules.waiver.Waiver}). Reading and writing the waiver file is the application's.
 *
 * @since 2.0
 */
package io.kbsh.rules.waiver;
