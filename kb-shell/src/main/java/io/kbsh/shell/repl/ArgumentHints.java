package io.kbsh.shell.repl;

import io.kbsh.model.command.ShellCommand;
import io.kbsh.shell.exec.CommandRegistry;
import io.kbsh.shell.help.CommandSyntax;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jline.reader.History;
import org.jline.reader.LineReader;
import org.jline.reader.Widget;

/**
 * Inline hints as a person types, shown faint after the cursor: the rest of the newest history line that
 * starts with what is typed (fish's and zsh-autosuggestions' history suggestion; Right arrow takes it), or,
 * when no history line does, what the command expects next, read from its usage line ({@code fix plan }
 * shows {@code [ARTICLE...] [--object KIND:ID] [--file FILE]}), as JLine's TailTipWidgets and fish's
 * argument descriptions do. JLine's line reader draws one kind of suggestion at a time; this switches
 * between the two after every key that changes the line.
 */
final class ArgumentHints {

    /** The widgets that change the line; each is wrapped to refresh the hint after it ran. */
    private static final List<String> EDITING = List.of(
            LineReader.SELF_INSERT,
            LineReader.BACKWARD_DELETE_CHAR,
            LineReader.DELETE_CHAR,
            LineReader.BACKWARD_KILL_WORD,
            LineReader.KILL_WORD,
            LineReader.KILL_LINE,
            LineReader.BACKWARD_KILL_LINE,
            LineReader.KILL_WHOLE_LINE,
            LineReader.YANK,
            LineReader.COMPLETE_WORD,
            LineReader.EXPAND_OR_COMPLETE,
            LineReader.MENU_COMPLETE);

    private final LineReader reader;
    private final CommandRegistry registry;

    private ArgumentHints(LineReader reader, CommandRegistry registry) {
        this.reader = reader;
        this.registry = registry;
    }

    /** Installs the hints on {@code reader}: history suggestions first, usage hints otherwise. */
    static void install(LineReader reader, CommandRegistry registry) {
        ArgumentHints hints = new ArgumentHints(reader, registry);
        reader.setAutosuggestion(LineReader.SuggestionType.HISTORY);
        for (String name : EDITING) {
            Widget original = reader.getWidgets().get(name);
            if (original == null) {
                continue;
            }
            reader.getWidgets().put(name, () -> {
                boolean done = original.apply();
                hints.refresh();
                return done;
            });
        }
        // Right arrow or End at the end of the line takes the history suggestion shown, as in fish; JLine's
        // line reader draws the suggestion but leaves taking it to widgets of one's own.
        for (String name : List.of(LineReader.FORWARD_CHAR, LineReader.END_OF_LINE)) {
            Widget original = reader.getWidgets().get(name);
            if (original == null) {
                continue;
            }
            reader.getWidgets().put(name, () -> hints.takeSuggestion() || original.apply());
        }
    }

    /** Inserts the rest of the history line suggested, when the cursor is at the end of a line that has one. */
    boolean takeSuggestion() {
        String line = reader.getBuffer().toString();
        if (line.isEmpty() || reader.getBuffer().cursor() != line.length()) {
            return false;
        }
        Optional<String> match = fromHistory(line);
        if (match.isEmpty()) {
            return false;
        }
        reader.getBuffer().write(match.get().substring(line.length()));
        refresh();
        return true;
    }

    /** Chooses the suggestion for the line as it is now. */
    void refresh() {
        String line = reader.getBuffer().toString();
        boolean atEnd = reader.getBuffer().cursor() == line.length();
        Optional<String> hint =
                !atEnd || line.isBlank() || fromHistory(line).isPresent() ? Optional.empty() : hint(line);
        if (hint.isPresent()) {
            reader.setTailTip(hint.get());
            reader.setAutosuggestion(LineReader.SuggestionType.TAIL_TIP);
        } else {
            reader.setTailTip("");
            reader.setAutosuggestion(LineReader.SuggestionType.HISTORY);
        }
    }

    /** The newest history line that starts with {@code line} and goes on: the history suggestion shown. */
    private Optional<String> fromHistory(String line) {
        History history = reader.getHistory();
        for (int i = history.last(); i >= history.first() && i >= 0; i--) {
            String old = history.get(i);
            if (old.length() > line.length() && old.startsWith(line)) {
                return Optional.of(old);
            }
        }
        return Optional.empty();
    }

    /**
     * What the command typed expects after the words so far, once a word is finished (the line ends in a
     * space); empty inside a word, or for a line that names no command.
     */
    Optional<String> hint(String line) {
        if (!line.endsWith(" ")) {
            return Optional.empty();
        }
        List<String> words = List.of(line.strip().split("\\s+"));
        Optional<CommandRegistry.Entry> entry = registry.find(words.get(0));
        if (entry.isEmpty()) {
            return Optional.empty();
        }
        ShellCommand command = entry.get().command();
        CommandSyntax syntax = CommandSyntax.of(command);
        List<String> positional = KbshCompleter.positional(command, words.subList(1, words.size()));
        if (!command.subcommands().isEmpty() && positional.isEmpty()) {
            return Optional.of(String.join("|", command.subcommands()));
        }
        Optional<String> sub = positional.isEmpty() ? Optional.empty() : syntax.subcommand(positional.get(0));
        List<CommandSyntax.Form> forms = syntax.forms(sub);
        if (forms.isEmpty()) {
            return Optional.empty();
        }
        List<String> tokens = tokens(forms.get(0).synopsis());
        // After the command's name: each positional word typed takes the next positional token, except one
        // that repeats (ARTICLE..., QUERY...); options typed take nothing (they may come in any order).
        List<String> rest = new ArrayList<>(tokens.subList(1, tokens.size()));
        int typed = positional.size();
        for (int i = 0; i < rest.size() && typed > 0; ) {
            String token = rest.get(i);
            if (token.startsWith("[-") || token.startsWith("-")) {
                i++;
            } else if (token.replace("]", "").endsWith("...")) {
                break;
            } else {
                rest.remove(i);
                typed--;
            }
        }
        return rest.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", rest));
    }

    /** The words of a synopsis, a bracketed group ({@code [--object KIND:ID]}) being one. */
    static List<String> tokens(String synopsis) {
        List<String> tokens = new ArrayList<>();
        StringBuilder token = new StringBuilder();
        int depth = 0;
        for (char c : synopsis.toCharArray()) {
            if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth = Math.max(0, depth - 1);
            }
            if (Character.isWhitespace(c) && depth == 0) {
                if (!token.isEmpty()) {
                    tokens.add(token.toString());
                    token.setLength(0);
                }
            } else {
                token.append(c);
            }
        }
        if (!token.isEmpty()) {
            tokens.add(token.toString());
        }
        return tokens;
    }
}
