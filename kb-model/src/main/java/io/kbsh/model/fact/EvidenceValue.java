package io.kbsh.model.fact;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One value of probe evidence, with its type: text (a greeting line), a whole number (milliseconds, a
 * serial), a flag (a certificate expired or not), a time (a certificate's end of validity) or a list (the
 * EHLO extensions, each kept whole). Checks read the type they expect from {@link Evidence}; reports print
 * {@link #display()} or map the type onto JSON's.
 *
 * @since 2.1
 */
public sealed interface EvidenceValue {

    /** The value as a person reads it: list items joined with a comma and a space, times in ISO-8601. */
    String display();

    /** Text as the peer sent it, control bytes already made printable by the probe. */
    record TextValue(String value) implements EvidenceValue {
        public TextValue {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String display() {
            return value;
        }
    }

    /** A whole number. */
    record NumberValue(long value) implements EvidenceValue {
        @Override
        public String display() {
            return Long.toString(value);
        }
    }

    /** A yes-or-no observation. */
    record FlagValue(boolean value) implements EvidenceValue {
        @Override
        public String display() {
            return Boolean.toString(value);
        }
    }

    /** A point in time. */
    record TimeValue(Instant value) implements EvidenceValue {
        public TimeValue {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String display() {
            return value.toString();
        }
    }

    /** Items in the order the peer listed them. */
    record ListValue(List<String> value) implements EvidenceValue {
        public ListValue {
            value = List.copyOf(value);
        }

        @Override
        public String display() {
            return String.join(", ", value);
        }
    }
}
