/**
 * Lossless Windows INI documents: {@link io.kbsh.ini.document.IniDocument} reads a file (encoding, BOM,
 * line endings, comments and odd lines kept byte for byte), answers lookups as {@code
 * GetPrivateProfileString} does and edits as {@code WritePrivateProfileString} does.
 *
 * @since 2.0
 */
package io.kbsh.ini.document;
