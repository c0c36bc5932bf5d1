package io.kbsh.shell.check.run;

import io.kbsh.model.finding.Finding;
import io.kbsh.model.finding.Waiver;
import java.util.Objects;

/**
 * A finding, the plugin whose check produced it, and what became of it: {@code OPEN}, or {@code WAIVED} by
 * an active waiver. A finding whose only waiver has expired is open again, and {@link #expiredWaiver}
 * says so.
 */
public record Outcome(Finding finding, String plugin, Status status, Waiver waiver) {

    public enum Status {
        OPEN,
        WAIVED
    }

    public Outcome {
        Objects.requireNonNull(finding, "finding");
        Objects.requireNonNull(plugin, "plugin");
        Objects.requireNonNull(status, "status");
        if (status == Status.WAIVED && waiver == null) {
            throw new IllegalArgumentException("a waived outcome names its waiver");
        }
    }

    public boolean open() {
        return status == Status.OPEN;
    }

    /** True when the finding is open because the waiver that covered it has expired. */
    public boolean expiredWaiver() {
        return status == Status.OPEN && waiver != null;
    }
}
