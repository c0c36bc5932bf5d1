package io.kbsh.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShellResourcesTest {

    @Test
    void closesNewestFirstAndKeepsGoingPastAFailure() {
        List<String> closed = new ArrayList<>();
        ShellResources resources = new ShellResources();
        resources.closeOnExit(() -> closed.add("index"));
        resources.closeOnExit(() -> {
            closed.add("broken");
            throw new IllegalStateException("cannot close");
        });
        resources.closeOnExit(() -> closed.add("newest"));

        resources.closeAll();
        resources.closeAll();

        assertEquals(List.of("newest", "broken", "index"), closed, "each closed once, newest first");
    }
}
