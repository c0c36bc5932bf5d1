package io.kbsh.model.env;

/**
 * A component of an Exchange server that the articles talk about. In JSON the constant's name in lower
 * case with hyphens ({@code information-store}).
 */
public enum Component {
    MTA("message transfer agent"),
    INFORMATION_STORE("information store"),
    DIRECTORY("directory"),
    /** The Internet Mail Connector (Exchange 4.0), called the Internet Mail Service from 5.0 on. */
    INTERNET_MAIL("Internet Mail Connector/Service"),
    /** The System Attendant (a static RPC port of its own, Q148732). @since 2.1 */
    SYSTEM_ATTENDANT("system attendant"),
    /** The Internet News Service (NNTP). @since 2.1 */
    INTERNET_NEWS("Internet News Service"),
    /** Outlook Web Access on IIS. @since 2.1 */
    OUTLOOK_WEB_ACCESS("Outlook Web Access"),
    /** The Key Management server (advanced security). @since 2.1 */
    KEY_MANAGEMENT("Key Management server");

    private final String label;

    Component(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
