/**
 * Not API: kbsh's own helpers that several modules share (plugins must not use them; they change without
 * notice). {@link io.kbsh.model.internal.Limits} holds every size and length limit kbsh applies to what it
 * reads, in one place; {@link io.kbsh.model.internal.DataFiles} reads a data file within its limit.
 */
package io.kbsh.model.internal;
