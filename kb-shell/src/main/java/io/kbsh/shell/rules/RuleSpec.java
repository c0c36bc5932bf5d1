package io.kbsh.shell.rules;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One rule as its author wrote it (rule format 1, docs/rules.md): the article, what it is evaluated for,
 * when it applies, its conditions, its outcomes, the fix level, the actions, the verification probes and
 * its own tests. Bound strictly from YAML or JSON by {@link RuleReader}; checked and compiled by
 * {@link io.kbsh.shell.rules.eval.CompiledRule}. Absent lists are empty, absent objects null here only.
 */
public record RuleSpec(
        Integer format,
        @JsonProperty(required = true) String article,
        @JsonProperty(required = true) String title,
        List<String> products,
        @JsonProperty(required = true) String summary,
        @JsonProperty("for") String objects,
        ApplicabilitySpec applies,
        Map<String, String> let,
        List<ConditionSpec> when,
        @JsonProperty(required = true) List<OutcomeSpec> outcomes,
        FixSpec fix,
        List<ActionSpec> actions,
        List<VerifySpec> verify,
        List<RuleTestSpec> tests) {

    public RuleSpec {
        products = products == null ? List.of() : List.copyOf(products);
        objects = objects == null ? "server" : objects;
        let = let == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(let));
        when = when == null ? List.of() : List.copyOf(when);
        outcomes = outcomes == null ? List.of() : List.copyOf(outcomes);
        actions = actions == null ? List.of() : List.copyOf(actions);
        verify = verify == null ? List.of() : List.copyOf(verify);
        tests = tests == null ? List.of() : List.copyOf(tests);
    }

    /** Where a rule applies: product and its levels, components, roles, operating systems. */
    public record ApplicabilitySpec(
            String product,
            List<String> releases,
            ServicePackRange servicePacks,
            List<String> components,
            List<String> roles,
            List<String> os) {
        public ApplicabilitySpec {
            releases = releases == null ? List.of() : List.copyOf(releases);
            components = components == null ? List.of() : List.copyOf(components);
            roles = roles == null ? List.of() : List.copyOf(roles);
            os = os == null ? List.of() : List.copyOf(os);
        }
    }

    /** Service packs {@code from} to {@code to}, both inclusive; either end may be open. */
    public record ServicePackRange(Integer from, Integer to) {}

    /**
     * One condition: a structured matcher on a value ({@code value} with exactly one of the tests), a CEL
     * expression ({@code cel}), or a combination ({@code all}, {@code any}, {@code not}). {@code as} names
     * the matched value for templates; {@code probe} ({@code smtp:25}) selects the newest probe fact about
     * the object, which {@code value} then reads ({@code status}, {@code evidence.greeting}).
     */
    public record ConditionSpec(
            String value,
            String probe,
            com.fasterxml.jackson.databind.JsonNode equals,
            List<com.fasterxml.jackson.databind.JsonNode> in,
            String matches,
            Boolean ip,
            Boolean present,
            Boolean absent,
            String below,
            String atLeast,
            Boolean belowFix,
            String cel,
            List<ConditionSpec> all,
            List<ConditionSpec> any,
            ConditionSpec not,
            String as) {}

    /** One outcome: when it holds (all of {@code when}; none is the default), how bad, what it says. */
    public record OutcomeSpec(
            String name,
            List<ConditionSpec> when,
            @JsonProperty(required = true) String severity,
            @JsonProperty(required = true) String summary,
            List<String> evidence,
            String scope,
            FixSpec fix) {
        public OutcomeSpec {
            when = when == null ? List.of() : List.copyOf(when);
            evidence = evidence == null ? List.of() : List.copyOf(evidence);
        }
    }

    /**
     * The fixing levels per release line ({@code 5.5 SP2}); the archive's fix lists win unless
     * {@code pinned}; {@code source} says where the rule's levels come from.
     */
    public record FixSpec(
            @JsonProperty(required = true) String product,
            @JsonProperty(required = true) List<String> levels,
            String source,
            Boolean pinned) {
        public FixSpec {
            levels = levels == null ? List.of() : List.copyOf(levels);
        }
    }

    /** One resolution step: exactly one of an INI edit, a registry change, a service pack or a manual step. */
    public record ActionSpec(
            IniEditSpec ini, RegistrySpec registry, String servicePack, String manual, List<String> outcomes) {
        public ActionSpec {
            outcomes = outcomes == null ? List.of() : List.copyOf(outcomes);
        }
    }

    /** Set ({@code set}) or remove ({@code remove: true}) one key of one section of an INI file. */
    public record IniEditSpec(
            @JsonProperty(required = true) String file,
            @JsonProperty(required = true) String section,
            String key,
            String set,
            Boolean remove) {}

    /** A registry value for a {@code .reg} hand-over: never applied by kbsh. */
    public record RegistrySpec(
            @JsonProperty(required = true) String key, String name, String type, String value, Boolean remove) {}

    /** A probe that verifies the fix, with expectations on its evidence. */
    public record VerifySpec(
            @JsonProperty(required = true) String probe,
            @JsonProperty(required = true) String host,
            Integer port,
            Map<String, String> parameters,
            @JsonProperty(required = true) String purpose,
            List<ExpectSpec> expect,
            List<String> outcomes) {
        public VerifySpec {
            parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
            expect = expect == null ? List.of() : List.copyOf(expect);
            outcomes = outcomes == null ? List.of() : List.copyOf(outcomes);
        }
    }

    /** An expectation on a probe's result: its {@code status}, or one evidence key's value. */
    public record ExpectSpec(
            String status, String key, String equals, String matches, Boolean present, Boolean absent) {}

    /**
     * A test of the rule: an environment (inline, or a file of the pack) and probe facts; the findings it
     * must produce ({@code expect}; empty: none).
     */
    public record RuleTestSpec(
            @JsonProperty(required = true) String name,
            com.fasterxml.jackson.databind.JsonNode environment,
            List<com.fasterxml.jackson.databind.JsonNode> facts,
            @JsonProperty(required = true) List<ExpectedFinding> expect) {
        public RuleTestSpec {
            facts = facts == null ? List.of() : List.copyOf(facts);
            expect = expect == null ? List.of() : List.copyOf(expect);
        }
    }

    /** A finding a test expects: its object, and optionally its severity, outcome and a summary fragment. */
    public record ExpectedFinding(
            @JsonProperty(required = true) String object, String severity, String outcome, String summaryContains) {}
}
