package io.kbsh.net.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLContext;

/**
 * A scripted line-protocol server: a greeting, canned answers by command word, and a STARTTLS command after
 * whose answer the connection becomes the server end of a TLS session. The first word decides (for IMAP the
 * second, after the tag).
 */
public final class Dialogue implements ScriptedServer.Script {

    private final String greeting;
    private final Map<String, String> answers = new LinkedHashMap<>();
    private final Map<String, String> answersOverTls = new LinkedHashMap<>();
    private String tlsCommand;
    private SSLContext tls;
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
        Socket s = implicitTls ? TestTls.upgrade(client, tls) : client;
        InputStream in = s.getInputStream();
        OutputStream out = s.getOutputStream();
        write(out, greeting);
        boolean secure = implicitTls;
        String line;
        while ((line = ScriptedServer.readLine(in)) != null) {
            String[] words = line.trim().split("\\s+");
            String tag = tagged && words.length > 1 ? words[0] : "";
            String command = (tagged && words.length > 1 ? words[1] : words[0]).toUpperCase(Locale.ROOT);
            String answer = (secure && answersOverTls.containsKey(command) ? answersOverTls.get(command)
                    : answers.getOrDefault(command, unknown)).replace("TAG", tag);
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
