package io.kbsh.shell.rules.eval;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.CelProtoAbstractSyntaxTree;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.expr.CheckedExpr;
import dev.cel.extensions.CelExtensions;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelFunctionBinding;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import dev.cel.runtime.CelVariableResolver;
import io.kbsh.model.version.ReleaseLevel;
import java.io.IOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Google's Common Expression Language for the conditions structured matchers do not cover. Expressions see
 * the rule's names (its object, {@code env}, the related values, its {@code let} values) as dynamic values,
 * CEL's strings extension ({@code lowerAscii}, {@code upperAscii}, {@code split}, {@code substring}, …) and kbsh's
 * helpers: {@code isIp(text)}, {@code below(level, "5.5 SP2")} and {@code atLeast(level, "5.5 SP2")}
 * (levels as the environment file writes them; different release lines are never below or at least one
 * another), {@code level(text)}, a level as {@code {release, servicePack}}, and for firewall rules
 * {@code inPorts(ports, 25)} (a rule's {@code ports}, numbers and {@code "1024-65535"} ranges, cover the port) and
 * {@code inNet(address, spec)} (the address equals {@code spec} or lies in its network, IPv4 or IPv6:
 * {@code 10.0.0.0/8}, {@code 10.0.0.0/255.0.0.0}, {@code fd00::/64}; never a look-up). Comprehensions are bounded.
 *
 * <p>CEL stays inside the shell: no CEL type appears outside this package.
 *
 * <p>Thread safety: compiled programs are immutable and safe to evaluate from any thread.
 */
final class Cel {

    private static final CelOptions OPTIONS = CelOptions.current()
            .comprehensionMaxIterations(10_000)
            .maxParseRecursionDepth(64)
            .enableHeterogeneousNumericComparisons(true)
            .build();

    private static final List<CelFunctionDecl> FUNCTIONS = List.of(
            CelFunctionDecl.newFunctionDeclaration(
                    "isIp", CelOverloadDecl.newGlobalOverload("isIp_string", SimpleType.BOOL, SimpleType.STRING)),
            CelFunctionDecl.newFunctionDeclaration(
                    "below",
                    CelOverloadDecl.newGlobalOverload(
                            "below_string_string", SimpleType.BOOL, SimpleType.STRING, SimpleType.STRING)),
            CelFunctionDecl.newFunctionDeclaration(
                    "atLeast",
                    CelOverloadDecl.newGlobalOverload(
                            "atLeast_string_string", SimpleType.BOOL, SimpleType.STRING, SimpleType.STRING)),
            CelFunctionDecl.newFunctionDeclaration(
                    "level", CelOverloadDecl.newGlobalOverload("level_string", SimpleType.DYN, SimpleType.STRING)),
            CelFunctionDecl.newFunctionDeclaration(
                    "inPorts",
                    CelOverloadDecl.newGlobalOverload(
                            "inPorts_list_int", SimpleType.BOOL, ListType.create(SimpleType.DYN), SimpleType.INT)),
            CelFunctionDecl.newFunctionDeclaration(
                    "inNet",
                    CelOverloadDecl.newGlobalOverload(
                            "inNet_string_string", SimpleType.BOOL, SimpleType.STRING, SimpleType.STRING)));

    /**
     * CEL's interpreter, built when first needed: a rule restored from its checked form ({@link #restore}) whose
     * expressions {@link Direct} evaluates never needs it, and building it is a good part of a cold start.
     */
    private static final class Interpreter {
        static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder()
                .setOptions(OPTIONS)
                .addLibraries(CelExtensions.strings())
                .addFunctionBindings(
                        CelFunctionBinding.from("isIp_string", String.class, Values::isIpLiteral),
                        CelFunctionBinding.from("below_string_string", String.class, String.class, Values::below),
                        CelFunctionBinding.from("atLeast_string_string", String.class, String.class, Values::atLeast),
                        CelFunctionBinding.from("level_string", String.class, Cel::levelMap),
                        CelFunctionBinding.from("inPorts_list_int", List.class, Long.class, Values::inPorts),
                        CelFunctionBinding.from("inNet_string_string", String.class, String.class, Values::inNet))
                .build();
    }

    private Cel() {}

    private static Object levelMap(String text) {
        Map<String, Object> m = new LinkedHashMap<>();
        ReleaseLevel l = Values.level(text).orElse(null);
        if (l != null) {
            m.put("release", l.release());
            m.put("servicePack", (long) l.servicePack());
        }
        return m;
    }

    /** A compile error: CEL's message and the position inside the expression (1-based; 0 when unknown). */
    static final class CompileError extends Exception {
        private static final long serialVersionUID = 1L;
        final int line;
        final int column;

        CompileError(String message, int line, int column) {
            super(message);
            this.line = line;
            this.column = column;
        }
    }

    /** A compiled expression. */
    static final class Program {
        private final CelAbstractSyntaxTree ast;
        private final String text;
        private final Optional<Direct> direct;
        /** The interpreter's program: made at compile time, or on first use for a restored expression. */
        private volatile CelRuntime.Program program;

        private Program(CelAbstractSyntaxTree ast, String text, boolean condition, CelRuntime.Program program) {
            this.ast = ast;
            this.text = text;
            this.direct = Direct.of(ast.getExpr(), condition, OPTIONS);
            this.program = program;
        }

        String text() {
            return text;
        }

        /** The checked expression as CEL's {@code CheckedExpr} message: what {@link #restore} takes back. */
        byte[] checked() {
            return CelProtoAbstractSyntaxTree.fromCelAst(ast).toCheckedExpr().toByteArray();
        }

        private CelRuntime.Program program() {
            CelRuntime.Program p = program;
            if (p == null) {
                try {
                    // Racing threads may both make it: the programs are equal and immutable.
                    p = Interpreter.RUNTIME.createProgram(ast);
                } catch (CelEvaluationException e) {
                    throw new IllegalStateException(firstLine(e.getMessage()), e);
                }
                program = p;
            }
            return p;
        }

        /** True when every part of the expression has a form {@link Direct} evaluates without the interpreter. */
        boolean isDirect() {
            return direct.isPresent();
        }

        /**
         * The value, or the evaluation error's message as an {@link IllegalStateException}. The names are read
         * as the expression asks for them, not copied: an expression reads two or three of a dozen names, and
         * a rule's lazily computed lets stay uncomputed unless it reads them.
         */
        Object eval(Map<String, ?> names) {
            if (direct.isPresent()) {
                Object value = direct.get().eval(names);
                if (value != Direct.UNDECIDED) {
                    return value;
                }
            }
            return interpreted(names);
        }

        /** The value {@link Direct} gives without the interpreter; empty when the interpreter must decide. */
        Optional<Object> directly(Map<String, ?> names) {
            return direct.map(d -> d.eval(names)).filter(v -> v != Direct.UNDECIDED);
        }

        /** The value as CEL's interpreter gives it, never {@link Direct}'s. */
        Object interpreted(Map<String, ?> names) {
            try {
                return program().eval((CelVariableResolver) name -> Optional.ofNullable(names.get(name)));
            } catch (CelEvaluationException e) {
                throw new IllegalStateException(firstLine(e.getMessage()), e);
            }
        }
    }

    /** Compiles {@code expression} over {@code names} (all dynamic), typed {@code bool} or any. */
    static Program compile(String expression, Collection<String> names, boolean condition) throws CompileError {
        var builder = CelCompilerFactory.standardCelCompilerBuilder()
                .setOptions(OPTIONS)
                .setStandardMacros(dev.cel.parser.CelStandardMacro.STANDARD_MACROS)
                .addLibraries(CelExtensions.strings())
                .addFunctionDeclarations(FUNCTIONS);
        for (String n : names) {
            builder.addVar(n, SimpleType.DYN);
        }
        CelType result = condition ? SimpleType.BOOL : SimpleType.DYN;
        builder.setResultType(result);
        CelCompiler compiler = builder.build();
        CelValidationResult compiled = compiler.compile(expression);
        if (compiled.hasError()) {
            CelIssue issue = compiled.getErrors().get(0);
            throw new CompileError(
                    issue.getMessage(),
                    issue.getSourceLocation().getLine(),
                    issue.getSourceLocation().getColumn() + 1);
        }
        try {
            CelAbstractSyntaxTree ast = compiled.getAst();
            return new Program(ast, expression, condition, Interpreter.RUNTIME.createProgram(ast));
        } catch (CelValidationException e) {
            throw new CompileError(firstLine(e.getMessage()), 0, 0);
        } catch (CelEvaluationException e) {
            throw new CompileError(firstLine(e.getMessage()), 0, 0);
        }
    }

    /**
     * The expression {@code expression} from the checked form {@link Program#checked} gave when it compiled, without
     * parsing or type-checking it again (the parser and checker are most of a rule's compile time in a fresh JVM).
     * The caller vouches that the form is that of this very text with the same names (the rule cache keys it by the
     * file's bytes and kbsh's build); bytes that are not a checked expression are an {@link IllegalArgumentException}.
     */
    static Program restore(String expression, byte[] checked, boolean condition) {
        try {
            CelAbstractSyntaxTree ast = CelProtoAbstractSyntaxTree.fromCheckedExpr(CheckedExpr.parseFrom(checked))
                    .getAst();
            if (!ast.isChecked()) {
                throw new IllegalArgumentException("not a checked CEL expression");
            }
            return new Program(ast, expression, condition, null);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a checked CEL expression: " + e.getMessage(), e);
        }
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "failed";
        }
        int cut = text.indexOf('\n');
        return cut < 0 ? text : text.substring(0, cut);
    }
}
