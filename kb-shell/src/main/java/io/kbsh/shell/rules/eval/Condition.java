package io.kbsh.shell.rules.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.regex.Pattern;

/** A compiled condition of a rule: a structured matcher, a CEL expression, or all/any/not of others. */
sealed interface Condition {

    /** Whether the condition holds for the names of one object; {@code as} names are added to {@code names}. */
    boolean test(Evaluation e, Trace trace);

    /** The names this condition binds for templates ({@code as}), its own and its parts'. */
    List<String> binds();

    /** A value selected by a path, possibly from a probe fact, tested by one matcher. */
    record Match(String path, Optional<ProbeSelector> probe, String words, Test test, Optional<String> as)
            implements Condition {

        @Override
        public boolean test(Evaluation e, Trace trace) {
            List<Object> values;
            if (probe.isPresent()) {
                Optional<Map<String, Object>> fact = probe.get().newest(e.names());
                if (fact.isEmpty()) {
                    values = List.of();
                } else if (path.isEmpty()) {
                    values = List.of(fact.get());
                } else {
                    values = Values.at(Map.of("fact", fact.get()), "fact." + path);
                }
            } else {
                values = path.isEmpty() ? List.of() : Values.at(e.names(), path);
            }
            Optional<Object> hit = test.first(values, e);
            boolean held = test.absent()
                    ? values.isEmpty()
                    : test.whole() ? test.predicate().test(values, e) : hit.isPresent();
            if (trace.isRecording()) {
                // Only rules explain shows what was seen: a check run does not turn every value into text.
                trace.step(
                        words,
                        values.isEmpty() ? "(absent)" : Values.text(values.size() == 1 ? values.get(0) : values),
                        held);
            }
            if (held && as.isPresent()) {
                e.bind(
                        as.get(),
                        hit.isPresent()
                                ? hit.get()
                                : values.isEmpty() ? "" : values.size() == 1 ? values.get(0) : values);
            }
            return held;
        }

        @Override
        public List<String> binds() {
            return as.map(List::of).orElse(List.of());
        }
    }

    /** {@code smtp:25}: the newest fact of that probe on that port about the object ({@code probes}). */
    record ProbeSelector(String probe, int port) {
        Optional<Map<String, Object>> newest(Map<String, Object> names) {
            Map<String, Object> found = null;
            for (Map<String, Object> f : EnvironmentView.list(names.get("probes"))) {
                if (probe.equals(f.get("probe"))
                        && (port == 0 || Long.valueOf(port).equals(f.get("port")))) {
                    found = f;
                }
            }
            return Optional.ofNullable(found);
        }

        static Optional<ProbeSelector> parse(String text) {
            String[] parts = text.split(":", -1);
            if (parts.length > 2 || !parts[0].matches("[a-z][a-z0-9-]*")) {
                return Optional.empty();
            }
            if (parts.length == 1) {
                return Optional.of(new ProbeSelector(parts[0], 0));
            }
            if (!parts[1].matches("\\d{1,5}") || Integer.parseInt(parts[1]) > 65535) {
                return Optional.empty();
            }
            return Optional.of(new ProbeSelector(parts[0], Integer.parseInt(parts[1])));
        }
    }

    /**
     * A matcher over the values found: most hold when any value passes ({@code first}); {@code absent}
     * holds when none was found; {@code whole} matchers look at all values at once ({@code present}).
     */
    record Test(
            BiPredicate<Object, Evaluation> each,
            BiPredicate<List<Object>, Evaluation> predicate,
            boolean absent,
            boolean whole) {
        static Test each(BiPredicate<Object, Evaluation> p) {
            return new Test(p, (l, e) -> false, false, false);
        }

        static Test present() {
            return new Test((o, e) -> true, (l, e) -> !l.isEmpty(), false, true);
        }

        static Test absentTest() {
            return new Test((o, e) -> false, (l, e) -> l.isEmpty(), true, true);
        }

        Optional<Object> first(List<Object> values, Evaluation e) {
            // Indexed: the lists are of several kinds (a path's values, a view's lists), and an iterator of each
            // cost more than the test; Values.at gives random-access lists only.
            for (int i = 0, n = values.size(); i < n; i++) {
                Object v = values.get(i);
                if (each.test(v, e)) {
                    return Optional.of(v);
                }
            }
            return Optional.empty();
        }

        static Test matches(Pattern p) {
            return each((v, e) -> p.matcher(Values.text(v)).find());
        }
    }

    /** A CEL expression typed {@code bool}. */
    record Expression(Cel.Program program) implements Condition {
        @Override
        public boolean test(Evaluation e, Trace trace) {
            Object result;
            try {
                result = program.eval(e.names());
            } catch (IllegalStateException ex) {
                // A value the expression needs is absent (no such key): the condition does not hold.
                if (trace.isRecording()) {
                    trace.step("cel: " + program.text(), "error: " + ex.getMessage(), false);
                }
                return false;
            }
            boolean held = Boolean.TRUE.equals(result);
            if (trace.isRecording()) {
                trace.step("cel: " + program.text(), String.valueOf(result), held);
            }
            return held;
        }

        @Override
        public List<String> binds() {
            return List.of();
        }
    }

    /** Every part holds ({@code all}, and a list of conditions). */
    record All(List<Condition> parts, String words) implements Condition {
        @Override
        public boolean test(Evaluation e, Trace trace) {
            trace.step(words, "", true);
            trace.enter();
            try {
                for (Condition c : parts) {
                    if (!c.test(e, trace)) {
                        return false;
                    }
                }
                return true;
            } finally {
                trace.leave();
            }
        }

        @Override
        public List<String> binds() {
            List<String> names = new ArrayList<>();
            parts.forEach(p -> names.addAll(p.binds()));
            return names;
        }
    }

    /** At least one part holds; the names only one part binds are not certain, so none are bound for templates. */
    record Any(List<Condition> parts) implements Condition {
        @Override
        public boolean test(Evaluation e, Trace trace) {
            trace.step("any of", "", true);
            trace.enter();
            try {
                for (Condition c : parts) {
                    if (c.test(e, trace)) {
                        return true;
                    }
                }
                return false;
            } finally {
                trace.leave();
            }
        }

        @Override
        public List<String> binds() {
            return List.of();
        }
    }

    /** The part does not hold. */
    record Not(Condition part) implements Condition {
        @Override
        public boolean test(Evaluation e, Trace trace) {
            trace.step("not", "", true);
            trace.enter();
            try {
                return !part.test(e, trace);
            } finally {
                trace.leave();
            }
        }

        @Override
        public List<String> binds() {
            return List.of();
        }
    }
}
