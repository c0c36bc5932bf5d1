package io.kbsh.model.env;

/**
 * The registry value types the articles use. In JSON {@code "sz"}, {@code "expand-sz"}, {@code "multi-sz"},
 * {@code "dword"}, {@code "qword"}, {@code "binary"}.
 *
 * @since 2.1
 */
public enum RegistryType {
    SZ,
    EXPAND_SZ,
    MULTI_SZ,
    DWORD,
    QWORD,
    BINARY
}
