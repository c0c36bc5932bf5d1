package io.kbsh.shell.collect;

import io.kbsh.ini.reg.RegDocument;
import io.kbsh.ini.reg.RegEntry;
import io.kbsh.ini.reg.RegValue;
import io.kbsh.model.article.ArticleId;
import io.kbsh.model.env.Component;
import io.kbsh.model.env.InstalledService;
import io.kbsh.model.env.OperatingSystem;
import io.kbsh.model.env.Provenance;
import io.kbsh.model.env.RegistryType;
import io.kbsh.model.env.RegistryValue;
import io.kbsh.model.version.ReleaseLevel;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a registry export into the values an import of it would leave ({@link RegistryValue}s, each with
 * its file and line), and reads from those values the server fields the articles' keys give: the
 * Exchange build ({@code Exchange\Setup NewestBuild}), Windows' version and service pack
 * ({@code Windows NT\CurrentVersion}), and the Windows services with their start mode
 * ({@code CurrentControlSet\Services\NAME Start}), the Exchange ones also as components.
 */
final class RegistryEvidence {

    static final String EXCHANGE_SETUP = "HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Exchange\\Setup";
    static final String WINDOWS_VERSION = "HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion";
    static final String SERVICES = "HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\";

    /** The Exchange services by their registry key name, and the component each one is. */
    static final Map<String, Component> EXCHANGE_SERVICES = Map.of(
            "MSEXCHANGEMTA", Component.MTA,
            "MSEXCHANGEIS", Component.INFORMATION_STORE,
            "MSEXCHANGEDS", Component.DIRECTORY,
            "MSEXCHANGEIMC", Component.INTERNET_MAIL,
            "MSEXCHANGESA", Component.SYSTEM_ATTENDANT,
            "MSEXCHANGEINS", Component.INTERNET_NEWS,
            "MSEXCHANGEKMS", Component.KEY_MANAGEMENT);

    private static final Pattern SERVICE_PACK = Pattern.compile("(?i)service pack (\\d+)[a-z]?");

    private RegistryEvidence() {}

    /** A value read from a file, with the place it was read. */
    record Located(RegistryValue value, String origin) {}

    /**
     * The values an import of {@code doc} leaves, in file order, each with provenance {@code origin:line};
     * values the model cannot hold as typed (a qword above 2^63) are kept as binary and listed in
     * {@code notes}.
     */
    static List<Located> values(RegDocument doc, String origin, List<String> notes) {
        Map<String, Integer> lastLine = new HashMap<>();
        for (RegEntry e : doc.entries()) {
            e.name().ifPresent(n -> lastLine.put(fold(e.keyPath()) + "\0" + fold(n), e.line()));
        }
        List<Located> found = new ArrayList<>();
        for (String key : doc.keys()) {
            for (Map.Entry<String, RegValue> v : doc.values(key).entrySet()) {
                String where = origin + ":" + lastLine.getOrDefault(fold(key) + "\0" + fold(v.getKey()), 0);
                RegistryValue value = convert(key, v.getKey(), v.getValue(), where, notes);
                found.add(new Located(
                        value.withProvenance(Provenance.of(Provenance.Source.COLLECT, value.describe())
                                .from(where)),
                        where));
            }
        }
        return found;
    }

    private static RegistryValue convert(String key, String name, RegValue v, String where, List<String> notes) {
        if (v instanceof RegValue.Sz s) {
            return new RegistryValue(key, name, RegistryType.SZ, List.of(s.text()), Optional.empty());
        }
        if (v instanceof RegValue.ExpandSz s) {
            return new RegistryValue(key, name, RegistryType.EXPAND_SZ, List.of(s.text()), Optional.empty());
        }
        if (v instanceof RegValue.MultiSz s) {
            return new RegistryValue(key, name, RegistryType.MULTI_SZ, s.strings(), Optional.empty());
        }
        if (v instanceof RegValue.Dword d) {
            return new RegistryValue(
                    key, name, RegistryType.DWORD, List.of(Long.toString(d.unsigned())), Optional.empty());
        }
        if (v instanceof RegValue.Qword q) {
            if (q.value() >= 0) {
                return new RegistryValue(
                        key, name, RegistryType.QWORD, List.of(Long.toString(q.value())), Optional.empty());
            }
            notes.add(where + ": qword " + Long.toUnsignedString(q.value())
                    + " is above what the model holds; kept as its 8 bytes");
            return binary(
                    key,
                    name,
                    ByteBuffer.allocate(8)
                            .order(ByteOrder.LITTLE_ENDIAN)
                            .putLong(q.value())
                            .array());
        }
        RegValue.Binary b = (RegValue.Binary) v;
        if (b.type() != 3) {
            notes.add(where + ": registry type " + b.type() + " (hex(" + Integer.toHexString(b.type())
                    + "):) kept as binary data");
        }
        return binary(key, name, b.bytes());
    }

