package io.kbsh.shell.rules;

/** The constants of the rule format (docs/rules.md). */
public final class RuleFormat {

    /** The rule-format version this kbsh reads. A pack written for another version is refused. */
    public static final int VERSION = 1;

    /** The pack manifest's file name, at the top of a pack directory or of {@link #JAR_FOLDER}. */
    public static final String MANIFEST = "kbsh-pack.yaml";

    /** Where a JAR keeps its manifest and rules. */
    public static final String JAR_FOLDER = "META-INF/kbsh/rules/";

    /** The largest rule file (or manifest) kbsh reads. */
    public static final long FILE_BYTES = 1L << 20;

    /** The most rule files one pack may hold. */
    public static final int MAX_RULES = 2000;

    private RuleFormat() {}

    /** True for the names of rule files: {@code .yaml}, {@code .yml} and {@code .json}, not the manifest. */
    public static boolean isRuleFile(String fileName) {
        String n = fileName.toLowerCase(java.util.Locale.ROOT);
        return !n.equals(MANIFEST)
                && !n.startsWith(".")
                && (n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json"));
    }
}
