/**
 * Not API: how {@link io.kbsh.ini.file.PlanApplier} and {@link io.kbsh.ini.file.AtomicFileWriter} write.
 * Plugins must not use these types (the plugin class loader does not share them) and they change without
 * notice: {@link io.kbsh.ini.internal.WriteSteps} (the write, flush and rename seam tests fail on purpose),
 * {@link io.kbsh.ini.internal.AtomicReplace} (temporary file, flush, rename; orphans of killed writes),
 * {@link io.kbsh.ini.internal.WriteLock} (the OS lock on a sibling lock file that serialises writers of one
 * file, across processes) and {@link io.kbsh.ini.internal.Backups} (numbering, trust, undo steps, pruning).
 * kbsh's shell uses them for its own files (waivers, reports).
 */
package io.kbsh.ini.internal;
