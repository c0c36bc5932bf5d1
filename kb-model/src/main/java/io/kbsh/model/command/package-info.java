/**
 * The shell-command SPI: plain Java, no JLine. A command names itself, declares its options, and runs
 * against a {@link io.kbsh.model.command.CommandContext}.
 */
package io.kbsh.model.command;
