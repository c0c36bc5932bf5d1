package io.kbsh.shell.help;

import io.kbsh.model.command.OptionSpec;
import io.kbsh.model.command.ShellCommand;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A command's syntax read from what it declares: its {@link ShellCommand#usage() usage lines} (the
 * synopsis, as a man page's SYNOPSIS, one line per form, an indented line continuing the one above, an
 * optional description after two spaces), its {@link ShellCommand#options() options} and its
 * {@link ShellCommand#subcommands() sub-commands}. Help, "did you mean", the usage line printed for a
 * missing argument and completion all read it from here, so they never disagree with each other.
 *
 * <p>A usage line belongs to the sub-commands it names as its second word ({@code probe smtp|pop3 HOST});
 * an option belongs to the sub-commands whose usage lines show it, or to all when no usage line does.
 */
public final class CommandSyntax {

    /** One form of the command: its synopsis and what it does (empty when the line says nothing). */
    public record Form(String synopsis, String description) {}

    private static final Pattern DESCRIBED = Pattern.compile("^(\\S.*?\\S)(?: {2,}(?:\\(([^)]*)\\)|(.*)))?$");
    private static final Pattern EXAMPLE = Pattern.compile("^\\s*e\\.g\\.\\s+(.*)$");

    private final ShellCommand command;
    private final List<Form> forms = new ArrayList<>();
    private final List<String> examples = new ArrayList<>();

    private CommandSyntax(ShellCommand command) {
        this.command = command;
        String previous = null;
        for (String raw : command.usage().lines().toList()) {
            Matcher example = EXAMPLE.matcher(raw);
            if (example.matches()) {
                examples.add(example.group(1).strip());
                previous = "e.g.";
                continue;
            }
            if (raw.isBlank()) {
                continue;
            }
            boolean continuation = Character.isWhitespace(raw.charAt(0));
            if (continuation && "e.g.".equals(previous)) {
                examples.add(raw.strip());
                continue;
            }
            if (continuation && !forms.isEmpty()) {
                Form last = forms.remove(forms.size() - 1);
                forms.add(new Form(last.synopsis() + " " + raw.strip(), last.description()));
                continue;
            }
            Matcher m = DESCRIBED.matcher(raw.strip());
            if (m.matches()) {
                String description = m.group(2) != null ? m.group(2) : m.group(3) == null ? "" : m.group(3);
                forms.add(new Form(m.group(1), description.strip()));
            } else {
                forms.add(new Form(raw.strip(), ""));
            }
            previous = raw;
        }
        command.examples().forEach(e -> examples.add(e.strip()));
    }

    public static CommandSyntax of(ShellCommand command) {
        return new CommandSyntax(command);
    }

    public ShellCommand command() {
        return command;
    }

    /** Every form of the command. */
    public List<Form> forms() {
        return List.copyOf(forms);
    }

    /** The forms of {@code subcommand}; all forms when it is empty or no form names it. */
    public List<Form> forms(Optional<String> subcommand) {
        if (subcommand.isEmpty()) {
            return forms();
        }
        List<Form> own = forms.stream()
                .filter(f -> subcommandsOf(f).contains(subcommand.get()))
                .toList();
        return own.isEmpty() ? forms() : own;
    }

    /** The examples: {@link ShellCommand#examples()} and the {@code e.g.} lines of the usage. */
    public List<String> examples() {
        return List.copyOf(examples);
    }

    /** Examples of {@code subcommand} (all examples when none is given). */
    public List<String> examples(Optional<String> subcommand) {
        if (subcommand.isEmpty()) {
            return examples();
        }
        String prefix = command.name() + " " + subcommand.get();
        return examples.stream()
                .filter(e -> e.equals(prefix) || e.startsWith(prefix + " "))
                .toList();
    }

    /** The sub-command {@code word} is, when it is one of the command's (case as declared). */
    public Optional<String> subcommand(String word) {
        return command.subcommands().contains(word) ? Optional.of(word) : Optional.empty();
    }

    /** What a sub-command does: its usage line's description, else the rest of its synopsis. */
    public String describe(String subcommand) {
        for (Form f : forms) {
            if (subcommandsOf(f).contains(subcommand)) {
                if (!f.description().isEmpty()) {
                    return f.description();
                }
                String rest = f.synopsis()
                        .substring(Math.min(f.synopsis().length(), f.synopsis().indexOf(' ') + 1));
                int space = rest.indexOf(' ');
                return space < 0 ? "" : rest.substring(space + 1);
            }
        }
        return "";
    }

    /** The options that apply to {@code subcommand} (all of the command's when it is empty). */
    public List<OptionSpec> options(Optional<String> subcommand) {
        if (subcommand.isEmpty() || command.subcommands().isEmpty()) {
            return command.options();
        }
        List<Form> own = forms(subcommand);
        return command.options().stream()
                .filter(o -> own.stream().anyMatch(f -> mentions(f, o))
                        || forms.stream().noneMatch(f -> mentions(f, o)))
                .toList();
    }

    /**
     * How the option's value is written, as the usage lines write it ({@code --fail-on SEVERITY});
     * from its kind when no usage line shows it.
     */
    public String placeholder(OptionSpec option) {
        Pattern p = Pattern.compile(Pattern.quote(option.spelling()) + "[ =]([A-Z][A-Za-z0-9_=.:\\[\\]|-]*)");
        for (Form f : forms) {
            Matcher m = p.matcher(f.synopsis());
            if (m.find()) {
                return balanced(m.group(1));
            }
        }
        return switch (option.kind()) {
            case FILE -> "FILE";
            case ARTICLE -> "ARTICLE";
            default -> option.name().toUpperCase(Locale.ROOT).replace('-', '_');
        };
    }

    /**
     * {@code word} without the closing brackets of the optional part it stands in, nor the ellipsis after it
     * ({@code [--param NAME=VALUE]...}: NAME=VALUE).
     */
    private static String balanced(String word) {
        String w = word.endsWith("...") ? word.substring(0, word.length() - 3) : word;
        while (w.endsWith("]")
                && w.chars().filter(c -> c == ']').count()
                        > w.chars().filter(c -> c == '[').count()) {
            w = w.substring(0, w.length() - 1);
        }
        return w.endsWith("[") ? w.substring(0, w.length() - 1) : w;
    }

    /** {@code --name PLACEHOLDER}, or {@code --name} for a flag. */
    public String spelling(OptionSpec option) {
        return option.takesValue() ? option.spelling() + " " + placeholder(option) : option.spelling();
    }

    /** Sub-commands by name with their descriptions, in declared order. */
    public Map<String, String> subcommands() {
        Map<String, String> result = new LinkedHashMap<>();
        command.subcommands().forEach(s -> result.put(s, describe(s)));
        return result;
    }

    private static boolean mentions(Form form, OptionSpec option) {
        return Pattern.compile("(?<![\\w-])" + Pattern.quote(option.spelling()) + "(?![\\w-])")
                .matcher(form.synopsis())
                .find();
    }

    private List<String> subcommandsOf(Form form) {
        String[] words = form.synopsis().split("\\s+");
        if (words.length < 2 || !words[0].equals(command.name())) {
            return List.of();
        }
        return List.of(words[1].split("\\|"));
    }
}
