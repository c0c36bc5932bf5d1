package io.kbsh.shell.troubleshoot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kbsh.shell.json.JsonInputException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProcedureReaderTest {

    private static Procedure read(String json) throws JsonInputException {
        return ProcedureReader.read(json.getBytes(StandardCharsets.UTF_8), "p.json");
    }

    private static String problem(String json) {
        return assertThrows(JsonInputException.class, () -> read(json)).getMessage();
    }

    private static final String HEAD =
            "{\"procedure\": 1, \"article\": \"Q900001\", \"title\": \"t\", \"summary\": \"s\",\n";

    @Test
    void theBundledQ319881HasItsTwentyStepsAndTwoProbes() {
        Procedure p = TroubleshootCommand.bundled("Q319881").orElseThrow();
        assertEquals(20, p.steps().size());
        assertEquals("some-mail-flows", p.start());
        assertEquals(
                2,
                p.steps().values().stream()
                        .filter(s -> s instanceof Procedure.ProbeStep)
                        .count());
        assertEquals(
                java.util.stream.IntStream.rangeClosed(1, 20).boxed().toList(),
                p.steps().values().stream().map(Procedure.Step::number).toList(),
                "one step per step of the article, in order");
    }

    @Test
    void unreachableStepsUnknownInputsAndFieldsAreRefusedWhereTheyAre() {
        assertEquals(
                "p.json:3:2: steps[1]: step 'orphan' cannot be reached from 'a'",
                problem(
                        HEAD
                                + "\"steps\": [{\"id\": \"a\", \"step\": 1, \"ask\": \"q\", \"yes\": {\"finding\": \"f\"}, \"no\": {\"finding\": \"g\"}},\n"
                                + " {\"id\": \"orphan\", \"step\": 2, \"ask\": \"q\", \"yes\": {\"finding\": \"f\"}, \"no\": {\"finding\": \"g\"}}]}"));
        assertTrue(problem(HEAD
                        + "\"steps\": [{\"id\": \"a\", \"step\": 1, \"probe\": \"smtp\", \"host\": \"{nobody}\", \"port\": \"25\","
                        + " \"text\": \"t\", \"pass\": {\"finding\": \"f\"}, \"fail\": {\"finding\": \"g\"}}]}")
                .endsWith("steps[0].host: names {nobody}, which is no input of the procedure"));
        assertTrue(problem(HEAD
                        + "\"steps\": [{\"id\": \"a\", \"step\": 1, \"ask\": \"q\", \"yes\": {\"finding\": \"f {greting}\"},"
                        + " \"no\": {\"finding\": \"g\"}}]}")
                .contains("names {greting}, which is neither an input nor a probe value"));
        assertTrue(
                problem(HEAD + "\"steps\": [{\"id\": \"a\", \"step\": 1, \"ask\": \"q\", \"yes\": {\"finding\": \"f\"},"
                                + " \"no\": {\"finding\": \"g\"}, \"maybe\": \"a\"}]}")
                        .contains("steps[0].maybe: unknown field"));
        assertTrue(problem(
                        HEAD
                                + "\"steps\": [{\"id\": \"a\", \"step\": 1, \"probe\": \"smtp\", \"host\": \"h\", \"port\": \"25\","
                                + " \"greeting\": \"(\", \"text\": \"t\", \"pass\": {\"finding\": \"f\"}, \"fail\": {\"finding\": \"g\"}}]}")
                .contains("steps[0].greeting: not a regular expression"));
        assertTrue(problem("{\"procedure\": 2}").contains("procedure format 2 is not known to this kbsh (it reads 1)"));
    }
}
