package io.kbsh.shell.rules.eval;

import io.kbsh.model.internal.IpNetworks;
import io.kbsh.model.version.ReleaseLevel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Paths over plain values, and the comparisons the structured matchers make. */
final class Values {

    private static final Pattern LEVEL_IN_TEXT =
            Pattern.compile("(\\d{1,2}\\.\\d{1,2})(?:\\s*SP\\s*(\\d{1,2}))?\\s*$", Pattern.CASE_INSENSITIVE);

    private static final Map<String, Optional<ReleaseLevel>> LEVELS = new java.util.concurrent.ConcurrentHashMap<>();

    private static final Map<String, String[]> PATHS = new java.util.concurrent.ConcurrentHashMap<>();

    private Values() {}

    /**
     * The values at {@code path} ({@code server.wspClient.proxy}) from {@code names}. A list on the way is
     * walked element by element, so {@code server.iniFiles.serverPath} is every file's path; absent is empty.
     */
    static List<Object> at(Map<String, ?> names, String path) {
        // A rule's paths are few and fixed: each is split once, not once per object.
        return at(names, memo(PATHS, path, p -> p.split("\\.")));
    }

    /** The values at the path {@code parts} ({@code {"server", "wspClient", "proxy"}}); see {@link #at(Map, String)}. */
    static List<Object> at(Map<String, ?> names, String[] parts) {
        Object o = names.get(parts[0]);
        int i = 1;
        // Most paths walk maps only (server.wspClient.proxy) and find one value: no lists to build on the way.
        while (o instanceof Map<?, ?> m && i < parts.length) {
            o = field(m, parts[i++]);
        }
        if (o == null) {
            return List.of();
        }
        if (i == parts.length) {
            // The view's lists are unmodifiable already (and returned as they are); an empty one is List.of().
            return o instanceof List<?> l ? (l.isEmpty() ? List.of() : Collections.unmodifiableList(l)) : List.of(o);
        }
        // A list on the way: walked element by element from here.
        List<Object> current = new ArrayList<>();
        current.add(o);
        for (; i < parts.length; i++) {
            List<Object> next = new ArrayList<>();
            for (Object c : current) {
                step(c, parts[i], next);
            }
            current = next;
        }
        List<Object> flat = new ArrayList<>();
        for (Object c : current) {
            if (c instanceof List<?> l) {
                flat.addAll(l);
            } else {
                flat.add(c);
            }
        }
        return flat;
    }

    private static Object field(Map<?, ?> m, String field) {
        Object v = m.get(field);
        if (v == null && m instanceof EnvironmentView.IniValues) {
            v = m.get(field.toLowerCase(Locale.ROOT));
        }
        return v;
    }

    private static void step(Object o, String field, List<Object> into) {
        if (o instanceof List<?> l) {
            for (Object e : l) {
                step(e, field, into);
            }
        } else if (o instanceof Map<?, ?> m) {
            Object v = field(m, field);
            if (v != null) {
                into.add(v);
            }
        }
    }

    /** YAML/JSON {@code expected} against an actual value: numbers by value, text exactly, flags as flags. */
    static boolean same(Object actual, Object expected) {
        if (actual instanceof Number a && expected instanceof Number e) {
            return a.doubleValue() == e.doubleValue();
        }
        if (actual instanceof Boolean || expected instanceof Boolean) {
            return String.valueOf(actual).equals(String.valueOf(expected));
        }
        return text(actual).equals(text(expected));
    }

    static String text(Object value) {
        if (value instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d)) {
            return Long.toString(d.longValue());
        }
        if (value instanceof List<?> l) {
            List<String> parts = new ArrayList<>();
            l.forEach(o -> parts.add(text(o)));
            return String.join(", ", parts);
        }
        return String.valueOf(value);
    }

    /** True for an IPv4 dotted quad or an IPv6 literal; never looks a name up. */
    static boolean isIpLiteral(String text) {
        return IpNetworks.literal(text).isPresent();
    }

    /** A release level in text such as {@code 5.5 SP2} or {@code Windows NT 4.0 SP6}; empty when there is none. */
    static Optional<ReleaseLevel> level(Object value) {
        if (value == null) {
            return Optional.empty();
        }
        String t = text(value).trim();
        // A site writes a handful of levels; every rule asks for each object's level: each is parsed once.
        return memo(LEVELS, t, Values::parseLevel);
    }

    /**
     * {@code compute(key)}, remembered in {@code cache} while it holds fewer than 4096 keys; past that, computed
     * each time. The keys are a rule pack's paths and a site's level texts: few, but from files, so bounded.
     */
    private static <V> V memo(Map<String, V> cache, String key, java.util.function.Function<String, V> compute) {
        V known = cache.get(key);
        if (known != null) {
            return known;
        }
        V value = compute.apply(key);
        if (cache.size() < 4096) {
            cache.putIfAbsent(key, value);
        }
        return value;
    }

    private static Optional<ReleaseLevel> parseLevel(String t) {
        try {
            return Optional.of(ReleaseLevel.parse(t));
        } catch (IllegalArgumentException e) {
            var m = LEVEL_IN_TEXT.matcher(t);
            if (m.find()) {
                return Optional.of(new ReleaseLevel(m.group(1), m.group(2) == null ? 0 : Integer.parseInt(m.group(2))));
            }
            return Optional.empty();
        }
    }

    /** CEL's {@code below(level, fix)}: both levels known, of one release line, the first below the second. */
    static boolean below(String level, String fix) {
        return level(level)
                .map(l -> level(fix).map(f -> l.sameLine(f) && !l.atLeast(f)).orElse(false))
                .orElse(false);
    }

    /** CEL's {@code atLeast(level, fix)}: both levels known and the first at or past the second. */
    static boolean atLeast(String level, String fix) {
        return level(level).map(l -> level(fix).map(l::atLeast).orElse(false)).orElse(false);
    }

    /**
     * True when a firewall rule's {@code ports} (whole numbers and {@code "137-139"} ranges, as the environment
     * file writes them) cover {@code port}; an item that is neither covers nothing.
     */
    static boolean inPorts(List<?> ports, Long port) {
        for (Object p : ports) {
            if (p instanceof Number n && n.longValue() == port) {
                return true;
            }
            if (p instanceof String s) {
                try {
                    if (port >= 1
                            && port <= 65535
                            && io.kbsh.model.env.PortRange.parse(s).contains(port.intValue())) {
                        return true;
                    }
                } catch (IllegalArgumentException e) {
                    // not a port range: covers nothing
                }
            }
        }
        return false;
    }

    /**
     * True when {@code address} (an IP literal) equals {@code spec} or lies in its network: a prefix
     * ({@code 10.1.0.0/16}, {@code fd00::/64}) or an IPv4 mask ({@code 10.1.0.0/255.255.0.0}). A host name or an
     * id on either side is never looked up and matches nothing here.
     */
    static boolean inNet(String address, String spec) {
        return IpNetworks.contains(spec, address);
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
