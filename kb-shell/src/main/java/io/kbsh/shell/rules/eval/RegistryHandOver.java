package io.kbsh.shell.rules.eval;

import io.kbsh.ini.reg.RegDocument;
import io.kbsh.ini.reg.RegFileBuilder;
import io.kbsh.ini.reg.RegFormat;
import io.kbsh.ini.reg.RegValue;
import io.kbsh.shell.rules.RuleSpec.RegistrySpec;
import java.util.List;

/**
 * A rule's registry change as a {@code .reg} file for a person to read and merge: kbsh writes the file
 * (with kb-ini's {@link RegFileBuilder}), never the registry.
 */
public final class RegistryHandOver {

    private RegistryHandOver() {
    }

    /** One line for the finding's resolution. */
    static String describe(RegistrySpec reg, String value) {
        String what = Boolean.TRUE.equals(reg.remove())
                ? (reg.name() == null ? "delete the key " + reg.key() : "delete " + reg.key() + "\\" + reg.name())
                : "set " + reg.key() + "\\" + reg.name() + " = " + (reg.type() == null ? "sz" : reg.type()) + ":" + value;
        return "registry (a .reg hand-over, never applied by kbsh; 'rules show ARTICLE --reg FILE' writes it): " + what;
    }

    /** The {@code .reg} file of a rule's registry changes, with {@code value} for each change's value. */
    public static RegDocument build(String article, List<RegistrySpec> changes, List<String> values) {
        RegFileBuilder b = RegFileBuilder.create(RegFormat.REGEDIT5).comment(article + ": written by kbsh for you to review and merge; kbsh never applies it");
        for (int i = 0; i < changes.size(); i++) {
            RegistrySpec reg = changes.get(i);
            if (Boolean.TRUE.equals(reg.remove()) && reg.name() == null) {
                b.deleteKey(reg.key());
                continue;
            }
            b.key(reg.key());
            if (Boolean.TRUE.equals(reg.remove())) {
                b.delete(reg.name());
            } else {
                b.set(reg.name(), value(reg.type() == null ? "sz" : reg.type(), values.get(i)));
            }
        }
        return b.build();
    }

    private static RegValue value(String type, String text) {
        return switch (type) {
            case "dword" -> new RegValue.Dword((int) (text.startsWith("0x") ? Long.parseLong(text.substring(2), 16) : Long.parseLong(text)));
            case "expand-sz" -> new RegValue.ExpandSz(text);
            case "multi-sz" -> new RegValue.MultiSz(List.of(text.split("\\|")));
            default -> new RegValue.Sz(text);
        };
    }
}
