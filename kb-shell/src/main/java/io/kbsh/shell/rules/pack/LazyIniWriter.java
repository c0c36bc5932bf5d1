package io.kbsh.shell.rules.pack;

import io.kbsh.ini.document.IniDocument;
import io.kbsh.ini.plan.IniPlan;
import io.kbsh.ini.writer.IniWriter;
import io.kbsh.ini.writer.IniWriterException;
import io.kbsh.ini.writer.WriterArguments;
import io.kbsh.ini.writer.WriterParameter;
import io.kbsh.model.article.ArticleId;
import io.kbsh.shell.rules.eval.RuleIniWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A rule's INI writer whose rule is compiled when the writer is first asked for more than its name. */
final class LazyIniWriter implements IniWriter {

    private final LazyRule rule;
    private final String file;

    LazyIniWriter(LazyRule rule, String file) {
        this.rule = rule;
        this.file = file;
    }

    private IniWriter writer() {
        return RuleIniWriter.of(rule.compiled())
                .orElseThrow(() -> new IllegalStateException(rule.source() + ": the rule has no INI edit any more"));
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
        return writer().summary();
    }

    @Override
    public String targetFileName() {
        return file;
    }

    @Override
    public String targetLocation() {
        return writer().targetLocation();
    }

    @Override
    public List<WriterParameter> parameters() {
        return writer().parameters();
    }

    /** The rule's own refusal of an absent value comes first (RuleIniWriter), so it is delegated too. */
    @Override
    public WriterArguments validate(Map<String, String> raw) throws IniWriterException {
        return writer().validate(raw);
    }

    @Override
    public void validate(WriterArguments arguments) throws IniWriterException {
        writer().validate(arguments);
    }

    @Override
    public IniPlan plan(Path target, Optional<IniDocument> current, WriterArguments arguments)
            throws IniWriterException {
        return writer().plan(target, current, arguments);
    }
}
