package io.kbsh.net.internal.probe;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** The one check every configurable probe makes of the parameters it is given. */
public final class ProbeParameters {

    private ProbeParameters() {}

    /**
     * Refuses a name in {@code given} that {@code known} lacks, saying which the probe takes: {@code probe udp takes
     * parameter payload, not 'size'}.
     */
    public static void requireKnown(String probe, Set<String> known, Map<String, String> given) {
        for (String name : given.keySet()) {
            if (!known.contains(name)) {
                List<String> names = known.stream().sorted().toList();
                String takes = names.size() == 1
                        ? "parameter " + names.get(0)
                        : "parameters " + String.join(", ", names.subList(0, names.size() - 1)) + " and "
                                + names.get(names.size() - 1);
                throw new IllegalArgumentException("probe " + probe + " takes " + takes + ", not '" + name + "'");
            }
        }
    }
}