    private static RegistryValue binary(String key, String name, byte[] bytes) {
        return new RegistryValue(
                key, name, RegistryType.BINARY, List.of(HexFormat.of().formatHex(bytes)), Optional.empty());
    }

    /** The Exchange build {@code Exchange\Setup NewestBuild} names, if collected. */
    static Optional<Located> exchangeBuild(List<Located> values) {
        return find(values, EXCHANGE_SETUP, "NewestBuild")
                .filter(l -> l.value().number().isPresent());
    }

    /**
     * Windows' version and service pack from {@code CurrentVersion} and {@code CSDVersion}; empty when the
     * version is not collected or names no system Exchange 4.0 to 5.5 runs on.
     */
    static Optional<Derived<OperatingSystem>> operatingSystem(List<Located> values) {
        Optional<Located> version = find(values, WINDOWS_VERSION, "CurrentVersion");
        if (version.isEmpty() || version.get().value().text().isEmpty()) {
            return Optional.empty();
        }
        String release = version.get().value().text().get().strip();
        Optional<Located> csd = find(values, WINDOWS_VERSION, "CSDVersion");
        int pack = 0;
        if (csd.isPresent() && csd.get().value().text().isPresent()) {
            Matcher m = SERVICE_PACK.matcher(csd.get().value().text().get());
            pack = m.find() ? Integer.parseInt(m.group(1)) : 0;
        }
        try {
            OperatingSystem os = release.equals("5.0")
                    ? new OperatingSystem(OperatingSystem.Family.WINDOWS_2000, new ReleaseLevel("5.0", pack))
                    : OperatingSystem.windowsNt(new ReleaseLevel(release, pack));
            String evidence = "CurrentVersion = " + release
                    + csd.flatMap(c -> c.value().text())
                            .map(t -> ", CSDVersion = " + t)
                            .orElse("");
            return Optional.of(new Derived<>(os, evidence, version.get().origin()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** A field read from collected values: the value, the evidence in one line, where it was seen. */
    record Derived<T>(T value, String evidence, String origin, Optional<ArticleId> article) {
        Derived(T value, String evidence, String origin) {
            this(value, evidence, origin, Optional.empty());
        }

        Provenance provenance() {
            Provenance p = Provenance.of(Provenance.Source.COLLECT, evidence).from(origin);
            return article.map(p::citing).orElse(p);
        }
    }

    /**
     * The Windows services (not drivers) the {@code Services} keys list with a start mode, in file order;
     * {@code Start} 2 is automatic, 3 manual, 4 disabled (0 and 1 are drivers loaded at boot).
     */
    static List<Derived<InstalledService>> services(List<Located> values) {
        Map<String, Located> start = new LinkedHashMap<>();
        Map<String, Located> type = new HashMap<>();
        Map<String, Located> display = new HashMap<>();
        for (Located l : values) {
            String key = l.value().key();
            if (!key.regionMatches(true, 0, SERVICES, 0, SERVICES.length())) {
                continue;
            }
            String service = key.substring(SERVICES.length());
            if (service.isEmpty() || service.contains("\\")) {
                continue;
            }
            switch (l.value().name().toLowerCase(Locale.ROOT)) {
                case "start" -> start.put(service, l);
                case "type" -> type.put(fold(service), l);
                case "displayname" -> display.put(fold(service), l);
                default -> {}
            }
        }
        List<Derived<InstalledService>> found = new ArrayList<>();
        for (Map.Entry<String, Located> e : start.entrySet()) {
            long mode = e.getValue().value().number().orElse(-1);
            long kind = Optional.ofNullable(type.get(fold(e.getKey())))
                    .flatMap(t -> t.value().number().stream().boxed().findFirst())
                    .orElse(16L);
            if (kind < 16 || mode < 2 || mode > 4) {
                continue;
            }
            InstalledService.StartMode startMode = mode == 2
                    ? InstalledService.StartMode.AUTOMATIC
                    : mode == 3 ? InstalledService.StartMode.MANUAL : InstalledService.StartMode.DISABLED;
            Optional<String> name = Optional.ofNullable(display.get(fold(e.getKey())))
                    .flatMap(d -> d.value().text());
            found.add(new Derived<>(
                    new InstalledService(e.getKey(), name, Optional.empty(), Optional.of(startMode)),
                    e.getKey() + " Start = " + mode,
                    e.getValue().origin()));
        }
        return found;
    }

    private static Optional<Located> find(List<Located> values, String key, String name) {
        Located found = null;
        for (Located l : values) {
            if (l.value().is(key, name)) {
                found = l;
            }
        }
        return Optional.ofNullable(found);
    }

    private static String fold(String s) {
        return s.toUpperCase(Locale.ROOT);
    }
}
