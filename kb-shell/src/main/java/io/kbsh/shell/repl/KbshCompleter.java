package io.kbsh.shell.repl;

import io.kbsh.model.article.ArticleBrief;
import io.kbsh.model.article.ArticleId;
import io.kbsh.model.article.ArticleStore;
import io.kbsh.model.command.CommandContext;
import io.kbsh.model.command.OptionSpec;
import io.kbsh.model.command.ShellCommand;
import io.kbsh.model.command.ValueKind;
import io.kbsh.model.finding.Severity;
import io.kbsh.rules.ArticleCheck;
import io.kbsh.shell.exec.CommandRegistry;
import io.kbsh.shell.help.CommandSyntax;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.jline.builtins.Completers.FileNameCompleter;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Tab completion that knows the context, read from each command's {@link CommandSyntax}: command names
 * and sub-commands with what they do beside them (as fish and zsh describe candidates), only the options
 * of the sub-command typed, values for options kbsh gives one meaning everywhere ({@code --fail-on}
 * severities, {@code --object} the loaded environment's objects, {@code --codepage}), article ids with
 * their titles (those that have a check first, for {@code check}, {@code diagnose}, {@code fix},
 * {@code waive}), file names, and the command's own candidates.
 */
final class KbshCompleter implements Completer {

    private final CommandRegistry registry;
    private final Supplier<CommandContext> context;
    private final CompletionSources sources;
    private final Completer files = new FileNameCompleter();

    KbshCompleter(CommandRegistry registry, Supplier<CommandContext> context, CompletionSources sources) {
        this.registry = registry;
        this.context = context;
        this.sources = sources;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        List<String> words = line.words();
        if (line.wordIndex() == 0) {
            for (CommandRegistry.Entry e : registry.all()) {
                candidates.add(new Candidate(
                        e.command().name(),
                        e.command().name(),
                        null,
                        e.command().description(),
                        null,
                        null,
                        true));
            }
            return;
        }
        Optional<CommandRegistry.Entry> entry = registry.find(words.get(0));
        if (entry.isEmpty()) {
            return;
        }
        ShellCommand command = entry.get().command();
        CommandSyntax syntax = CommandSyntax.of(command);
        List<String> preceding = words.subList(1, line.wordIndex());
        String current = line.word();
        List<String> typed = positional(command, preceding);
        Optional<String> sub = typed.isEmpty() ? Optional.empty() : syntax.subcommand(typed.get(0));
        if (current.startsWith("-")) {
            for (OptionSpec o : syntax.options(sub)) {
                candidates.add(new Candidate(o.spelling(), o.spelling(), null, o.description(), null, null, true));
            }
            return;
        }
        Optional<OptionSpec> valueOf = optionBefore(command, preceding);
        if (valueOf.isPresent() && optionValues(valueOf.get(), candidates)) {
            return;
        }
        if (valueOf.isPresent()) {
            List<String> values =
                    command.optionCandidates(context.get(), valueOf.get().name(), typed);
            if (!values.isEmpty()) {
                offer(values, current, candidates);
                return;
            }
        }
        ValueKind kind = valueOf.map(OptionSpec::kind).orElseGet(() -> {
            if (typed.isEmpty() && !command.subcommands().isEmpty()) {
                syntax.subcommands()
                        .forEach((s, what) -> candidates.add(
                                new Candidate(s, s, null, what.isEmpty() ? null : what, null, null, true)));
                return ValueKind.NONE;
            }
            return command.argumentKind(typed);
        });
        switch (kind) {
            case FILE -> files.complete(reader, line, candidates);
            case TEXT -> offer(command.candidates(context.get(), typed), current, candidates);
            case ARTICLE -> articles(current, candidates);
            case NONE -> {
                // Nothing to offer beyond what was added above.
            }
        }
    }

    /**
     * Adds {@code values}: one that ends in {@code :} or {@code =} is a prefix the person goes on typing (no
     * space after it); where {@code NAME:} is offered too, {@code NAME:VALUE} (or {@code NAME=VALUE}) is
     * offered only once {@code NAME:} is typed, so that Tab after {@code prod} offers {@code product:}, not
     * every product. Values that merely hold a colon ({@code server:EXCH1}) are offered as they are.
     */
    private static void offer(List<String> values, String current, List<Candidate> candidates) {
        Set<String> prefixes = new HashSet<>();
        values.stream().filter(v -> separator(v) == v.length() - 1).forEach(prefixes::add);
        for (String value : values) {
            int separator = separator(value);
            boolean prefix = separator >= 0 && separator == value.length() - 1;
            String name = separator >= 0 ? value.substring(0, separator + 1) : "";
            if (!prefix && prefixes.contains(name) && !current.startsWith(name)) {
                continue;
            }
            candidates.add(new Candidate(value, value, null, null, null, null, !prefix));
        }
    }

    /** Where the first {@code :} or {@code =} of {@code value} is, or -1. */
    private static int separator(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) == ':' || value.charAt(i) == '=') {
                return i;
            }
        }
        return -1;
    }

    /** Values of options that mean one thing in every kbsh command; false when the option is not one. */
    private boolean optionValues(OptionSpec option, List<Candidate> candidates) {
        List<String> values = switch (option.name()) {
            case "fail-on" ->
                Arrays.stream(Severity.values()).map(Severity::label).toList();
            case "object" -> sources.objectNames().get();
            case "codepage" -> CODEPAGES;
            default -> null;
        };
        if (values == null) {
            return false;
        }
        values.forEach(v -> candidates.add(new Candidate(v, v, null, null, null, null, true)));
        return true;
    }

    /**
     * Article ids starting with what is typed, with their titles: first the articles a loaded check
     * knows (a check, a fix, a waiver is about one of them), then the others the store holds.
     */
    private void articles(String prefix, List<Candidate> candidates) {
        String wanted = (prefix.isEmpty() ? "Q" : prefix).toUpperCase(Locale.ROOT);
        Set<String> offered = new HashSet<>();
        for (ArticleCheck check : sources.checks().get()) {
            try {
                ArticleBrief brief = check.article();
                String id = brief.id().toString();
                if (id.startsWith(wanted) && offered.add(id)) {
                    candidates.add(new Candidate(id, id, "articles with a check", brief.title(), null, null, true));
                }
            } catch (RuntimeException | LinkageError e) {
                // A plugin that cannot say its article is reported by the commands; completion goes on.
            }
        }
        ArticleStore store = context.get().articles();
        List<ArticleId> ids = store.idsStartingWith(wanted, 200);
        for (ArticleId id : ids) {
            String text = id.toString();
            if (offered.add(text)) {
                // Titles only for a list short enough to read; reading 200 articles would stall the Tab.
                String title =
                        ids.size() <= 40 ? store.find(id).map(a -> a.title()).orElse(null) : null;
                candidates.add(new Candidate(text, text, "articles", title, null, null, true));
            }
        }
    }

    private static final List<String> CODEPAGES = List.of(
            "windows-1252",
            "windows-1250",
            "windows-1251",
            "windows-1253",
            "windows-1254",
            "windows-1257",
            "windows-932",
            "windows-936",
            "windows-949",
            "windows-950",
            "ibm437",
            "ibm850");

    /** When the previous word is an option that takes a value, that option. */
    private static Optional<OptionSpec> optionBefore(ShellCommand command, List<String> preceding) {
        if (preceding.isEmpty()) {
            return Optional.empty();
        }
        String previous = preceding.get(preceding.size() - 1);
        return command.options().stream()
                .filter(o -> o.takesValue() && o.spelling().equals(previous))
                .findFirst();
    }

    /** The positional words among {@code preceding}: options and their values left out. */
    static List<String> positional(ShellCommand command, List<String> preceding) {
        List<String> result = new ArrayList<>();
        for (int i = 0; i < preceding.size(); i++) {
            String w = preceding.get(i);
            if (w.startsWith("--")) {
                String name = w.contains("=") ? w.substring(0, w.indexOf('=')) : w;
                boolean takesValue =
                        command.options().stream().anyMatch(o -> o.spelling().equals(name) && o.takesValue());
                if (takesValue && !w.contains("=")) {
                    i++;
                }
                continue;
            }
            result.add(w);
        }
        return result;
    }
}
