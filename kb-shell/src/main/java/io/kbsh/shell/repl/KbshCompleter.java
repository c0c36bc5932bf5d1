package io.kbsh.shell.repl;

import io.kbsh.model.article.ArticleId;
import io.kbsh.model.article.ArticleStore;
import io.kbsh.model.command.CommandContext;
import io.kbsh.model.command.OptionSpec;
import io.kbsh.model.command.ShellCommand;
import io.kbsh.model.command.ValueKind;
import io.kbsh.shell.exec.CommandRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jline.builtins.Completers.FileNameCompleter;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Tab completion: command names first, then what the command itself declares: its sub-commands, its
 * options, the kind of each option value and argument (file names, article ids) and its own candidates.
 */
final class KbshCompleter implements Completer {

    private final CommandRegistry registry;
    private final Supplier<CommandContext> context;
    private final Completer files = new FileNameCompleter();

    KbshCompleter(CommandRegistry registry, Supplier<CommandContext> context) {
        this.registry = registry;
        this.context = context;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        List<String> words = line.words();
        if (line.wordIndex() == 0) {
            for (CommandRegistry.Entry e : registry.all()) {
                candidates.add(new Candidate(e.command().name(), e.command().name(), null,
                        e.command().description(), null, null, true));
            }
            return;
        }
        Optional<CommandRegistry.Entry> entry = registry.find(words.get(0));
        if (entry.isEmpty()) {
            return;
        }
        ShellCommand command = entry.get().command();
        List<String> preceding = words.subList(1, line.wordIndex());
        String current = line.word();
        if (current.startsWith("-")) {
            for (OptionSpec o : command.options()) {
                candidates.add(new Candidate(o.spelling(), o.spelling(), null, o.description(), null, null, true));
            }
            return;
        }
        ValueKind kind = optionValueKind(command, preceding).orElseGet(() -> {
            List<String> positional = positional(command, preceding);
            if (positional.isEmpty() && !command.subcommands().isEmpty()) {
                command.subcommands().forEach(s -> candidates.add(new Candidate(s)));
                return ValueKind.NONE;
            }
            return command.argumentKind(positional);
        });
        switch (kind) {
            case FILE -> files.complete(reader, line, candidates);
            case TEXT -> command.candidates(context.get(), positional(command, preceding))
                    .forEach(c -> candidates.add(new Candidate(c)));
            case ARTICLE -> articleIds(current).forEach(id -> candidates.add(new Candidate(id)));
            case NONE -> {
                // Nothing to offer beyond what was added above.
            }
        }
    }

    private List<String> articleIds(String prefix) {
        String wanted = prefix.isEmpty() ? "Q" : prefix;
        return context.get().articles().idsStartingWith(wanted, 200).stream().map(ArticleId::toString).toList();
    }

    /** When the previous word is an option that takes a value, the kind of that value. */
    private static Optional<ValueKind> optionValueKind(ShellCommand command, List<String> preceding) {
        if (preceding.isEmpty()) {
            return Optional.empty();
        }
        String previous = preceding.get(preceding.size() - 1);
        return command.options().stream()
                .filter(o -> o.takesValue() && o.spelling().equals(previous))
                .map(OptionSpec::kind)
                .findFirst();
    }

    /** The positional words among {@code preceding}: options and their values left out. */
    private static List<String> positional(ShellCommand command, List<String> preceding) {
        List<String> result = new ArrayList<>();
        for (int i = 0; i < preceding.size(); i++) {
            String w = preceding.get(i);
            if (w.startsWith("--")) {
                String name = w.contains("=") ? w.substring(0, w.indexOf('=')) : w;
                boolean takesValue = command.options().stream().anyMatch(o -> o.spelling().equals(name) && o.takesValue());
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
