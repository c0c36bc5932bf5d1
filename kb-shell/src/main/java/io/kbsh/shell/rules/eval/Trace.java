package io.kbsh.shell.rules.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * What an evaluation saw, condition by condition, for {@code rules explain}: each condition in words, the
 * value it saw and whether it held. A trace that is not {@link #recording()} keeps nothing; callers build a
 * step's words and values only when {@link #isRecording()}, so that a check run pays for neither.
 */
public final class Trace {

    /** One condition: its words, what it saw, whether it held, how deep it sits under all/any/not. */
    public record Step(String condition, String saw, boolean held, int depth) {}

    private static final Trace OFF = new Trace(false);

    private final boolean recording;
    private final List<Step> steps = new ArrayList<>();
    private int depth;

    private Trace(boolean recording) {
        this.recording = recording;
    }

    public static Trace off() {
        return OFF;
    }

    public static Trace recording() {
        return new Trace(true);
    }

    public boolean isRecording() {
        return recording;
    }

    void step(String condition, String saw, boolean held) {
        if (recording) {
            steps.add(new Step(condition, saw, held, depth));
        }
    }

    void enter() {
        depth++;
    }

    void leave() {
        depth--;
    }

    public List<Step> steps() {
        return List.copyOf(steps);
    }
}
