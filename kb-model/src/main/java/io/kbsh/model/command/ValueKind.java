package io.kbsh.model.command;

/**
 * What an argument or option value is, so that the shell can complete it.
 *
 * @since 2.0
 */
public enum ValueKind {
    /** A flag: the option takes no value. */
    NONE,
    /** Free text; completed from {@link ShellCommand#candidates} when the command offers any. */
    TEXT,
    /** A path on the local file system. */
    FILE,
    /** A KnowledgeBase article id such as {@code Q254909}. */
    ARTICLE
}
