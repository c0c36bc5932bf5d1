package io.kbsh.shell.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kbsh.model.command.CommandException;
import io.kbsh.model.env.Environment;
import io.kbsh.model.env.EnvironmentExtension;
import io.kbsh.model.env.ExtensionField;
import io.kbsh.model.env.FieldType;
import io.kbsh.model.env.ObjectKind;
import io.kbsh.shell.env.EnvironmentReader;
import io.kbsh.shell.json.JsonInputException;
import io.kbsh.shell.plugin.Contribution;
import io.kbsh.shell.plugin.Contributions;
import io.kbsh.shell.plugin.PluginSet;
import io.kbsh.testkit.RecordingContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code env upgrade}, {@code env fields} and {@code env schema} on real files. */
class EnvUpgradeTest {

    @TempDir
    Path dir;

    Path copyOfExamples() throws Exception {
        Path from = Path.of("../examples");
        Path to = dir.resolve("examples");
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return to;
    }

    static EnvCommand command(Contributions contributions) {
        return new EnvCommand(new CheckSession(), new CheckEngine(contributions));
    }

    @Test
    void upgradeWritesVersionTwoToStandardOutputOrAFileAndNeverOverwritesUnasked() throws Exception {
        Path ex = copyOfExamples();
        RecordingContext ctx = new RecordingContext(ex);
        EnvCommand env = command(PluginSet.empty());
        env.run(ctx, List.of("upgrade", "site-q254909-q187225.json"));
        String printed = ctx.output();
        assertTrue(
                printed.contains("\"schemaVersion\": 2") && printed.contains("\"os\": \"Windows NT 4.0 SP4\""),
                printed);
        Environment original = EnvironmentReader.read(ex.resolve("site-q254909-q187225.json"));
        assertEquals(
                original.servers(),
                EnvironmentReader.parse(printed.getBytes(StandardCharsets.UTF_8), "out", ex)
                        .servers());

        ctx.reset();
        env.run(ctx, List.of("upgrade", "site-q254909-q187225.json", "-o", "v2/northwind.json"));
        Path out = ex.resolve("v2/northwind.json");
        // The copies stay in examples/collected, outside v2/: loading needs the folder named (--copies).
        assertThrows(JsonInputException.class, () -> EnvironmentReader.read(out));
        Environment upgraded = EnvironmentReader.read(out, List.of(ex));
        assertEquals(2, upgraded.schemaVersion());
        assertEquals(original.servers(), upgraded.servers(), "the copies are still found from v2/");
        String first = Files.readString(out);

        Files.writeString(out, "{\"schemaVersion\": 2}");
        ctx.reset();
        CommandException refused = assertThrows(
                CommandException.class,
                () -> env.run(ctx, List.of("upgrade", "site-healthy.json", "-o", "v2/northwind.json")));
        assertTrue(refused.getMessage().contains("not replaced"), refused.getMessage());
        assertEquals("{\"schemaVersion\": 2}", Files.readString(out), "nothing was written");

        RecordingContext person = new RecordingContext(ex).interactive(true);
        person.answers.add(false);
        assertThrows(
                CommandException.class,
                () -> env.run(
                        person, List.of("upgrade", "site-q254909-q187225.json", "--output", "v2/northwind.json")));
        assertEquals(1, person.questions.size(), "a person is asked");

        ctx.reset();
        env.run(ctx, List.of("upgrade", "site-q254909-q187225.json", "-o", "v2/northwind.json", "--yes"));
        assertEquals(first, Files.readString(out));
        try (Stream<Path> files = Files.list(out.getParent())) {
            assertTrue(
                    files.anyMatch(p -> p.getFileName().toString().startsWith("northwind.json.") && !p.equals(out)),
                    "the replaced file is kept as a backup");
        }
    }

    @Test
    void aBrokenFileIsOneLineWithItsPlace() throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(
                bad,
                "{\"schemaVersion\": 1,\n \"servers\": [{\"id\": \"A\", \"exchange\": \"5.5\", \"clustred\": true}]}");
        CommandException e = assertThrows(
                CommandException.class,
                () -> command(PluginSet.empty()).run(new RecordingContext(dir), List.of("upgrade", "bad.json")));
        assertTrue(
                e.getMessage().startsWith(bad + ":2:") && e.getMessage().contains("servers[0].clustred"),
                e.getMessage());
    }

    static final EnvironmentExtension PORT_OWNERS = () -> List.of(
            new ExtensionField(ObjectKind.PROXY, "portOwners", FieldType.STRING_LIST, "services holding port 25"));

    static Contributions contributing(EnvironmentExtension extension) {
        return new Contributions() {
            @Override
            @SuppressWarnings("unchecked")
            public <T> List<Contribution<T>> of(Class<T> spi) {
                return spi == EnvironmentExtension.class
                        ? List.of((Contribution<T>) new Contribution<>(Optional.empty(), extension))
                        : List.of();
            }
        };
    }

    @Test
    void pluginFieldsAreListedLoadedAndInTheGeneratedSchema() throws Exception {
        Path ex = copyOfExamples();
        Path file = ex.resolve("with-fields.json");
        Files.writeString(
                file,
                Files.readString(ex.resolve("site-v2-tailspin.json"))
                        .replace(
                                "\"clientsConnectBy\": \"name\",",
                                "\"clientsConnectBy\": \"name\", \"portOwners\": [\"SMTPSVC\"],"));
        EnvCommand plain = command(PluginSet.empty());
        assertThrows(
                CommandException.class, () -> plain.run(new RecordingContext(ex), List.of("load", "with-fields.json")));

        EnvCommand env = command(contributing(PORT_OWNERS));
        RecordingContext ctx = new RecordingContext(ex);
        env.run(ctx, List.of("fields"));
        assertTrue(ctx.output().contains("proxies[].portOwners") && ctx.output().contains("string-list"), ctx.output());
        ctx.reset();
        env.run(ctx, List.of("load", "with-fields.json"));
        assertTrue(ctx.output().startsWith("Loaded "), ctx.output());
        ctx.reset();
        env.run(ctx, List.of("schema"));
        assertTrue(ctx.output().contains("\"portOwners\""), "the generated schema has the field");
        ctx.reset();
        env.run(ctx, List.of("upgrade", "with-fields.json"));
        assertTrue(
                ctx.output().contains("\"portOwners\": [\n        \"SMTPSVC\"\n      ]")
                        || ctx.output().contains("\"portOwners\""),
                "plugin fields survive the rewrite: " + ctx.output());
    }
}
