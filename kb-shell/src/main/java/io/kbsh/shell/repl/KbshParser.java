package io.kbsh.shell.repl;

import io.kbsh.shell.exec.CommandLineSplitter;
import io.kbsh.shell.exec.CommandLineSplitter.Command;
import io.kbsh.shell.exec.CommandLineSplitter.Word;
import java.util.ArrayList;
import java.util.List;
import org.jline.reader.CompletingParsedLine;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;

/**
 * JLine's view of {@link CommandLineSplitter}: the REPL and batch mode split lines by the same rules.
 * For completion, the words are those of the command (between {@code ;}) under the cursor.
 */
final class KbshParser implements Parser {

    @Override
    public ParsedLine parse(String line, int cursor, ParseContext context) {
        CommandLineSplitter.Split split = CommandLineSplitter.split(line);
        Command current = split.commands().get(0);
        for (Command c : split.commands()) {
            if (c.start() <= cursor) {
                current = c;
            }
        }
        List<String> words = new ArrayList<>();
        int wordIndex = -1;
        int wordCursor = 0;
        int rawStart = cursor;
        int rawEnd = cursor;
        for (Word w : current.words()) {
            if (wordIndex < 0 && cursor < w.start()) {
                // The cursor stands in white space before this word: complete a new, empty word there.
                wordIndex = words.size();
                words.add("");
            }
            if (wordIndex < 0 && cursor >= w.start() && cursor <= w.end()) {
                wordIndex = words.size();
                boolean quoted =
                        w.start() < line.length() && (line.charAt(w.start()) == '"' || line.charAt(w.start()) == '\'');
                wordCursor = Math.max(0, Math.min(w.text().length(), cursor - w.start() - (quoted ? 1 : 0)));
                rawStart = w.start();
                rawEnd = w.end();
            }
            words.add(w.text());
        }
        if (wordIndex < 0) {
            wordIndex = words.size();
            words.add("");
        }
        return new Line(line, cursor, List.copyOf(words), wordIndex, wordCursor, cursor - rawStart, rawEnd - rawStart);
    }

    @Override
    public boolean isEscapeChar(char ch) {
        return false;
    }

    /** Quotes a completion candidate that would otherwise split into several words. */
    static String quoteIfNeeded(String candidate) {
        boolean plain = candidate
                .chars()
                .noneMatch(c -> c == ' ' || c == '\t' || c == ';' || c == '"' || c == '\'' || c == '#');
        if (plain) {
            return candidate;
        }
        char quote = candidate.indexOf('"') >= 0 ? '\'' : '"';
        return quote + candidate + quote;
    }

    private record Line(
            String line,
            int cursor,
            List<String> words,
            int wordIndex,
            int wordCursor,
            int rawWordCursor,
            int rawWordLength)
            implements CompletingParsedLine {

        @Override
        public String word() {
            return words.get(wordIndex);
        }

        @Override
        public CharSequence escape(CharSequence candidate, boolean complete) {
            String quoted = quoteIfNeeded(candidate.toString());
            if (!complete && quoted.length() > candidate.length()) {
                // Leave the closing quote off so that the user can keep typing inside it.
                return quoted.substring(0, quoted.length() - 1);
            }
            return quoted;
        }
    }
}
