package io.kbsh.shell.help;

import io.kbsh.model.command.OptionSpec;
import java.util.List;
import java.util.Optional;

/**
 * The help of one command or sub-command, generated from its {@link CommandSyntax}: what it does, its
 * usage lines, the options that apply with the placeholders the usage lines use, its sub-commands and
 * its examples. {@code help NAME}, {@code NAME --help} and {@code NAME -h} all print this.
 */
public final class HelpText {

    private HelpText() {}

    public static String of(CommandSyntax syntax, Optional<String> subcommand) {
        StringBuilder sb = new StringBuilder();
        String name = syntax.command().name() + subcommand.map(s -> " " + s).orElse("");
        String what = subcommand
                .map(syntax::describe)
                .filter(d -> !d.isEmpty())
                .orElse(syntax.command().description());
        sb.append(name).append(" - ").append(what).append('\n');
        sb.append("Usage:\n");
        for (CommandSyntax.Form f : syntax.forms(subcommand)) {
            sb.append("  ").append(f.synopsis());
            if (!f.description().isEmpty() && subcommand.isEmpty()) {
                sb.append("  ").append(f.description());
            }
            sb.append('\n');
        }
        if (subcommand.isEmpty() && !syntax.command().subcommands().isEmpty()) {
            sb.append("Sub-commands (").append(syntax.command().name()).append(" SUB --help for one):\n");
            int width = syntax.command().subcommands().stream()
                    .mapToInt(String::length)
                    .max()
                    .orElse(4);
            syntax.subcommands()
                    .forEach((sub, description) -> sb.append(String.format("  %-" + width + "s  %s%n", sub, description)
                                    .stripTrailing())
                            .append('\n'));
        }
        List<OptionSpec> options = syntax.options(subcommand);
        if (!options.isEmpty()) {
            sb.append("Options:\n");
            int width = Math.min(
                    28,
                    options.stream()
                            .mapToInt(o -> syntax.spelling(o).length())
                            .max()
                            .orElse(10));
            for (OptionSpec o : options) {
                String spelling = syntax.spelling(o);
                String pad = spelling.length() > width
                        ? "\n" + " ".repeat(width + 4)
                        : " ".repeat(width - spelling.length() + 2);
                sb.append("  ")
                        .append(spelling)
                        .append(pad)
                        .append(o.description())
                        .append(o.repeatable() ? " (repeatable)" : "")
                        .append('\n');
            }
        }
        List<String> examples = syntax.examples(subcommand);
        if (examples.isEmpty()) {
            examples = syntax.examples();
        }
        if (!examples.isEmpty()) {
            sb.append("Examples:\n");
            examples.forEach(e -> sb.append("  ").append(e).append('\n'));
        }
        return sb.toString();
    }

    /** The usage lines alone, as printed after a usage error: {@code usage: ...}, then aligned lines. */
    public static String usage(CommandSyntax syntax, Optional<String> subcommand) {
        StringBuilder sb = new StringBuilder();
        String first = "usage: ";
        for (CommandSyntax.Form f : syntax.forms(subcommand)) {
            sb.append(first).append(f.synopsis()).append('\n');
            first = "       ";
        }
        return sb.toString();
    }
}
