/**
 * The one output layer between every command and the person reading it: it knows the terminal (width,
 * colour), shows control characters from files, articles, probe replies and environments escaped
 * ({@link io.kbsh.shell.output.ControlChars}), wraps lines at word boundaries to the terminal's width
 * ({@link io.kbsh.shell.output.TextWrap}) and colours severities, statuses and diffs
 * ({@link io.kbsh.shell.output.Highlighter}). Commands write plain text; {@link io.kbsh.shell.output.ScreenWriter}
 * does the rest, so plugin commands get the same treatment as built-in ones.
 */
package io.kbsh.shell.output;
