/**
 * Registry exports ({@code .reg} files) as Regedit writes and reads them: a lossless
 * {@link io.kbsh.ini.reg.RegDocument} for both {@code REGEDIT4} (ANSI) and {@code Windows Registry Editor
 * Version 5.00} (UTF-16LE) files, typed values, the state an import would leave, and
 * {@link io.kbsh.ini.reg.RegFileBuilder} for writing a {@code .reg} file a person imports with Regedit —
 * how kbsh hands over a registry change it must not make itself.
 *
 * @since 2.1
 */
package io.kbsh.ini.reg;
