package io.kbsh.shell.check;

import io.kbsh.ini.plan.IniPlan;
import io.kbsh.ini.writer.IniWriter;
import io.kbsh.ini.writer.IniWriterException;
import io.kbsh.model.article.ArticleId;
import io.kbsh.model.finding.Action;
import io.kbsh.shell.plugin.Contribution;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Plans the INI change a finding's action asks for, through the writer's own plugin: what {@code fix plan}
 * prints and the HTML report shows. A writer that is not loaded, refuses the parameters or cannot read the
 * file is a {@link FixPlans.PlanFailure} with one line saying so.
 */
public final class FixPlans {

    private final CheckEngine engine;

    public FixPlans(CheckEngine engine) {
        this.engine = engine;
    }

    /**
     * The plan for {@code action} on {@code file}; with {@code serverOnly}, on an empty file of that name
     * (no local copy was collected).
     */
    public IniPlan plan(ArticleId article, Action.RunIniWriter action, Path file, boolean serverOnly) {
        Optional<Contribution<IniWriter>> writer = engine.writer(action.writer(), article);
        if (writer.isEmpty()) {
            throw new PlanFailure(
                    "no INI writer '" + action.writer() + "' is loaded (is the " + article + " plugin installed?)");
        }
        return writer.get().call(w -> plan(w, file, serverOnly, action));
    }

    /** Runs inside the writer's plugin class loader; checked failures travel out as {@link PlanFailure}. */
    private static IniPlan plan(IniWriter writer, Path file, boolean serverOnly, Action.RunIniWriter action) {
        try {
            var arguments = writer.validate(action.parameters());
            return serverOnly ? writer.plan(file, Optional.empty(), arguments) : writer.plan(file, arguments);
        } catch (IniWriterException e) {
            throw new PlanFailure(writer.id() + ": " + e.getMessage());
        } catch (IOException e) {
            throw new PlanFailure("cannot read " + file + ": " + e.getMessage());
        }
    }

    /** Why no plan could be made, as one line. */
    public static final class PlanFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        PlanFailure(String message) {
            super(message, null, false, false);
        }
    }
}
