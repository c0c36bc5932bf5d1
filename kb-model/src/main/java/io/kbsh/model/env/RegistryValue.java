package io.kbsh.model.env;

import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A registry value collected from a server (a {@code .reg} export, or typed in): its key, its name (empty
 * for the key's default value), its type and data. In JSON, under {@code collected[].registry}:
 * {@code {"key": "HKEY_LOCAL_MACHINE\\System\\CurrentControlSet\\Services\\MSExchangeDS\\Parameters\\...",
 * "name": "TCP/IP port", "type": "dword", "value": 4000}}; strings take a string, {@code multi-sz} a
 * list of strings, {@code binary} a hex string.
 *
 * <p>Data is held in its JSON form ({@link #data}): one decimal number for {@code dword}/{@code qword},
 * one string for {@code sz}/{@code expand-sz}, the strings of a {@code multi-sz}, one hex string for
 * {@code binary}. Key and value names compare without case, as Windows compares them.
 *
 * @param key the full key path from its root ({@code HKEY_LOCAL_MACHINE\...}; {@code HKLM\} is read as that)
 * @param name the value name; empty for the default value
 * @param type the registry type
 * @param data the data in its JSON form, as above
 * @param provenance the file (and line) it was collected from
 * @since 2.1
 */
public record RegistryValue(
        String key, String name, RegistryType type, List<String> data, Optional<Provenance> provenance) {

    private static final String HKLM = "HKEY_LOCAL_MACHINE\\";

    public RegistryValue {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(provenance, "provenance");
        key = canonicalKey(key);
        data = List.copyOf(data);
        if (!key.startsWith("HKEY_")) {
            throw new IllegalArgumentException(
                    "a registry key starts at a root such as HKEY_LOCAL_MACHINE: '" + key + "'");
        }
        switch (type) {
            case DWORD, QWORD -> {
                long max = type == RegistryType.DWORD ? 0xFFFF_FFFFL : Long.MAX_VALUE;
                long n = data.size() == 1 ? parseNumber(data.get(0)) : -1;
                if (n < 0 || n > max) {
                    throw new IllegalArgumentException("a " + type.name().toLowerCase(Locale.ROOT) + " is 0 to " + max);
                }
            }
            case SZ, EXPAND_SZ -> {
                if (data.size() != 1) {
                    throw new IllegalArgumentException("a string value has one string");
                }
            }
            case BINARY -> {
                if (data.size() != 1
                        || data.get(0).length() % 2 != 0
                        || !data.get(0).matches("[0-9A-Fa-f]*")) {
                    throw new IllegalArgumentException("binary data is a hex string with two digits a byte");
                }
            }
            case MULTI_SZ -> {
                // any number of strings
            }
        }
    }

    /** A {@code REG_DWORD}. */
    public static RegistryValue dword(String key, String name, long value) {
        return new RegistryValue(key, name, RegistryType.DWORD, List.of(Long.toString(value)), Optional.empty());
    }

    /** A {@code REG_SZ}. */
    public static RegistryValue string(String key, String name, String value) {
        return new RegistryValue(key, name, RegistryType.SZ, List.of(value), Optional.empty());
    }

    /** A {@code REG_MULTI_SZ}. */
    public static RegistryValue multiString(String key, String name, List<String> values) {
        return new RegistryValue(key, name, RegistryType.MULTI_SZ, values, Optional.empty());
    }

    /** A {@code REG_BINARY}. */
    public static RegistryValue binary(String key, String name, byte[] bytes) {
        return new RegistryValue(
                key, name, RegistryType.BINARY, List.of(HexFormat.of().formatHex(bytes)), Optional.empty());
    }

    /** This value with where it was collected. */
    public RegistryValue withProvenance(Provenance where) {
        return new RegistryValue(key, name, type, data, Optional.of(where));
    }

    /** The number of a {@code dword} or {@code qword}. */
    public OptionalLong number() {
        return type == RegistryType.DWORD || type == RegistryType.QWORD
                ? OptionalLong.of(parseNumber(data.get(0)))
                : OptionalLong.empty();
    }

    /** The string of an {@code sz} or {@code expand-sz} (unexpanded). */
    public Optional<String> text() {
        return type == RegistryType.SZ || type == RegistryType.EXPAND_SZ ? Optional.of(data.get(0)) : Optional.empty();
    }

    /** The strings of a {@code multi-sz}; empty for other types. */
    public List<String> strings() {
        return type == RegistryType.MULTI_SZ ? data : List.of();
    }

    /** The bytes of a {@code binary}; empty for other types. */
    public Optional<byte[]> bytes() {
        return type == RegistryType.BINARY ? Optional.of(HexFormat.of().parseHex(data.get(0))) : Optional.empty();
    }

    /** True when this is value {@code valueName} of key {@code keyPath} ({@code HKLM\} allowed), compared without case. */
    public boolean is(String keyPath, String valueName) {
        return key.equalsIgnoreCase(canonicalKey(keyPath)) && name.equalsIgnoreCase(valueName);
    }

    /** {@code HKLM\X} as {@code HKEY_LOCAL_MACHINE\X}, without a trailing backslash. */
    public static String canonicalKey(String path) {
        String p = path.strip();
        if (p.regionMatches(true, 0, "HKLM\\", 0, 5)) {
            p = HKLM + p.substring(5);
        }
        while (p.endsWith("\\")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }

    private static long parseNumber(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** One line for people: {@code HKEY_...\Parameters "TCP/IP port" = dword 4000}. */
    public String describe() {
        String shown = switch (type) {
            case DWORD, QWORD -> data.get(0) + " (0x" + Long.toHexString(parseNumber(data.get(0))) + ")";
            case SZ, EXPAND_SZ, BINARY -> data.get(0);
            case MULTI_SZ -> String.join(", ", data);
        };
        return key + " \"" + name + "\" = "
                + type.name().toLowerCase(Locale.ROOT).replace('_', '-') + " " + shown;
    }
}
