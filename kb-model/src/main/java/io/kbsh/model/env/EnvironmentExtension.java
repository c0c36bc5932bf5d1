package io.kbsh.model.env;

import java.util.List;

/**
 * The SPI by which a plugin adds fields to environment objects (in
 * {@code META-INF/services/io.kbsh.model.env.EnvironmentExtension}). The shell registers the fields of
 * every loaded plugin with the environment reader; a field that the schema already has, or that another
 * plugin declared, refuses the plugin with one line naming both.
 *
 * <pre>{@code
 * public final class RelayFields implements EnvironmentExtension {
 *     public List<ExtensionField> fields() {
 *         return List.of(new ExtensionField(ObjectKind.PROXY, "services", FieldType.STRING_LIST,
 *                 "services the proxy computer runs besides Proxy Server"));
 *     }
 * }
 * // in a check: proxy.extensions().strings("services")
 * }</pre>
 *
 * @since 2.1
 */
public interface EnvironmentExtension {

    /** The fields this plugin adds; called once when the plugin loads. */
    List<ExtensionField> fields();
}
