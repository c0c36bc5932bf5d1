package io.kbsh.ini.file;

import io.kbsh.ini.document.IniDocument;
import io.kbsh.ini.internal.AtomicReplace;
import io.kbsh.ini.internal.WriteSteps;
import io.kbsh.ini.plan.IniEdit;
import io.kbsh.ini.plan.IniPlan;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Run in a separate JVM by tests: applies a plan to {@code args[0]} but stops just before the rename,
 * says so, and waits to be killed, as an apply killed midway would be.
 */
public final class StuckWriter {

    private StuckWriter() {}

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        WriteSteps stuck = new WriteSteps() {
            @Override
            public void write(FileChannel channel, ByteBuffer data) throws IOException {
                WriteSteps.system().write(channel, data);
            }

            @Override
            public void flush(FileChannel channel) throws IOException {
                WriteSteps.system().flush(channel);
            }

            @Override
            public void rename(Path from, Path to) throws IOException {
                System.out.println("written " + from);
                System.out.flush();
                while (System.in.read() >= 0) {
                    // Wait for the kill.
                }
                throw new IOException("not killed");
            }
        };
        IniPlan plan = IniPlan.of(
                file,
                Optional.of(IniDocument.read(file)),
                List.of(new IniEdit.Set("EMSMTA", "Disable", "1")),
                List.of());
        new PlanApplier(new AtomicReplace(stuck), System.getProperty("user.name"), OptionalInt.empty()).apply(plan);
    }
}
