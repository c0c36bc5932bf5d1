package io.kbsh.shell.exec;

import io.kbsh.model.command.UsageException;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits what the user typed into commands and words, by kbsh's own rules rather than a Unix shell's:
 * white space separates words; single or double quotes group words (either kind can hold the other);
 * {@code ;} outside quotes ends a command; an unquoted word starting with {@code #} starts a comment.
 * There is no escape character (backslash is literal, as Windows paths such as
 * {@code C:\Exchsrvr\Bin\Wspcfg.ini} need) and no history expansion.
 */
public final class CommandLineSplitter {

    /** One word with where it stands in the line (start inclusive, end exclusive; quotes included). */
    public record Word(String text, int start, int end) {}

    /** The words of one command. */
    public record Command(List<Word> words, int start, int end) {
        public List<String> texts() {
            return words.stream().map(Word::text).toList();
        }
    }

    /** The commands of a line; an unterminated quote is reported only when {@code strict}. */
    public record Split(List<Command> commands, boolean unterminatedQuote, int quoteColumn) {}

    private CommandLineSplitter() {}

    /** Splits a complete line; an unterminated quote is a usage error naming its column. */
    public static List<List<String>> commands(String line) throws UsageException {
        Split split = split(line);
        if (split.unterminatedQuote()) {
            throw new UsageException("unterminated quote at column " + (split.quoteColumn() + 1));
        }
        List<List<String>> result = new ArrayList<>();
        for (Command c : split.commands()) {
            if (!c.words().isEmpty()) {
                result.add(c.texts());
            }
        }
        return result;
    }

    /** Splits leniently (for completion): an open quote runs to the end of the line. */
    public static Split split(String line) {
        List<Command> commands = new ArrayList<>();
        List<Word> words = new ArrayList<>();
        StringBuilder word = null;
        int wordStart = 0;
        int commandStart = 0;
        char quote = 0;
        int quoteColumn = -1;
        int i = 0;
        for (; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
                continue;
            }
            if (c == '\'' || c == '"') {
                if (word == null) {
                    word = new StringBuilder();
                    wordStart = i;
                }
                quote = c;
                quoteColumn = i;
            } else if (c == ';') {
                if (word != null) {
                    words.add(new Word(word.toString(), wordStart, i));
                    word = null;
                }
                commands.add(new Command(List.copyOf(words), commandStart, i));
                words.clear();
                commandStart = i + 1;
            } else if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                if (word != null) {
                    words.add(new Word(word.toString(), wordStart, i));
                    word = null;
                }
            } else if (c == '#' && word == null) {
                break;
            } else {
                if (word == null) {
                    word = new StringBuilder();
                    wordStart = i;
                }
                word.append(c);
            }
        }
        if (word != null) {
            words.add(new Word(word.toString(), wordStart, i));
        }
        commands.add(new Command(List.copyOf(words), commandStart, i));
        return new Split(List.copyOf(commands), quote != 0, quote != 0 ? quoteColumn : -1);
    }
}
