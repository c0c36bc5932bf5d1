package io.kbsh.model.env;

/**
 * How a firewall passes traffic. In JSON {@code "proxying"} or {@code "pass-through"}.
 *
 * @since 2.1
 */
public enum FirewallMode {
    /** An application-level gateway that opens its own connection onward (Raptor without transparency, say). */
    PROXYING,
    /** A packet filter that passes the original connection (with or without address translation). */
    PASS_THROUGH
}
