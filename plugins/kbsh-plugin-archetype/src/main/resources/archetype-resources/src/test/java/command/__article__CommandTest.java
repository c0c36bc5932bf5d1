#set( $command = $article.toLowerCase() )
package ${package}.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kbsh.model.command.ExitStatus;
import io.kbsh.model.command.UsageException;
import io.kbsh.testkit.RecordingContext;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command run against the test kit's recording context, as the shell would run it. */
class ${article}CommandTest {

    @TempDir
    Path dir;

    @Test
    void saysWhatItChecksAndWhatFixesIt() throws Exception {
        RecordingContext context = new RecordingContext(dir);
        assertEquals(ExitStatus.OK, new ${article}Command().run(context, List.of()));
        assertEquals("${article}: ${title}\nfixed in: Exchange Server 5.5 SP4\n",
                context.output().replace(System.lineSeparator(), "\n"));
    }

    @Test
    void anArgumentIsAUsageError() {
        assertEquals("${command} takes no arguments, got 'x'",
                assertThrows(UsageException.class, () -> new ${article}Command().run(new RecordingContext(dir), List.of("x")))
                        .getMessage());
    }
}
