package io.kbsh.testkit.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;

/**
 * A scripted line-protocol server: a greeting, canned answers by command word, and a STARTTLS command after
 * whose answer the connection becomes the server end of a TLS session. The first word decides (for IMAP the
 * second, after the tag). {@link #smtp}, {@link #pop3} and {@link #imap4} greet and answer as those servers
 * do; play one with {@code new ScriptedServer(Dialogue.smtp("mail.test"))}.
 *
 * <p>Not thread-safe while being built; once handed to a {@link ScriptedServer} it is only read, by every
 * connection at once.
 */
public final class Dialogue implements ScriptedServer.Script {

    private final String greeting;
    private final Map<String, String> answers = new LinkedHashMap<>();
    private final Map<String, String> answersOverTls = new LinkedHashMap<>();
    private @Nullable String tlsCommand;
    private @Nullable SSLContext tls;
    private boolean tagged;
    private boolean implicitTls;
    private String unknown = "500 unknown command\r\n";

    private Dialogue(String greeting) {
        this.greeting = greeting;
    }

    /** {@code greeting} is sent as is (include CR LF). */
    public static Dialogue greeting(String greeting) {
        return new Dialogue(greeting);
    }

    /**
     * An SMTP server as a probe meets it: a {@code 220} greeting naming {@code host}, {@code EHLO} answered
     * with {@code 8BITMIME}, {@code HELO} and {@code QUIT} answered. Add or replace answers with
     * {@link #on} (e.g. {@code .startTlsOn("STARTTLS", "220 go ahead\r\n")}).
     */
    public static Dialogue smtp(String host) {
        return greeting("220 " + host + " ESMTP\r\n")
                .on("EHLO", "250-" + host + "\r\n250 8BITMIME\r\n")
                .on("HELO", "250 " + host + "\r\n")
                .on("QUIT", "221 " + host + " closing\r\n");
    }

    /** A POP3 server: {@code +OK} greeting naming {@code host}, {@code CAPA} listing {@code USER}, {@code QUIT}. */
    public static Dialogue pop3(String host) {
        return greeting("+OK " + host + " POP3 ready\r\n")
                .on("CAPA", "+OK capability list follows\r\nUSER\r\n.\r\n")
                .on("QUIT", "+OK " + host + " closing\r\n");
    }

    /** An IMAP4 server: {@code * OK} greeting naming {@code host}, tagged {@code CAPABILITY} and {@code LOGOUT}. */
    public static Dialogue imap4(String host) {
        return greeting("* OK " + host + " IMAP4rev1 ready\r\n")
                .tagged()
                .on("CAPABILITY", "* CAPABILITY IMAP4rev1\r\nTAG OK CAPABILITY completed\r\n")
                .on("LOGOUT", "* BYE " + host + " closing\r\nTAG OK LOGOUT completed\r\n");
    }

    /** Answers {@code command} (matched case-insensitively by its first word) with {@code answer}, sent as is. */
    public Dialogue on(String command, String answer) {
        answers.put(command.toUpperCase(Locale.ROOT), answer);
        return this;
    }

    /** Answers {@code command} so once TLS is up (a server that offers more, or less, over TLS). */
    public Dialogue overTls(String command, String answer) {
        answersOverTls.put(command.toUpperCase(Locale.ROOT), answer);
        return this;
    }

    /** After answering {@code command}, start TLS as the server with the test certificate. */
    public Dialogue startTlsOn(String command, String answer) {
        tlsCommand = command.toUpperCase(Locale.ROOT);
        tls = TestTls.serverContext(TestTls.currentStore());
        return on(command, answer);
    }

    /** TLS from the first byte. */
    public Dialogue implicitTls() {
        implicitTls = true;
        tls = TestTls.serverContext(TestTls.currentStore());
        return this;
    }

    /** IMAP: commands carry a tag; answers may use {@code TAG} for it. */
    public Dialogue tagged() {
        tagged = true;
        unknown = "TAG BAD unknown command\r\n";
        return this;
    }

    @Override
    public void play(Socket client) throws IOException {
        SSLContext implicit = tls; // implicitTls() sets both
        Socket s = implicitTls && implicit != null ? TestTls.upgrade(client, implicit) : client;
        InputStream in = s.getInputStream();
        OutputStream out = s.getOutputStream();
        write(out, greeting);
        boolean secure = implicitTls;
        String line;
        while ((line = ScriptedServer.readLine(in)) != null) {
            String[] words = line.trim().split("\\s+");
            String tag = tagged && words.length > 1 ? words[0] : "";
            String command = (tagged && words.length > 1 ? words[1] : words[0]).toUpperCase(Locale.ROOT);
            String answer = (secure && answersOverTls.containsKey(command)
                            ? answersOverTls.get(command)
                            : answers.getOrDefault(command, unknown))
                    .replace("TAG", tag);
            write(out, answer);
            if (command.equals(tlsCommand) && tls != null) {
                s = TestTls.upgrade(s, tls);
                secure = true;
                in = s.getInputStream();
                out = s.getOutputStream();
            }
            if (command.equals("QUIT") || command.equals("LOGOUT")) {
                return;
            }
        }
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }
}
