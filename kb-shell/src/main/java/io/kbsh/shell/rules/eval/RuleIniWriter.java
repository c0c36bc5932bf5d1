package io.kbsh.shell.rules.eval;

import io.kbsh.ini.document.IniDocument;
import io.kbsh.ini.plan.IniEdit;
import io.kbsh.ini.plan.IniPlan;
import io.kbsh.ini.writer.IniWriter;
import io.kbsh.ini.writer.IniWriterException;
import io.kbsh.ini.writer.WriterArguments;
import io.kbsh.ini.writer.WriterParameter;
import io.kbsh.model.article.ArticleId;
import io.kbsh.shell.rules.RuleSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The INI edits of a rule as an {@link IniWriter}: {@code fix plan} and {@code ini plan} plan, diff and
 * apply them through kb-ini exactly like a Java plugin's writer. Each edit's value is a parameter
 * ({@code value-1}, …) whose default is the rule's text; the finding passes the value rendered for its object.
 */
public final class RuleIniWriter implements IniWriter {

    private final CompiledRule rule;
    private final String file;
    private final List<CompiledRule.Step> edits;

    private RuleIniWriter(CompiledRule rule, String file, List<CompiledRule.Step> edits) {
        this.rule = rule;
        this.file = file;
        this.edits = edits;
    }

    /** The writer of {@code rule}'s INI edits, when it has any (all of one file: the first edit's). */
    public static Optional<IniWriter> of(CompiledRule rule) {
        List<CompiledRule.Step> edits =
                rule.actions().stream().filter(s -> s.spec().ini() != null).toList();
        if (edits.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new RuleIniWriter(rule, edits.get(0).spec().ini().file(), edits));
    }

    static String parameter(int index) {
        return "value-" + (index + 1);
    }

    @Override
    public String id() {
        return rule.writerId();
    }

    @Override
    public ArticleId article() {
        return rule.article();
    }

    @Override
    public String summary() {
        List<String> words = new ArrayList<>();
        for (CompiledRule.Step s : edits) {
            words.add(describe(s.spec().ini(), s.iniValue().map(Template::text).orElse("")));
        }
        return String.join("; ", words) + " (rule in pack " + rule.packId() + ")";
    }

    @Override
    public String targetFileName() {
        return file;
    }

    @Override
    public String targetLocation() {
        return "where the article says; the server path of the collected copy";
    }

    @Override
    public List<WriterParameter> parameters() {
        List<WriterParameter> out = new ArrayList<>();
        for (CompiledRule.Step s : edits) {
            if (s.iniValue().isPresent()) {
                Template t = s.iniValue().get();
                String what = "the value of [" + s.spec().ini().section() + "] "
                        + s.spec().ini().key();
                // A value taken from the environment ({{...}}) is the finding's to give; a constant is the default.
                out.add(
                        t.paths().isEmpty()
                                ? WriterParameter.text(parameter(s.index()), what, t.text())
                                : new WriterParameter(
                                        parameter(s.index()),
                                        io.kbsh.ini.writer.ParameterType.TEXT,
                                        what + " (the finding gives it)",
                                        Optional.empty(),
                                        true,
                                        List.of()));
            }
        }
        return out;
    }

    /**
     * Refuses, before anything is planned, an edit whose value comes from the environment ({@code {{...}}})
     * but was not given: the finding leaves it out when its object has no such value, so that kbsh never
     * writes an absent value (once {@code (none)}) into a file. One line names the rule and the field.
     */
    @Override
    public WriterArguments validate(Map<String, String> raw) throws IniWriterException {
        for (CompiledRule.Step s : edits) {
            if (s.iniValue().isPresent()
                    && !s.iniValue().get().paths().isEmpty()
                    && !raw.containsKey(parameter(s.index()))) {
                throw new IniWriterException("rule " + rule.article() + " (pack " + rule.packId() + "): actions["
                        + s.index() + "].ini.set: "
                        + Template.placeholders(s.iniValue().get().paths())
                        + " has no value for this object (or " + parameter(s.index())
                        + " was not given); nothing is planned");
            }
        }
        return IniWriter.super.validate(raw);
    }

    @Override
    public IniPlan plan(Path target, Optional<IniDocument> current, WriterArguments arguments)
            throws IniWriterException {
        List<IniEdit> planned = new ArrayList<>();
        for (CompiledRule.Step s : edits) {
            RuleSpec.IniEditSpec ini = s.spec().ini();
            if (!ini.file().equalsIgnoreCase(file)) {
                continue;
            }
            if (Boolean.TRUE.equals(ini.remove())) {
                planned.add(
                        ini.key() == null
                                ? new IniEdit.RemoveSection(ini.section())
                                : new IniEdit.Remove(ini.section(), ini.key()));
            } else {
                String value = arguments
                        .optional(parameter(s.index()))
                        .orElseThrow(() -> new IniWriterException("parameter " + parameter(s.index())
                                + " (the value of [" + ini.section() + "] " + ini.key() + ") is required"));
                planned.add(new IniEdit.Set(ini.section(), ini.key(), value));
            }
        }
        return IniPlan.of(target, current, planned, List.of("rule " + rule.article() + " in pack " + rule.packId()));
    }

    private static String describe(RuleSpec.IniEditSpec ini, String value) {
        if (Boolean.TRUE.equals(ini.remove())) {
            return ini.key() == null ? "remove [" + ini.section() + "]" : "remove [" + ini.section() + "] " + ini.key();
        }
        return "set [" + ini.section() + "] " + ini.key() + "=" + value;
    }
}
