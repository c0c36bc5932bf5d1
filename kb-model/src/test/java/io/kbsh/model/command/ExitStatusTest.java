package io.kbsh.model.command;

import static io.kbsh.model.command.ExitStatus.FAILED;
import static io.kbsh.model.command.ExitStatus.FINDINGS;
import static io.kbsh.model.command.ExitStatus.OK;
import static io.kbsh.model.command.ExitStatus.PLUGIN_FAILED;
import static io.kbsh.model.command.ExitStatus.USAGE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExitStatusTest {

    @Test
    void theFirstInTheOrderUsagePluginFailedFailedFindingsWins() {
        List<Integer> order = List.of(USAGE, PLUGIN_FAILED, FAILED, FINDINGS);
        for (int i = 0; i < order.size(); i++) {
            for (int j = i; j < order.size(); j++) {
                assertEquals(order.get(i), ExitStatus.combine(order.get(i), order.get(j)));
                assertEquals(order.get(i), ExitStatus.combine(order.get(j), order.get(i)));
            }
        }
    }

    @Test
    void okLosesToAnything() {
        assertEquals(FINDINGS, ExitStatus.combine(OK, FINDINGS));
        assertEquals(FAILED, ExitStatus.combine(FAILED, OK));
        assertEquals(OK, ExitStatus.combine(OK, OK));
    }
}
