package io.kbsh.shell.rules.eval;

import dev.cel.common.CelOptions;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * CEL expressions of the shapes rule packs mostly write, evaluated from the checked syntax tree without CEL's
 * interpreter: names, field selection and {@code has()}, constants, comparisons, {@code &&}, {@code ||},
 * {@code !}, {@code ?:}, {@code in}, indexing, {@code size}, {@code +} of numbers, text and lists, the string
 * functions {@code matches}, {@code startsWith}, {@code endsWith}, {@code contains}, {@code lowerAscii},
 * {@code upperAscii}, kbsh's {@code inPorts}, {@code inNet}, {@code isIp}, {@code below} and {@code atLeast},
 * and the comprehensions the macros expand to ({@code exists}, {@code all}, {@code exists_one}, {@code filter},
 * {@code map}) over lists.
 *
 * <p>Why: the interpreter's general machinery (dispatch by overload, attribute and unknown tracking, a regular
 * expression compiled on every call) costs one to two microseconds per element of a comprehension, many times
 * the comparison itself, and rule packs spend most of their time in a few such comprehensions.
 *
 * <p>It is the CEL expression itself, not a second language, and it never answers differently: whenever a value
 * is not exactly what the shape needs (an absent name or field, which CEL reports as an error; numbers of two
 * kinds, which CEL compares across kinds; a size of text, which CEL counts in code points; a map with
 * case-insensitive keys; more iterations than CEL allows) the answer is {@link #UNDECIDED}, and the interpreter
 * evaluates the whole expression, errors and all. {@code CelDirectTest} compares both on generated values.
 */
final class Direct {

    /** The answer when the interpreter must decide. */
    static final Object UNDECIDED = new Object();

    private final Node root;
    private final int maxIterations;

    private Direct(Node expression, boolean condition, int maxIterations) {
        // A condition's value is a bool; anything else is the interpreter's to report.
        this.root = condition ? s -> expression.eval(s) instanceof Boolean b ? b : UNDECIDED : expression;
        this.maxIterations = maxIterations;
    }

    /**
     * The expression's value over {@code names}, or {@link #UNDECIDED}; a condition's value is a bool or
     * undecided.
     */
    Object eval(Map<String, ?> names) {
        Object v = root.eval(new Scope(names, maxIterations));
        return v == null ? UNDECIDED : v;
    }

    /** The direct form of {@code e}, when every part of it has one. */
    static Optional<Direct> of(CelExpr e, boolean condition, CelOptions options) {
        try {
            return Optional.of(new Direct(node(e, options), condition, options.comprehensionMaxIterations()));
        } catch (Unsupported u) {
            return Optional.empty();
        }
    }

    /** A part of the expression that has no direct form: the whole expression goes to the interpreter. */
    private static final class Unsupported extends Exception {
        private static final long serialVersionUID = 1L;

        Unsupported() {
            super(null, null, false, false);
        }
    }

    private static final String[] NO_NAMES = {};
    private static final Object[] NO_VALUES = {};

    /** The names of one evaluation and the comprehension variables in scope, innermost last. */
    private static final class Scope {
        private final Map<String, ?> names;
        // Made on the first comprehension (shared empty arrays until then): most expressions have none.
        private String[] localNames = NO_NAMES;
        private Object[] localValues = NO_VALUES;
        private int depth;
        private int iterationsLeft;

        Scope(Map<String, ?> names, int maxIterations) {
            this.names = names;
            // A negative maximum is CEL's "no limit".
            this.iterationsLeft = maxIterations < 0 ? Integer.MAX_VALUE : maxIterations;
        }

        Object get(String name) {
            for (int i = depth - 1; i >= 0; i--) {
                if (localNames[i].equals(name)) {
                    Object v = localValues[i];
                    return v == null ? UNDECIDED : v;
                }
            }
            Object v = names.get(name);
            return v == null ? UNDECIDED : v;
        }

        int push(String name, Object value) {
            if (depth == localNames.length) {
                localNames = java.util.Arrays.copyOf(localNames, Math.max(4, depth * 2));
                localValues = java.util.Arrays.copyOf(localValues, Math.max(4, depth * 2));
            }
            localNames[depth] = name;
            localValues[depth] = value;
            return depth++;
        }

        void set(int slot, Object value) {
            localValues[slot] = value;
        }

        void popTo(int d) {
            for (int i = d; i < depth; i++) {
                localValues[i] = null;
            }
            depth = d;
        }

        boolean iterate() {
            return --iterationsLeft >= 0;
        }
    }

    @FunctionalInterface
    private interface Node {
        Object eval(Scope s);
    }

    private static Node node(CelExpr e, CelOptions options) throws Unsupported {
        switch (e.getKind()) {
            case CONSTANT:
                return constant(e.constant());
            case IDENT: {
                String name = e.ident().name();
                return s -> s.get(name);
            }
            case SELECT:
                return select(e.select(), options);
            case CALL:
                return call(e.call(), options);
            case LIST: {
                if (!e.list().optionalIndices().isEmpty()) {
                    throw new Unsupported();
                }
                Node[] elements = nodes(e.list().elements(), options);
                return s -> {
                    List<Object> out = new ArrayList<>(elements.length);
                    for (Node n : elements) {
                        Object v = n.eval(s);
                        if (v == UNDECIDED) {
                            return UNDECIDED;
                        }
                        out.add(v);
                    }
                    return Collections.unmodifiableList(out);
                };
            }
            case COMPREHENSION:
                return comprehension(e.comprehension(), options);
            default:
                throw new Unsupported();
        }
    }

    private static Node[] nodes(List<CelExpr> exprs, CelOptions options) throws Unsupported {
        Node[] out = new Node[exprs.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = node(exprs.get(i), options);
        }
        return out;
    }

    private static Node constant(CelConstant c) throws Unsupported {
        Object value = switch (c.getKind()) {
            case BOOLEAN_VALUE -> c.booleanValue();
            case INT64_VALUE -> c.int64Value();
            case DOUBLE_VALUE -> c.doubleValue();
            case STRING_VALUE -> c.stringValue();
            default -> throw new Unsupported();
        };
        return s -> value;
    }

    private static Node select(CelExpr.CelSelect select, CelOptions options) throws Unsupported {
        Node operand = node(select.operand(), options);
        String field = select.field();
        if (select.testOnly()) {
            return s -> operand.eval(s) instanceof Map<?, ?> m && plain(m) ? (Object) m.containsKey(field) : UNDECIDED;
        }
        return s -> index(operand.eval(s), field);
    }

    /** A map whose keys are what they say: an INI section's values are found in any case, which CEL does not know. */
    private static boolean plain(Map<?, ?> m) {
        return !(m instanceof EnvironmentView.IniValues);
    }

    private static Node comprehension(CelExpr.CelComprehension c, CelOptions options) throws Unsupported {
        if (!c.iterVar2().isEmpty()) {
            throw new Unsupported();
        }
        Node range = node(c.iterRange(), options);
        Node init = node(c.accuInit(), options);
        Node loopCondition = node(c.loopCondition(), options);
        Node step = node(c.loopStep(), options);
        Node result = node(c.result(), options);
        String iterVar = c.iterVar();
        String accuVar = c.accuVar();
        return s -> {
            // Maps iterate by key in CEL: not one of the shapes.
            if (!(range.eval(s) instanceof List<?> list)) {
                return UNDECIDED;
            }
            Object accu = init.eval(s);
            if (accu == UNDECIDED) {
                return UNDECIDED;
            }
            int base = s.depth;
            // One exit, so that the scope is restored in one place (each return inside a try copies its finally).
            try {
                return fold(s, list, accuVar, accu, iterVar, loopCondition, step, result);
            } finally {
                s.popTo(base);
            }
        };
    }

    /** The comprehension's loop over {@code list}, its accumulator and element pushed on {@code s}; then its result. */
    private static Object fold(
            Scope s,
            List<?> list,
            String accuVar,
            Object accu,
            String iterVar,
            Node loopCondition,
            Node step,
            Node result) {
        int accuSlot = s.push(accuVar, accu);
        int iterSlot = s.push(iterVar, null);
        // Indexed (an iterator of each kind of list cost more than the step); the view's lists are all random access.
        List<?> items = list instanceof java.util.RandomAccess ? list : new ArrayList<>(list);
        for (int i = 0, n = items.size(); i < n; i++) {
            if (!s.iterate()) {
                return UNDECIDED;
            }
            s.set(iterSlot, items.get(i));
            Object go = loopCondition.eval(s);
            if (!(go instanceof Boolean g)) {
                return UNDECIDED;
            }
            if (!g) {
                break;
            }
            Object next = step.eval(s);
            if (next == UNDECIDED) {
                return UNDECIDED;
            }
            s.set(accuSlot, next);
        }
        // The result sees the accumulator, not the element.
        s.popTo(iterSlot);
        return result.eval(s);
    }

    private static Node call(CelExpr.CelCall call, CelOptions options) throws Unsupported {
        String f = call.function();
        Node[] args = nodes(call.args(), options);
        Optional<Node> target =
                call.target().isPresent() ? Optional.of(node(call.target().get(), options)) : Optional.empty();
        if (target.isPresent()) {
            return member(f, target.get(), args, call.args(), options);
        }
        switch (f) {
            case "!_":
                arity(args, 1);
                return s -> args[0].eval(s) instanceof Boolean b ? (Object) !b : UNDECIDED;
            case "@not_strictly_false":
                arity(args, 1);
                return s -> args[0].eval(s) instanceof Boolean b ? b : UNDECIDED;
            case "_&&_":
            case "_||_": {
                arity(args, 2);
                boolean or = f.equals("_||_");
                // Decided by the left side when it settles it, as in CEL; anything else the interpreter decides.
                return s -> {
                    if (!(args[0].eval(s) instanceof Boolean l)) {
                        return UNDECIDED;
                    }
                    if (l == or) {
                        return l;
                    }
                    Object r = args[1].eval(s);
                    return r instanceof Boolean ? r : UNDECIDED;
                };
            }
            case "_?_:_":
                arity(args, 3);
                return s -> args[0].eval(s) instanceof Boolean b ? (b ? args[1] : args[2]).eval(s) : UNDECIDED;
            case "_==_":
            case "_!=_": {
                arity(args, 2);
                boolean equal = f.equals("_==_");
                return s -> {
                    Object a = args[0].eval(s);
                    Object b = args[1].eval(s);
                    int same = same(a, b);
                    return same < 0 ? UNDECIDED : (Object) ((same == 1) == equal);
                };
            }
            case "_<_":
            case "_<=_":
            case "_>_":
            case "_>=_": {
                arity(args, 2);
                return s -> {
                    Object a = args[0].eval(s);
                    Object b = args[1].eval(s);
                    int cmp;
                    if (a instanceof Long x && b instanceof Long y) {
                        cmp = Long.compare(x, y);
                    } else if (a instanceof Double x && b instanceof Double y && !x.isNaN() && !y.isNaN()) {
                        // Not Double.compare: CEL, like Java's operators, has -0.0 equal to 0.0.
                        cmp = x < y ? -1 : x > y ? 1 : 0;
                    } else {
                        return UNDECIDED;
                    }
                    return switch (f) {
                        case "_<_" -> cmp < 0;
                        case "_<=_" -> cmp <= 0;
                        case "_>_" -> cmp > 0;
                        default -> cmp >= 0;
                    };
                };
            }
            case "_+_":
                arity(args, 2);
                return s -> plus(args[0].eval(s), args[1].eval(s));
            case "_[_]":
                arity(args, 2);
                return s -> index(args[0].eval(s), args[1].eval(s));
            case "@in":
                arity(args, 2);
                return s -> in(args[0].eval(s), args[1].eval(s));
            case "size":
                arity(args, 1);
                return s -> size(args[0].eval(s));
            case "matches":
                arity(args, 2);
                return matches(args[0], args[1], call.args().get(1), options);
            case "inPorts":
                arity(args, 2);
                return s -> args[0].eval(s) instanceof List<?> ports && args[1].eval(s) instanceof Long port
                        ? (Object) Values.inPorts(ports, port)
                        : UNDECIDED;
            case "inNet":
            case "below":
            case "atLeast":
                arity(args, 2);
                return s -> {
                    if (args[0].eval(s) instanceof String a && args[1].eval(s) instanceof String b) {
                        return switch (f) {
                            case "inNet" -> Values.inNet(a, b);
                            case "below" -> Values.below(a, b);
                            default -> Values.atLeast(a, b);
                        };
                    }
                    return UNDECIDED;
                };
            case "isIp":
                arity(args, 1);
                return s -> args[0].eval(s) instanceof String t ? (Object) Values.isIpLiteral(t) : UNDECIDED;
            default:
                throw new Unsupported();
        }
    }

    private static Node member(String f, Node target, Node[] args, List<CelExpr> exprs, CelOptions options)
            throws Unsupported {
        switch (f) {
            case "size":
                arity(args, 0);
                return s -> size(target.eval(s));
            case "matches":
                arity(args, 1);
                return matches(target, args[0], exprs.get(0), options);
            case "startsWith":
            case "endsWith":
            case "contains":
                arity(args, 1);
                return s -> {
                    if (target.eval(s) instanceof String t && args[0].eval(s) instanceof String a) {
                        return switch (f) {
                            case "startsWith" -> t.startsWith(a);
                            case "endsWith" -> t.endsWith(a);
                            default -> t.contains(a);
                        };
                    }
                    return UNDECIDED;
                };
            case "lowerAscii":
            case "upperAscii": {
                arity(args, 0);
                boolean lower = f.equals("lowerAscii");
                return s -> target.eval(s) instanceof String t ? ascii(t, lower) : UNDECIDED;
            }
            default:
                throw new Unsupported();
        }
    }

    private static void arity(Node[] args, int n) throws Unsupported {
        if (args.length != n) {
            throw new Unsupported();
        }
    }

    /** 1 when equal, 0 when not, -1 when CEL's rules for the kinds are not these (numbers of two kinds, lists, maps). */
    private static int same(Object a, Object b) {
        if (a == UNDECIDED || b == UNDECIDED) {
            return -1;
        }
        if (a instanceof Double x && b instanceof Double y) {
            return x.doubleValue() == y.doubleValue() ? 1 : 0;
        }
        if ((a instanceof String || a instanceof Long || a instanceof Boolean) && a.getClass() == b.getClass()) {
            return a.equals(b) ? 1 : 0;
        }
        return -1;
    }

    /** Values of kinds CEL never finds equal: text, a flag and a number, one of each (two kinds of number may be). */
    private static boolean neverEqual(Object a, Object b) {
        return scalar(a) && scalar(b) && a.getClass() != b.getClass() && !(a instanceof Number && b instanceof Number);
    }

    private static boolean scalar(Object v) {
        return v instanceof String || v instanceof Boolean || v instanceof Long || v instanceof Double;
    }

    private static Object plus(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            long sum = x + y;
            // Overflow is CEL's error to report.
            return ((x ^ sum) & (y ^ sum)) < 0 ? UNDECIDED : (Object) sum;
        }
        if (a instanceof String x && b instanceof String y) {
            return x + y;
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            List<Object> out = new ArrayList<>(x.size() + y.size());
            out.addAll(x);
            out.addAll(y);
            return Collections.unmodifiableList(out);
        }
        return UNDECIDED;
    }

    private static Object index(Object container, Object key) {
        // A map's entry, by index or by field selection: absent is CEL's error to report.
        if (container instanceof Map<?, ?> m && plain(m) && key instanceof String k) {
            Object v = m.get(k);
            return v == null ? UNDECIDED : v;
        }
        if (container instanceof List<?> l && key instanceof Long i) {
            return i >= 0 && i < l.size() ? l.get(i.intValue()) : UNDECIDED;
        }
        return UNDECIDED;
    }

    private static Object in(Object element, Object container) {
        if (element == UNDECIDED) {
            return UNDECIDED;
        }
        if (container instanceof List<?> l) {
            boolean undecided = false;
            for (Object x : l) {
                int same = same(element, x);
                if (same == 1) {
                    return true;
                }
                if (same < 0 && !neverEqual(element, x)) {
                    undecided = true;
                }
            }
            return undecided ? UNDECIDED : false;
        }
        if (container instanceof Map<?, ?> m && plain(m) && element instanceof String k) {
            return m.containsKey(k);
        }
        return UNDECIDED;
    }

    private static Object size(Object v) {
        // Text is counted in code points by CEL: the interpreter's.
        if (v instanceof List<?> l) {
            return (long) l.size();
        }
        if (v instanceof Map<?, ?> m && plain(m)) {
            return (long) m.size();
        }
        return UNDECIDED;
    }

    /**
     * CEL's {@code matches}: RE2 syntax, a match anywhere in the text unless the options ask for the whole; a
     * constant pattern is compiled once instead of on every call.
     */
    private static Node matches(Node text, Node pattern, CelExpr patternExpr, CelOptions options) {
        boolean partial = options.enableRegexPartialMatch();
        int maxSize = options.maxRegexProgramSize();
        Optional<com.google.re2j.Pattern> once = patternExpr.getKind() == CelExpr.ExprKind.Kind.CONSTANT
                        && patternExpr.constant().getKind() == CelConstant.Kind.STRING_VALUE
                ? compiled(patternExpr.constant().stringValue(), maxSize)
                : Optional.empty();
        return s -> {
            if (!(text.eval(s) instanceof String t)) {
                return UNDECIDED;
            }
            Optional<com.google.re2j.Pattern> re = once;
            if (re.isEmpty()) {
                if (!(pattern.eval(s) instanceof String p)) {
                    return UNDECIDED;
                }
                re = compiled(p, maxSize);
                if (re.isEmpty()) {
                    return UNDECIDED;
                }
            }
            com.google.re2j.Matcher m = re.get().matcher(t);
            return partial ? m.find() : m.matches();
        };
    }

    /** The pattern, or empty when it does not compile or is larger than allowed: CEL's errors to report. */
    private static Optional<com.google.re2j.Pattern> compiled(String pattern, int maxSize) {
        try {
            com.google.re2j.Pattern p = com.google.re2j.Pattern.compile(pattern);
            return maxSize >= 0 && p.programSize() > maxSize ? Optional.empty() : Optional.of(p);
        } catch (com.google.re2j.PatternSyntaxException e) {
            return Optional.empty();
        }
    }

    /** CEL's {@code lowerAscii}/{@code upperAscii}: only ASCII letters change. */
    private static String ascii(String t, boolean lower) {
        char[] out = null;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            char d =
                    lower ? (c >= 'A' && c <= 'Z' ? (char) (c + 32) : c) : (c >= 'a' && c <= 'z' ? (char) (c - 32) : c);
            if (d != c) {
                if (out == null) {
                    out = t.toCharArray();
                }
                out[i] = d;
            }
        }
        return out == null ? t : new String(out);
    }
}
