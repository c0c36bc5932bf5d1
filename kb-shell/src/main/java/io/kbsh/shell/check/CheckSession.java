package io.kbsh.shell.check;

import io.kbsh.model.command.CommandContext;
import io.kbsh.model.command.CommandException;
import io.kbsh.model.env.Environment;
import io.kbsh.model.fact.Fact;
import io.kbsh.model.fact.Facts;
import io.kbsh.model.finding.ObjectRef;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the check commands share across one shell session: the loaded environment (and its file), the
 * facts probes have produced for it, and the waiver file in use.
 */
@Singleton
public final class CheckSession {

    /** Facts kept per probe and target: enough history to read, bounded for a long session. */
    static final int HISTORY = 16;

    private Environment environment;
    private Path environmentFile;
    private Facts facts = Facts.none();
    private List<Path> copyFolders = List.of();

    private ExampleSite example = ExampleSite.none();

    /** The bundled example site, which {@code env load} redirects to its scratch copy. */
    public synchronized void useExample(ExampleSite site) {
        this.example = site;
    }

    public synchronized ExampleSite example() {
        return example;
    }

    /** Replaces the environment; facts about the previous one are dropped. */
    public synchronized void load(Path file, Environment env) {
        load(file, env, List.of());
    }

    /** Replaces the environment, whose collected copies may also be in {@code copyFolders}. */
    public synchronized void load(Path file, Environment env, List<Path> copyFolders) {
        this.environment = env;
        this.environmentFile = file;
        this.copyFolders = List.copyOf(copyFolders);
        this.facts = Facts.none();
    }

    /** The folders besides the environment file's own that the user allowed collected copies in. */
    public synchronized List<Path> copyFolders() {
        return copyFolders;
    }

    public synchronized Optional<Environment> environment() {
        return Optional.ofNullable(environment);
    }

    public synchronized Optional<Path> environmentFile() {
        return Optional.ofNullable(environmentFile);
    }

    public synchronized Environment requireEnvironment() throws CommandException {
        if (environment == null) {
            throw new CommandException("no environment loaded: use 'env load FILE' or --env FILE (see examples/)");
        }
        return environment;
    }

    /** Every object of the loaded environment as {@code kind:id}, for completion. */
    public synchronized List<String> objectNames() {
        return environment == null ? List.of() : objectNames(environment);
    }

    /** Every object of {@code environment} as {@code kind:id}. */
    public static List<String> objectNames(Environment environment) {
        List<String> names = new ArrayList<>();
        environment.sites().forEach(x -> names.add(new ObjectRef("site", x.id()).toString()));
        environment.servers().forEach(x -> names.add(ObjectRef.server(x.id()).toString()));
        environment
                .connectors()
                .forEach(x -> names.add(ObjectRef.connector(x.id()).toString()));
        environment.proxies().forEach(x -> names.add(ObjectRef.proxy(x.id()).toString()));
        environment.firewalls().forEach(x -> names.add(new ObjectRef("firewall", x.id()).toString()));
        environment.domains().forEach(x -> names.add(ObjectRef.domain(x.name()).toString()));
        return names;
    }

    public synchronized Facts facts() {
        return facts;
    }

    /**
     * Adds what probes found. A newer fact about the same probe and target is kept beside the older ones with
     * its time (checks decide on the newest, evidence shows the history), at most {@value #HISTORY} per subject.
     */
    public synchronized void addFacts(List<? extends Fact> more) {
        facts = facts.with(more, HISTORY);
    }

    public synchronized void clearFacts() {
        facts = Facts.none();
    }

    /**
     * The waiver file in force unless a command names another for itself ({@code --waivers}, {@code --file}):
     * {@code waivers.json} in kbsh's home.
     */
    public Path waiverFile(CommandContext context) {
        return context.home().resolve("waivers.json");
    }
}
