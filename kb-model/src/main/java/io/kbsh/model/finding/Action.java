package io.kbsh.model.finding;

import io.kbsh.model.env.IniFile;
import io.kbsh.model.version.ReleaseLevel;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One step of an article's resolution: run an INI writer, install a service pack, do something by hand,
 * hand a registry change over as a {@code .reg} file (since 2.1), or verify with a probe. Writer and probe
 * ids are resolved by the shell.
 *
 * @since 2.0
 */
public sealed interface Action
        permits Action.RunIniWriter,
                Action.InstallServicePack,
                Action.ManualStep,
                Action.Verify,
                Action.RegistryHandOver {

    /** The kinds of step; {@code REGISTRY} since 2.1. */
    enum Kind {
        INI_WRITER,
        SERVICE_PACK,
        MANUAL,
        VERIFY,
        REGISTRY
    }

    Kind kind();

    /** The object the step is done on. */
    ObjectRef target();

    /** One line a person can follow. */
    String describe();

    /** Run the INI writer {@code writer} with {@code parameters} on {@code file} (its server path and copy). */
    record RunIniWriter(String writer, Map<String, String> parameters, IniFile file, ObjectRef target)
            implements Action {
        public RunIniWriter {
            Objects.requireNonNull(writer, "writer");
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(target, "target");
            parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
        }

        @Override
        public Kind kind() {
            return Kind.INI_WRITER;
        }

        @Override
        public String describe() {
            StringBuilder sb = new StringBuilder("run INI writer ")
                    .append(writer)
                    .append(" on ")
                    .append(file.serverPath());
            new TreeMap<>(parameters)
                    .forEach((k, v) -> sb.append(' ').append(k).append('=').append(v));
            return sb.toString();
        }
    }

    record InstallServicePack(String product, ReleaseLevel level, ObjectRef target) implements Action {
        public InstallServicePack {
            Objects.requireNonNull(product, "product");
            Objects.requireNonNull(level, "level");
            Objects.requireNonNull(target, "target");
        }

        @Override
        public Kind kind() {
            return Kind.SERVICE_PACK;
        }

        @Override
        public String describe() {
            return "install " + product + " " + level + " (or later in that line) on " + target.id();
        }
    }

    record ManualStep(String instruction, ObjectRef target) implements Action {
        public ManualStep {
            Objects.requireNonNull(instruction, "instruction");
            Objects.requireNonNull(target, "target");
        }

        @Override
        public Kind kind() {
            return Kind.MANUAL;
        }

        @Override
        public String describe() {
            return instruction;
        }
    }

    /**
     * Hand registry changes to a person: {@code fix plan} shows them as the {@code .reg} file a person imports
     * with Regedit on the target, {@code fix apply} writes that file. kbsh never changes a registry itself.
     *
     * @param changes the changes, in the order the file makes them; at least one
     * @param target the machine whose registry they are for
     * @since 2.1
     */
    record RegistryHandOver(List<RegistryChange> changes, ObjectRef target) implements Action {
        public RegistryHandOver {
            changes = List.copyOf(changes);
            Objects.requireNonNull(target, "target");
            if (changes.isEmpty()) {
                throw new IllegalArgumentException("a registry hand-over has at least one change");
            }
        }

        @Override
        public Kind kind() {
            return Kind.REGISTRY;
        }

        @Override
        public String describe() {
            StringBuilder sb = new StringBuilder("registry of ")
                    .append(target.id())
                    .append(", as a .reg file to review and import with Regedit (kbsh never edits a registry): ");
            for (int i = 0; i < changes.size(); i++) {
                sb.append(i == 0 ? "" : "; ").append(changes.get(i).describe());
            }
            return sb.toString();
        }
    }

    record Verify(ProbeRequest probe, ObjectRef target) implements Action {
        public Verify {
            Objects.requireNonNull(probe, "probe");
            Objects.requireNonNull(target, "target");
        }

        @Override
        public Kind kind() {
            return Kind.VERIFY;
        }

        @Override
        public String describe() {
            return "verify: " + probe.describe() + " (" + probe.purpose() + ")";
        }
    }
}
