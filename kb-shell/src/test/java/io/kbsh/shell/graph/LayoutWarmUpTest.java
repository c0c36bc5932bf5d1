package io.kbsh.shell.graph;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LayoutWarmUpTest {

    /** The warm-up swallows its failures, so a sample the reader refuses would warm nothing, silently. */
    @Test
    void theSampleSiteIsReadAndDrawnWithEveryKindOfShape() throws Exception {
        String svg = LayoutWarmUp.draw();
        for (String shape : new String[] {"site:a", "server:S1", "server:S2", "proxy:P", "firewall:F", "internet"}) {
            assertTrue(svg.contains(shape), shape + " in " + svg);
        }
    }
}
