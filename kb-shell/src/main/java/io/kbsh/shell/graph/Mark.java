package io.kbsh.shell.graph;

import io.kbsh.model.finding.Severity;
import java.util.Locale;
import java.util.Optional;

/**
 * What the picture says about one object: its worst open finding's severity, or that its findings are all
 * waived, or nothing. Each state has a word and a shape as well as a colour, so the picture reads in black
 * and white and without colour vision.
 */
public record Mark(State state, int open, int waived) {

    public enum State {
        CRITICAL("critical", "\u2716"),
        ERROR("error", "\u2716"),
        WARNING("warning", "\u25B2"),
        INFO("info", "\u25CF"),
        WAIVED("waived", "\u25CB"),
        OK("no findings", "");

        private final String word;
        private final String symbol;

        State(String word, String symbol) {
            this.word = word;
            this.symbol = symbol;
        }

        public String word() {
            return word;
        }

        public String symbol() {
            return symbol;
        }

        public String css() {
            return "state-" + name().toLowerCase(Locale.ROOT);
        }

        public static State of(Severity severity) {
            return valueOf(severity.name());
        }
    }

    public static final Mark NONE = new Mark(State.OK, 0, 0);

    /** The worse of two marks, counts added. */
    public Mark with(Mark other) {
        State worst = state.ordinal() <= other.state.ordinal() ? state : other.state;
        return new Mark(worst, open + other.open, waived + other.waived);
    }

    /** One line for the shape: the symbol, the word and the counts, e.g. {@code ✖ error: 2 open, 1 waived}. */
    public Optional<String> line() {
        if (state == State.OK) {
            return Optional.empty();
        }
        StringBuilder out = new StringBuilder(state.symbol()).append(' ').append(state.word());
        if (open > 0) {
            out.append(": ").append(open).append(" open");
        }
        if (waived > 0) {
            out.append(open > 0 ? ", " : ": ").append(waived).append(" waived");
        }
        return Optional.of(out.toString());
    }
}
